import VoicemailModel

/// The actions' line prompts (their y/N questions are `Confirmation`s).
public enum ActionsPrompt: Equatable, Sendable {
    case move(ids: [String], editor: LineEditor)
    case forward(ids: [String], editor: LineEditor)

    public var editor: LineEditor {
        switch self {
        case .move(_, let e), .forward(_, let e): e
        }
    }
}
