import DisplayText
import VoicemailBackend
import VoicemailClient

/// Commands that change several messages check every id first: one unknown id changes
/// nothing (as `delete` does on the server), instead of changing those before it.
enum EveryID {
    /// The sentence `--help` of each such command ends with.
    static let promise = "Every id is checked first: if one is unknown, no message is changed."
    /// How a set is named instead of ids.
    static let sets = """
        Instead of ids, --all, --from, --since and --older-than name a set of the --folder \
        (default new); how many will change is said first, and --dry-run only lists them.
        """

    /// Each id once, in the order given.
    static func distinct(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Throws (exit 6, naming every unknown id) unless every id names a message of the mailbox.
    static func requireAll(_ ids: [String], in backend: any VoicemailBackend) async throws {
        guard ids.count > 1 else { return }  // one id: the change itself fails before changing anything
        var missing: [String] = []
        var reason = ""
        for id in ids {
            do {
                _ = try await backend.message(id: id, mailbox: nil)
            } catch VoicemailError.notFound(_, let why) {
                missing.append(id)
                reason = why
            }
        }
        guard !missing.isEmpty else { return }
        let names = missing.map { TerminalSafe.line($0, maxLength: 64) }.joined(separator: ", ")
        let error = VoicemailError.notFound(what: missing.count == 1 ? "message \(names)" : "messages \(names)", reason: reason)
        throw CLIFailure(message: "\(error.message); no message was changed", code: ExitStatus.code(for: error))
    }
}
