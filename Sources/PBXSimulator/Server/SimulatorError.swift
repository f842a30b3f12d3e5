/// Why the simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible, Sendable {
    case configuration(String)
    case startup(String)

    public var description: String {
        switch self {
        case .configuration(let text), .startup(let text): text
        }
    }
}
