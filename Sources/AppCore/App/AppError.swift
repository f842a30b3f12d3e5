/// A failed effect, already reduced by the runtime to what the screen needs: a kind to react on
/// and a one-line message to show.
public struct AppError: Error, Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case notFound, unauthorized, forbidden, network, server, other
        /// The mailbox needs its owner's PIN (403 `pin_required`), or the PIN sent was wrong.
        case pinRequired, pinWrong
        /// A forward named an extension the PBX does not have.
        case noSuchExtension
    }

    public var kind: Kind
    /// One line, no trailing period; shown after a short context ("Delete failed: …").
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
