import Foundation
import Synchronization
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Keeps the connection limits from being a way to lock everyone out.
///
/// - Every request must arrive whole (head to end of body) within `requestTimeout`, however
///   slowly its bytes trickle in: the idle timeout alone is reset by every byte.
/// - When every slot is taken, a connection that is idle (a bare connect, a keep-alive between
///   requests) or still sending its request is closed to make room, taken from the address
///   that holds the most connections: the one that has waited longest (idle, or since its
///   request began). Connections whose request has arrived whole and is being answered are
///   never chosen.
/// - One address may hold at most `maxConnectionsPerAddress` connections; beyond that its own oldest
///   idle or still-sending connection makes room, so one source cannot take every slot.
final class ConnectionEvictor: Sendable {
    private enum Phase {
        /// Between requests (or before the first), since the instant given.
        case idle(since: ContinuousClock.Instant)
        /// The head has arrived, the end of the body has not.
        case receiving(since: ContinuousClock.Instant)
        /// The request arrived whole; the answer is being made or sent.
        case answering
    }

    private struct Entry {
        let channel: any Channel
        let address: String
        var phase: Phase

        /// Since when the connection has been waiting on its client (the longest waiting is
        /// evicted first, so a newcomer that has not yet had time to send its request is
        /// not); nil while it is being answered, never evicted.
        var waitingSince: ContinuousClock.Instant? {
            switch phase {
            case .idle(let since), .receiving(let since): since
            case .answering: nil
            }
        }
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])
    private let limits: ServerLimits
    private let logger: Logger

    init(limits: ServerLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func register(_ channel: any Channel) {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let crowded = entries.withLock { entries in
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, address: address, phase: .idle(since: .now))
            return entries.values.count(where: { $0.address == address }) > limits.maxConnectionsPerAddress
        }
        if crowded, !evict(from: address, reason: "connections from one address") {
            // Every other connection of that address is being answered: the newcomer waits its turn.
            logger.debug("too many connections from \(address): closing the new one")
            unregister(channel)
            channel.close(promise: nil)
        }
    }

    func unregister(_ channel: any Channel) {
        _ = entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    private func set(_ channel: any Channel, _ phase: Phase) {
        entries.withLock { $0[ObjectIdentifier(channel)]?.phase = phase }
    }

    /// Closes one idle or still-sending connection, from `address` or else from the address
    /// holding the most; false when every connection is being answered.
    @discardableResult
    func evict(from address: String? = nil, reason: String) -> Bool {
        let victim: Entry? = entries.withLock { entries in
            let candidates = entries.filter { $0.value.waitingSince != nil && (address == nil || $0.value.address == address) }
            guard !candidates.isEmpty else { return nil }
            var perAddress: [String: Int] = [:]
            for entry in entries.values { perAddress[entry.address, default: 0] += 1 }
            guard let (key, entry) = candidates.min(by: { a, b in
                let (countA, countB) = (perAddress[a.value.address] ?? 0, perAddress[b.value.address] ?? 0)
                if countA != countB { return countA > countB }
                return a.value.waitingSince! < b.value.waitingSince!
            }) else { return nil }
            entries.removeValue(forKey: key)
            return entry
        }
        guard let victim else { return false }
        logger.debug("\(reason) at the limit: closing a waiting connection from \(victim.address)")
        victim.channel.close(promise: nil)
        return true
    }

    /// Closes every connection not being answered (when the server stops).
    func closeWaiting() {
        let waiting = entries.withLock { entries in
            let waiting = entries.filter { $0.value.waitingSince != nil }
            for key in waiting.keys { entries.removeValue(forKey: key) }
            return waiting.values.map(\.channel)
        }
        for channel in waiting { channel.close(promise: nil) }
    }

    /// The delegate Hummingbird asks before accepting: under the limit, yes; at it, make room.
    func limit() -> Limit { Limit(maxConnections: limits.maxConnections, evictor: self) }

    struct Limit: AvailableConnectionsDelegate {
        let maxConnections: Int
        let evictor: ConnectionEvictor
        var open = 0

        mutating func connectionOpened() { open += 1 }
        mutating func connectionClosed() { open -= 1 }

        func isAcceptingNewConnections() -> Bool {
            guard open >= maxConnections else { return true }
            // The freed slot lets the server accept again once the victim's close completes.
            evictor.evict(reason: "connections")
            return false
        }
    }

    /// Follows one connection through its requests and enforces the request deadline.
    func handler() -> ActivityHandler { ActivityHandler(evictor: self, requestTimeout: limits.requestTimeout) }

    final class ActivityHandler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let evictor: ConnectionEvictor
        private let requestTimeout: Duration
        private var deadline: Scheduled<Void>?
        private var requestArrived = true
        private var answerSent = true

        init(evictor: ConnectionEvictor, requestTimeout: Duration) {
            self.evictor = evictor
            self.requestTimeout = requestTimeout
        }

        func handlerAdded(context: ChannelHandlerContext) {
            evictor.register(context.channel)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            deadline?.cancel()
            evictor.unregister(context.channel)
        }

        func channelInactive(context: ChannelHandlerContext) {
            deadline?.cancel()
            evictor.unregister(context.channel)
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head:
                (requestArrived, answerSent) = (false, false)
                evictor.set(context.channel, .receiving(since: .now))
                deadline?.cancel()
                let channel = context.channel, evictor = self.evictor, timeout = self.requestTimeout
                deadline = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                    evictor.logger.debug("closing a request from \(channel.remoteAddress?.ipAddress ?? "?") still unfinished after \(timeout)")
                    channel.close(promise: nil)
                }
            case .end:
                deadline?.cancel()
                deadline = nil
                requestArrived = true
                evictor.set(context.channel, answerSent ? .idle(since: .now) : .answering)
            case .body:
                break
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            // An answer sent before the body was read whole (an early 413) leaves the request
            // still arriving: its deadline and its phase stay until the body's end.
            if case .end = unwrapOutboundIn(data) {
                answerSent = true
                if requestArrived { evictor.set(context.channel, .idle(since: .now)) }
            }
            context.write(data, promise: promise)
        }
    }
}
