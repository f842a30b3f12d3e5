import FoundationEssentials

/// Every failure of this module, each with a one-line message fit for a status line.
public enum AudioError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case badTemplate(String)
    case noPlayer(String)
    case noRecorder(String)
    case playerFailed(String)
    case recorderFailed(String)
    case spawnFailed(String)
    case tempFiles(String)
    case check(String)
    case conversion(String)
    case download(String)

    public var description: String {
        switch self {
        case .badTemplate(let why): "Bad command template: \(why)"
        case .noPlayer(let why), .noRecorder(let why), .playerFailed(let why),
            .recorderFailed(let why), .spawnFailed(let why), .tempFiles(let why),
            .check(let why), .conversion(let why), .download(let why):
            why
        }
    }

    public var errorDescription: String? { description }
}
