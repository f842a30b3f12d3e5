import Foundation
import Synchronization
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import VoicemailModel

/// A simulator serving on a port until `stop()`.
public final class RunningSimulator: Sendable {
    /// `http://HOST:PORT`, the port resolved when 0 was asked for.
    public let baseURL: URL
    private let task: Task<Void, Error>
    private let evictor: ConnectionEvictor
    private let warnings: RepeatedWarnings

    init(baseURL: URL, task: Task<Void, Error>, evictor: ConnectionEvictor, warnings: RepeatedWarnings) {
        self.baseURL = baseURL
        self.task = task
        self.evictor = evictor
        self.warnings = warnings
    }

    /// Stops accepting connections, finishes the answers in flight, closes connections that
    /// are idle or still sending a request (nobody would answer them), and returns.
    public func stop() async {
        task.cancel()
        evictor.closeWaiting()
        _ = try? await task.value
        // The failures counted since the last summary are logged, not lost.
        warnings.flush()
    }

    deinit {
        task.cancel()
    }
}

public enum Simulator {
    /// Recovers the spool, seeds it if asked, and returns once the server accepts connections.
    public static func start(_ options: SimulatorOptions) async throws -> RunningSimulator {
        let logger = options.logger
        let directory = options.dataDirectory.standardizedFileURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if options.seed == .demo {
            try DemoSeed.fillIfEmpty(directory, logger: logger)
        }
        let users = try UserDirectory.load(from: directory)
        let store = try SpoolStore(
            directory: directory, users: users, defaultCapacity: options.mailboxCapacity, logger: logger)
        let api = SimulatorAPI(
            store: store, users: users, flavor: options.flavor, limits: options.limits,
            logger: logger)
        let router = SimulatorRoutes.router(api, observer: options.onRequest)

        let evictor = ConnectionEvictor(limits: options.limits, logger: logger)

        let started = StartSignal()
        let app = Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [evictor.handler()], idleTimeout: TimeAmount(options.limits.idleTimeout))),
            configuration: .init(
                address: .hostname(options.host, port: options.port), serverName: "pbx-sim",
                availableConnectionsDelegate: evictor.limit()),
            onServerRunning: { channel in started.succeed(port: channel.localAddress?.port ?? options.port) },
            logger: logger)
        let task = Task {
            do {
                try await app.run()
            } catch {
                started.fail(error)
                throw error
            }
            started.fail(SimulatorError.startup("the server stopped before it accepted connections"))
        }
        let port: Int
        do {
            port = try await started.wait()
        } catch {
            task.cancel()
            throw SimulatorError.startup("cannot listen on \(options.host):\(options.port): \(error)")
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        guard let url = URL(string: "http://\(host):\(port)") else {
            task.cancel()
            throw SimulatorError.startup("bad host \(options.host)")
        }
        logger.info("listening on \(url.absoluteString) (\(options.flavor.rawValue) API), data in \(directory.path)")
        return RunningSimulator(baseURL: url, task: task, evictor: evictor, warnings: api.guardian.warnings)
    }
}

/// Hands the bound port (or the start-up failure) from the server task to `start`.
private final class StartSignal: Sendable {
    private struct Waiting {
        var result: Result<Int, Error>?
        var waiter: CheckedContinuation<Int, Error>?
    }

    private let state = Mutex(Waiting())

    func succeed(port: Int) { resolve(.success(port)) }
    func fail(_ error: Error) { resolve(.failure(error)) }

    private func resolve(_ value: Result<Int, Error>) {
        // Only the first outcome counts; a waiter, if one came first, hears it.
        let waiter = state.withLock { state -> CheckedContinuation<Int, Error>? in
            guard state.result == nil else { return nil }
            state.result = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: value)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let known = state.withLock { state in
                if state.result == nil { state.waiter = continuation }
                return state.result
            }
            if let known { continuation.resume(with: known) }
        }
    }
}
