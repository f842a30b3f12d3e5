import AsteriskSpool
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SafeTOML
import Logging
import VoicemailClient

/// `--spool DIR`: the Asterisk spool backend, from flags, then the config file, then the
/// defaults Asterisk uses (context `default`, /etc/asterisk/voicemail.conf when readable).
enum SpoolBackendFactory {
    static let amiSecretVariable = "VMTUI_AMI_SECRET"

    static func make(
        _ options: GlobalOptions, config: ConfigFile, environment: [String: String],
        runner: any SecretCommandRunning, logger: Logger, onScreen: Bool
    ) throws -> BackendContext {
        guard let spool = options.spool ?? config.spool.spool else { throw SettingsError("no spool: give --spool DIR") }
        guard let user = options.user ?? config.connection.user else {
            throw SettingsError("--spool needs --user EXT: whose mailbox to open")
        }
        let conf = try voicemailConf(options, config: config)
        // During the screen stderr belongs to the terminal: warnings go to the log file there.
        let warn: @Sendable (String) -> Void = { line in
            logger.warning("\(line)")
            if !onScreen { Terminal.printError("warning: \(line)") }
        }
        var ami = try amiConfiguration(config, environment: environment, runner: runner)
        ami?.warn = warn
        let configuration = SpoolConfiguration(
            root: URL(fileURLWithPath: spool), context: options.context ?? config.spool.context ?? "default", user: user,
            mailbox: options.mailbox ?? config.connection.mailbox, voicemailConf: conf, ami: ami, warn: warn,
            cacheDirectory: SpoolConfiguration.defaultCacheDirectory(environment: environment))
        let backend = try AsteriskSpoolBackend(configuration)
        let name = conf.flatMap { try? VoicemailConf.load($0) }?.entry(user, context: configuration.context)?.fullName
        return BackendContext(
            backend: backend, serverLabel: "spool \(spool) (\(configuration.context))", user: user, userName: name,
            mailbox: configuration.mailbox, config: config, logger: logger, warnings: [], teardown: {})
    }

    /// The flag or config key must name a readable file; the default is used only when readable.
    static func voicemailConf(_ options: GlobalOptions, config: ConfigFile) throws -> URL? {
        if let path = options.voicemailConf ?? config.spool.voicemailConf {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw SettingsError(file: path, "cannot read voicemail.conf (no such file or permission denied)")
            }
            return URL(fileURLWithPath: path)
        }
        let standard = SpoolConfiguration.defaultVoicemailConf
        return FileManager.default.isReadableFile(atPath: standard.path) ? standard : nil
    }

    /// `ami`, `ami_user` and the secret (VMTUI_AMI_SECRET, else `ami_secret_command`); nil without `ami`.
    static func amiConfiguration(
        _ config: ConfigFile, environment: [String: String], runner: any SecretCommandRunning
    ) throws -> AMIConfiguration? {
        guard let endpoint = config.spool.ami else { return nil }
        let file = config.path
        guard let (host, port) = AMIConfiguration.parseEndpoint(endpoint) else {
            throw SettingsError(file: file, "\"ami\" must be host:port, e.g. \"127.0.0.1:5038\", not \"\(endpoint)\"")
        }
        guard let user = config.spool.amiUser else { throw SettingsError(file: file, "\"ami\" needs \"ami_user\" (a user of manager.conf)") }
        let secret: String
        if let value = environment[amiSecretVariable], !value.isEmpty {
            secret = value
        } else if let command = config.spool.amiSecretCommand {
            secret = try runner.run(command, name: "ami_secret_command")
        } else {
            throw SettingsError(file: file, "\"ami\" needs a secret: set \(amiSecretVariable) or \"ami_secret_command\"")
        }
        return AMIConfiguration(host: host, port: port, username: user, secret: secret)
    }
}
