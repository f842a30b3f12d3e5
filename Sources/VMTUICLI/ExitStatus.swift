import ArgumentParser
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SafeTOML
import VoicemailBackend
import VoicemailClient

/// Exit codes of the scriptable commands (also listed in `vmtui --help`).
public enum ExitStatus {
    public static let failure: Int32 = 1
    public static let notConfirmed: Int32 = 2
    public static let network: Int32 = 3
    public static let authentication: Int32 = 4
    public static let permission: Int32 = 5
    public static let notFound: Int32 = 6
    public static let rejected: Int32 = 7
    public static let server: Int32 = 8
    public static let usage: Int32 = 64
    public static let configuration: Int32 = 78

    public static let summary = """
        Exit codes: 0 success, 1 other failure (local files…), 2 not confirmed, 3 network \
        (cannot connect, DNS, TLS, timeout), 4 bad credentials, 5 no permission or PIN, \
        6 not found, 7 refused by the server (mailbox full, too long, bad input) or not possible on this PBX, \
        8 server error or malformed response, 64 usage, 78 configuration.
        """

    public static func code(for error: VoicemailError) -> Int32 {
        switch error.kind {
        case .usage: configuration
        case .local, .cancelled: failure
        case .network: network
        case .authentication: authentication
        case .permission: permission
        case .notFound: notFound
        case .rejected, .unsupported: rejected
        case .server: server
        }
    }
}

/// A failure already described to the user.
struct CLIFailure: Error {
    var message: String
    var code: Int32
}

/// Runs a command body; any failure becomes one line on stderr and an exit code.
enum CLI {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CLIFailure {
            Terminal.printError(failure.message)
            throw ExitCode(failure.code)
        } catch let error as VoicemailError {
            Terminal.printError(error.message)
            throw ExitCode(ExitStatus.code(for: error))
        } catch let error as SettingsError {
            Terminal.printError(error.description)
            throw ExitCode(ExitStatus.configuration)
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.printError(TerminalSafe.errorDetail(String(describing: error)))
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// Loads the config (printing its warnings), builds the backend, runs `body` with it and
    /// closes it (stopping the demo PBX) whatever happens.
    static func withBackend<T>(_ options: GlobalOptions, _ body: (BackendContext) async throws -> T) async throws -> T {
        let config = try BackendFactory.loadConfig(options)
        for warning in config.warnings { Terminal.printError("warning: \(warning)") }
        let context = try await BackendFactory.make(options, config: config)
        for warning in context.warnings { Terminal.printError("warning: \(warning)") }
        do {
            let result = try await body(context)
            await context.close()
            return result
        } catch {
            await context.close()
            throw error
        }
    }

    /// Refuses (`VoicemailError.unsupported`, exit 7) before anything is sent when the backend
    /// lacks one of `needed`.
    static func require(_ needed: BackendCapability..., of backend: any VoicemailBackend) async throws {
        let capabilities = try await backend.capabilities()
        for capability in needed { try capabilities.require(capability) }
    }
}
