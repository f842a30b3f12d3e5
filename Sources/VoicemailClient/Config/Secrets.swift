import DisplayText
import Foundation
import SafeTOML

/// Runs `token_command` / `password_command` (via /bin/sh -c) and takes the trimmed stdout.
/// Abstracted so tests can substitute it and so the CLI never passes secrets through argv.
public protocol SecretCommandRunning: Sendable {
    func run(_ command: String, name: String) throws(SettingsError) -> String
}

public struct ShellSecretCommand: SecretCommandRunning {
    public init() {}

    public func run(_ command: String, name: String) throws(SettingsError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw SettingsError("\(name) could not start (/bin/sh: \(error.localizedDescription))")
        }
        // Read both pipes before waiting, so a chatty command cannot fill a pipe and hang.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrLine = errorData.firstLine()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit
                ? "exit status \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
            throw SettingsError("\(name) failed (\(how))" + (stderrLine.isEmpty ? "" : ": \(stderrLine)"))
        }
        let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw SettingsError("\(name) printed nothing") }
        return secret
    }
}

/// Drains a pipe on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func firstLine() -> String {
        done.wait()
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return TerminalSafe.line(first, maxLength: 120)
    }
}

/// Where secrets come from: `VMTUI_TOKEN` / `VMTUI_PASSWORD` first, then the commands.
/// Nothing is fetched until it is needed, so a token command is not run for a password login.
public struct SecretSource: Sendable {
    public var environment: [String: String]
    public var tokenCommand: String?
    public var passwordCommand: String?
    public var runner: any SecretCommandRunning

    public static let tokenVariable = "VMTUI_TOKEN"
    public static let passwordVariable = "VMTUI_PASSWORD"
    public static let pinVariable = "VMTUI_PIN"

    public init(
        environment: [String: String], tokenCommand: String?, passwordCommand: String?,
        runner: any SecretCommandRunning = ShellSecretCommand()
    ) {
        self.environment = environment
        self.tokenCommand = tokenCommand
        self.passwordCommand = passwordCommand
        self.runner = runner
    }

    public var hasToken: Bool { nonEmpty(Self.tokenVariable) != nil || tokenCommand != nil }
    public var hasPassword: Bool { nonEmpty(Self.passwordVariable) != nil || passwordCommand != nil }

    public func token() throws(SettingsError) -> String? {
        if let value = nonEmpty(Self.tokenVariable) { return value }
        guard let tokenCommand else { return nil }
        return try runner.run(tokenCommand, name: "token_command")
    }

    public func password() throws(SettingsError) -> String? {
        if let value = nonEmpty(Self.passwordVariable) { return value }
        guard let passwordCommand else { return nil }
        return try runner.run(passwordCommand, name: "password_command")
    }

    public var pin: String? { nonEmpty(Self.pinVariable) }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }
}
