/// Problems with the configuration file, flags or secrets; one line each, naming the file
/// and line when there is one. Never contains a secret.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var reason: String

    public init(file: String? = nil, line: Int? = nil, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        switch (file, line) {
        case (let file?, let line?): "\(file):\(line): \(reason)"
        case (let file?, nil): "\(file): \(reason)"
        default: reason
        }
    }
}

/// A non-fatal remark about the configuration (an unknown key, for instance).
public struct ConfigWarning: Sendable, Equatable, CustomStringConvertible {
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
