import Foundation
import PBXSimulator
import VoicemailClient
import VoicemailModel

/// A demo pbx-sim in this process on a free loopback port, and a client for mailbox 101.
struct SimulatorFixture {
    static let token = "demo-101"
    static let password = "pass101"

    let simulator: RunningSimulator
    let client: VoicemailClient

    static func start(in fixtures: Fixtures) async throws -> SimulatorFixture {
        let simulator = try await Simulator.start(
            SimulatorOptions(dataDirectory: try fixtures.folder("spool"), host: "127.0.0.1", port: 0, seed: .demo))
        let client = VoicemailClient(
            configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: .bearer(token: token)))
        return SimulatorFixture(simulator: simulator, client: client)
    }

    func stop() async { await simulator.stop() }

    func message(format: AudioFormat) async throws -> VoicemailMessage {
        let all = try await client.allMessages(mailbox: "101")
        guard let message = all.first(where: { $0.format == format }) else {
            throw NSError(domain: "SimulatorFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: "no \(format) message in the demo"])
        }
        return message
    }

    /// The message's audio as the server has it, for comparison.
    func reference(_ message: VoicemailMessage, in fixtures: Fixtures) async throws -> URL {
        let file = fixtures.url("reference-\(message.id).\(message.format.rawValue)")
        try await client.downloadAudio(id: message.id, to: file)
        return file
    }
}
