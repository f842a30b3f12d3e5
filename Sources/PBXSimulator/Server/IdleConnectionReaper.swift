import Foundation
import Synchronization
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Keeps the connection limit from being a way to lock everyone out: when every slot is
/// taken, the connection that has been idle longest (a bare connect, or a keep-alive between
/// requests) is closed to make room. Connections in the middle of a request are never chosen.
final class IdleConnectionReaper: Sendable {
    private struct Entry {
        let channel: any Channel
        var busy: Bool
        var lastActive: ContinuousClock.Instant
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func register(_ channel: any Channel) {
        entries.withLock { $0[ObjectIdentifier(channel)] = Entry(channel: channel, busy: false, lastActive: .now) }
    }

    func unregister(_ channel: any Channel) {
        _ = entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func mark(_ channel: any Channel, busy: Bool) {
        entries.withLock { entries in
            entries[ObjectIdentifier(channel)]?.busy = busy
            entries[ObjectIdentifier(channel)]?.lastActive = .now
        }
    }

    /// Closes the longest-idle connection; false when every connection is busy.
    @discardableResult
    func closeLongestIdle() -> Bool {
        let victim: (any Channel)? = entries.withLock { entries in
            guard let (key, entry) = entries.filter({ !$0.value.busy }).min(by: { $0.value.lastActive < $1.value.lastActive })
            else { return nil }
            entries.removeValue(forKey: key)
            return entry.channel
        }
        guard let victim else { return false }
        logger.debug("connection limit reached: closing the longest idle connection from \(victim.remoteAddress?.description ?? "?")")
        victim.close(promise: nil)
        return true
    }

    /// The delegate Hummingbird asks before accepting: under the limit, yes; at it, make room.
    func limit(_ maxConnections: Int) -> Limit { Limit(maxConnections: maxConnections, reaper: self) }

    struct Limit: AvailableConnectionsDelegate {
        let maxConnections: Int
        let reaper: IdleConnectionReaper
        var open = 0

        mutating func connectionOpened() { open += 1 }
        mutating func connectionClosed() { open -= 1 }

        func isAcceptingNewConnections() -> Bool {
            guard open >= maxConnections else { return true }
            // The freed slot lets the server accept again once the victim's close completes.
            reaper.closeLongestIdle()
            return false
        }
    }

    /// Follows one connection: busy from a request's head until its answer ends.
    func handler() -> ActivityHandler { ActivityHandler(reaper: self) }

    final class ActivityHandler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let reaper: IdleConnectionReaper

        init(reaper: IdleConnectionReaper) {
            self.reaper = reaper
        }

        func handlerAdded(context: ChannelHandlerContext) {
            reaper.register(context.channel)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            reaper.unregister(context.channel)
        }

        func channelInactive(context: ChannelHandlerContext) {
            reaper.unregister(context.channel)
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head = unwrapInboundIn(data) { reaper.mark(context.channel, busy: true) }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { reaper.mark(context.channel, busy: false) }
            context.write(data, promise: promise)
        }
    }
}
