import Foundation
import Logging
import VoicemailModel

/// How to run the simulator.
public struct SimulatorOptions: Sendable {
    /// The spool directory (`users.json`, `<mailbox>/<Folder>/msgNNNN.*`).
    public var dataDirectory: URL
    /// Loopback by default: the simulator has well-known demo passwords.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `RunningSimulator.baseURL` tells which.
    public var port: Int = 0
    /// `.demo` fills an EMPTY data directory with the demo users and messages.
    public var seed: SimulatorSeed?
    /// Messages per mailbox before deposits and forwards are refused (users.json may override).
    public var mailboxCapacity: Int = VoicemailLimits.defaultMailboxCapacity
    /// Where the simulator logs; silent by default so an in-process simulator (vmtui --demo)
    /// never writes over the terminal.
    public var logger: Logger = Logger(label: "pbx-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Called after every answer (tests count requests and bytes with it).
    public var onRequest: (@Sendable (RequestRecord) -> Void)?
    /// The full contract, or only the calls Wildix documents.
    public var flavor: SimulatorFlavor = .full
    /// Connections, timeouts, uploads and guessing: what one client may cost the server.
    public var limits = ServerLimits()

    public init(dataDirectory: URL, host: String = "127.0.0.1", port: Int = 0, seed: SimulatorSeed? = nil) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.seed = seed
    }
}

public enum SimulatorSeed: String, Sendable, CaseIterable {
    case demo
}
