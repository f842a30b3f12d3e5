import ArgumentParser
import Foundation
import Logging
import PBXSimulator
#if canImport(Glibc)
import Glibc
#endif

/// `pbx-sim --data DIR`: the voicemail PBX simulator. Its first stdout line is
/// `listening on http://HOST:PORT` (flushed), which scripts and tests wait for.
@main
struct PBXSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pbx-sim",
        abstract: "A Wildix-style voicemail PBX simulator (see docs/api.md).")

    @Option(name: .long, help: "The spool directory (created if missing).")
    var data: String

    @Option(name: .long, help: "Address to listen on (loopback by default).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port; 0 picks a free one.")
    var port: Int = 0

    @Option(name: .long, help: "Fill an EMPTY data directory with demo users and messages: demo.")
    var seed: SimulatorSeed?

    @Option(name: .long, help: "API flavor: full (docs/api.md with vmtui's extensions), wildix (only the calls Wildix documents; every extension answers 404), wazo (Wazo Platform's wazo-auth and wazo-calld voicemail calls) or kazoo (Kazoo crossbar's user_auth and vmboxes calls).")
    var flavor: SimulatorFlavor = .full

    @Option(name: .customLong("token-ttl"), help: ArgumentHelp("Wazo and Kazoo faces: seconds a token lives (default: what the client asks on Wazo, 3600 on Kazoo).", valueName: "SECONDS"))
    var tokenTTL: Int?

    @Option(name: .long, help: "Messages per mailbox before deposits are refused.")
    var capacity: Int = 100

    @Option(name: .long, help: "Seconds a connection may send nothing before it is closed.")
    var idleTimeout: Int = 30

    @Option(name: .long, help: "Seconds a request may take to arrive whole (headers and body), however slowly it trickles in.")
    var requestTimeout: Int = 60

    @Option(name: .long, help: "Open connections at once (at the limit an idle or still-sending one is closed).")
    var maxConnections: Int = 512

    @Option(name: .long, help: "Open connections from one address (beyond it, that address's own longest-waiting one is closed).")
    var maxConnectionsPerAddress: Int = 64

    @Option(name: .long, help: "Uploads received at once; more are answered 503.")
    var maxUploads: Int = 16

    @Option(name: .long, help: "Write the log to this file instead of stderr.")
    var logFile: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Flag(name: .customLong("exit-with-stdin"), help: "Stop when standard input closes (for a parent process that runs pbx-sim).")
    var exitWithStdin = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard capacity > 0 else { throw ValidationError("--capacity must be at least 1") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be at least 1 (seconds)") }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be at least 1 (seconds)") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1") }
        guard maxConnectionsPerAddress > 0 else { throw ValidationError("--max-connections-per-address must be at least 1") }
        guard maxUploads > 0 else { throw ValidationError("--max-uploads must be at least 1") }
        if let tokenTTL, tokenTTL <= 0 { throw ValidationError("--token-ttl must be at least 1 (seconds)") }
    }

    func run() async throws {
        let signals = SignalWaiter()
        if exitWithStdin { signals.watchStandardInput() }
        let logger = try makeLogger()
        var options = SimulatorOptions(
            dataDirectory: URL(fileURLWithPath: data), host: host, port: port, seed: seed)
        options.mailboxCapacity = capacity
        options.flavor = flavor
        options.limits.idleTimeout = .seconds(idleTimeout)
        options.limits.requestTimeout = .seconds(requestTimeout)
        options.limits.maxConnections = maxConnections
        options.limits.maxConnectionsPerAddress = maxConnectionsPerAddress
        options.limits.maxConcurrentUploads = maxUploads
        options.limits.tokenTTL = tokenTTL
        options.logger = logger
        let simulator: RunningSimulator
        do {
            simulator = try await Simulator.start(options)
        } catch {
            FileHandle.standardError.write(Data("pbx-sim: \(error)\n".utf8))
            throw ExitCode(1)
        }
        // Written straight to the file descriptor: nothing buffered, nothing before it.
        FileHandle.standardOutput.write(Data("listening on \(simulator.baseURL.absoluteString)\n".utf8))
        await signals.waitForTermination()
        logger.info("stopping")
        await simulator.stop()
    }

    private func makeLogger() throws -> Logger {
        let level = logLevel
        let handle: FileHandle
        if let logFile {
            if !FileManager.default.fileExists(atPath: logFile) {
                _ = FileManager.default.createFile(atPath: logFile, contents: nil)
            }
            guard let file = FileHandle(forWritingAtPath: logFile) else {
                throw ValidationError("cannot write the log file \(logFile)")
            }
            file.seekToEndOfFile()
            handle = file
        } else {
            handle = FileHandle.standardError
        }
        var logger = Logger(label: "pbx-sim") { label in LineLogHandler(label: label, handle: handle) }
        logger.logLevel = level
        return logger
    }
}

extension SimulatorSeed: ExpressibleByArgument {}
extension SimulatorFlavor: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
