import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `pbx-sim` executable on a data directory, for tests that need a real
/// process (kill -9, restart) or just a server. Waits for the `listening on` line; stops the
/// process on `terminate()`, `kill(signal:)` or deinit, whichever comes first.
///
///     let dir = try TemporaryDirectory()
///     let sim = try SimulatorProcess(dataDirectory: dir.url, seed: "demo")
///     // … sim.baseURL …
///     try sim.restart()            // same data, after a crash or a clean stop
public final class SimulatorProcess: Sendable {
    public let dataDirectory: URL
    public let seed: String?
    public let capacity: Int?
    public let extraArguments: [String]
    public let startTimeout: TimeInterval
    /// Everything the server logged (its stderr goes to this file).
    public let logFile: URL

    /// The running process and its address; replaced by `restart`.
    private let running = Mutex<(process: Process, baseURL: URL)?>(nil)

    /// `http://127.0.0.1:PORT` of the running process.
    public var baseURL: URL {
        running.withLock { $0!.baseURL }
    }

    public var port: Int { baseURL.port ?? 0 }

    public var isRunning: Bool {
        running.withLock { $0?.process.isRunning ?? false }
    }

    public init(
        dataDirectory: URL, seed: String? = "demo", capacity: Int? = nil, port: Int = 0,
        extraArguments: [String] = [], startTimeout: TimeInterval = 60
    ) throws {
        self.dataDirectory = dataDirectory
        self.seed = seed
        self.capacity = capacity
        self.extraArguments = extraArguments
        self.startTimeout = startTimeout
        logFile = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("pbx-sim-\(UUID().uuidString).log")
        try launch(port: port)
    }

    deinit {
        stopProcess(signal: SIGKILL)
        try? FileManager.default.removeItem(at: logFile)
    }

    /// Clean stop (SIGTERM), waiting for the process to exit.
    public func terminate() {
        stopProcess(signal: SIGTERM)
    }

    /// Sends a signal (SIGKILL for a crash) and waits for the process to exit.
    public func kill(signal: Int32 = SIGKILL) {
        stopProcess(signal: signal)
    }

    /// Starts a new process on the same data directory (stopping the old one first if it
    /// is still running). `samePort` asks for the previous port again.
    public func restart(samePort: Bool = false) throws {
        let previous = samePort ? port : 0
        stopProcess(signal: SIGTERM)
        try launch(port: previous)
    }

    public var log: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The built `pbx-sim`: $PBX_SIM_PATH, next to the running test bundle, or the package's
    /// `.build/debug`.
    public static func executableURL() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["PBX_SIM_PATH"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        for bundle in [Bundle.main] + Bundle.allBundles {
            var directory = bundle.bundleURL.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("pbx-sim"))
            if let executable = bundle.executableURL {
                directory = executable.deletingLastPathComponent()
                candidates.append(directory.appendingPathComponent("pbx-sim"))
            }
        }
        // Sources/TestSupport/SimulatorProcess.swift → the package root.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/pbx-sim"))
        candidates.append(packageRoot.appendingPathComponent(".build/release/pbx-sim"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw TestSupportError(
            "pbx-sim executable not found (looked at \(candidates.map(\.path).joined(separator: ", "))); "
                + "build it with `swift build --product pbx-sim` or set PBX_SIM_PATH")
    }

    private func launch(port: Int) throws {
        let process = Process()
        process.executableURL = try Self.executableURL()
        var arguments = ["--data", dataDirectory.path, "--host", "127.0.0.1", "--port", String(port)]
        if let seed { arguments += ["--seed", seed] }
        if let capacity { arguments += ["--capacity", String(capacity)] }
        arguments += ["--log-level", "debug"] + extraArguments
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: logFile)
        logHandle.seekToEndOfFile()
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? logHandle.close()

        let line: String
        do {
            line = try Self.readFirstLine(stdout.fileHandleForReading, timeout: startTimeout)
        } catch {
            if process.isRunning {
                Glibc.kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            throw TestSupportError("pbx-sim did not start: \(error). Its log:\n\(log)")
        }
        let prefix = "listening on "
        guard line.hasPrefix(prefix), let url = URL(string: String(line.dropFirst(prefix.count))) else {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TestSupportError("pbx-sim printed \"\(line)\" instead of \"listening on URL\". Its log:\n\(log)")
        }
        running.withLock { $0 = (process, url) }
    }

    private func stopProcess(signal: Int32) {
        let process = running.withLock { $0?.process }
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Reads up to the first newline, failing after `timeout` or at end of file.
    static func readFirstLine(_ handle: FileHandle, timeout: TimeInterval) throws -> String {
        let fd = handle.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        var bytes: [UInt8] = []
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw TestSupportError("no \"listening on\" line within \(Int(timeout)) s")
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 0 { throw TestSupportError("the process exited before printing \"listening on\"") }
            if count < 0 {
                if errno == EINTR { continue }
                throw TestSupportError("reading its output failed: \(String(cString: strerror(errno)))")
            }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}
