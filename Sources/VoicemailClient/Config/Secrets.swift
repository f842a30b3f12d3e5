import ChildSpawn
import DisplayText
import FoundationEssentials
import SafeTOML
import SystemBasics

/// Runs `token_command` / `password_command` (via /bin/sh -c) and takes the trimmed stdout.
/// Abstracted so tests can substitute it and so the CLI never passes secrets through argv.
public protocol SecretCommandRunning: Sendable {
    func run(_ command: String, name: String) throws(SettingsError) -> String
}

public struct ShellSecretCommand: SecretCommandRunning {
    public init() {}

    /// Started as every child of vmtui is (no descriptor above 2, none of vmtui's own
    /// secrets in its environment), but in vmtui's process group with its stdin: a command
    /// such as `pass` may ask for a passphrase on the terminal.
    public func run(_ command: String, name: String) throws(SettingsError) -> String {
        let outcome: ChildCommand.Outcome
        do {
            outcome = try ChildCommand.run(
                path: "/bin/sh", arguments: ["/bin/sh", "-c", command],
                environment: ChildEnvironment.withoutVMTUISecrets(ProcessInfo.processInfo.environment),
                stdin: .inherited, captureOutput: true, ownProcessGroup: false)
        } catch {
            throw SettingsError("\(name) could not start (/bin/sh: \(error.description))")
        }
        let stderrLine = TerminalSafe.line(outcome.firstErrorLine, maxLength: 120)
        guard outcome.status == 0, outcome.signal == nil else {
            let how = outcome.signal.map { "killed by signal \($0)" } ?? "exit status \(outcome.status)"
            throw SettingsError("\(name) failed (\(how))" + (stderrLine.isEmpty ? "" : ": \(stderrLine)"))
        }
        let secret = String(decoding: outcome.output, as: UTF8.self).trimmingSpacesAndNewlines()
        guard !secret.isEmpty else { throw SettingsError("\(name) printed nothing") }
        return secret
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
        guard let value = environment[name]?.trimmingSpacesAndNewlines(), !value.isEmpty
        else { return nil }
        return value
    }
}
