/// The ETags of INBOX and Urgent, which together make the New folder, as one opaque token for
/// the caller to keep and send back (`FolderListing`).
public struct NewFolderTag: Equatable, Sendable {
    public var inbox: String?
    public var urgent: String?

    private static let separator: Character = "\u{1F}"

    public init(inbox: String?, urgent: String?) {
        self.inbox = inbox
        self.urgent = urgent
    }

    /// A token from `join`; one without the separator is INBOX's alone.
    public init(_ token: String?) {
        guard let token else { return }
        let parts = token.split(separator: Self.separator, maxSplits: 1, omittingEmptySubsequences: false)
        inbox = parts.first.flatMap { $0.isEmpty ? nil : String($0) }
        urgent = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
    }

    /// Nil when neither list had an ETag.
    public static func join(inbox: String?, urgent: String?) -> String? {
        guard inbox != nil || urgent != nil else { return nil }
        return (inbox ?? "") + String(separator) + (urgent ?? "")
    }
}
