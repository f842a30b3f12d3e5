import AppCore
import Foundation
import Logging
import PBXSimulator
import TestSupport
import VMTUIRuntime
import VoicemailBackend
import VoicemailClient
import VoicemailModel
import XCTest

/// The screen's live updates over the Wazo and Kazoo backends: a poll at the refresh interval
/// shows what changed elsewhere, and a token that expired between polls is replaced unseen.
final class VendorLiveUpdateTests: XCTestCase {
    /// AppCore fed by the real effect runner over any backend, one effect at a time.
    private final class Screen {
        var state: AppState
        let runner: ClientEffectRunner
        private var queue: [Effect]

        init(_ backend: any VoicemailBackend, user: String) async {
            let config = AppConfig(
                server: "pbx-sim", user: user, mailbox: nil, timeZone: TimeZone(identifier: "UTC")!, autoRefreshSeconds: 2)
            runner = ClientEffectRunner(client: backend, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            var effects: [Effect]
            (state, effects) = App.initial(config: config, now: Date())
            effects += App.update(&state, .input(.resize(TerminalSize(width: 100, height: 30))))
            queue = effects
            await settle()
        }

        func settle() async {
            while !queue.isEmpty {
                guard let event = await runner.run(queue.removeFirst()) else { continue }
                queue += App.update(&state, event)
            }
        }

        func tickRefresh() async {
            queue += App.update(&state, .tick(state.lastRefresh.addingTimeInterval(3)))
            await settle()
        }

        var visibleIDs: [String] { (0..<state.visibleCount).map { state.visibleMessage(at: $0).id } }
    }

    private func check(_ flavor: SimulatorFlavor, make: (URL, String) -> any VoicemailBackend) async throws {
        let directory = try TemporaryDirectory(prefix: "vmtui-vendor-live")
        defer { directory.remove() }
        var options = SimulatorOptions(dataDirectory: directory.url, seed: .demo)
        options.flavor = flavor
        options.limits.tokenTTL = 1
        let simulator = try await Simulator.start(options)
        do {
            let screen = await Screen(make(simulator.baseURL, "101"), user: "101")
            let shown = screen.visibleIDs
            XCTAssertGreaterThan(shown.count, 1, "\(flavor)")
            // Another session (the PBX's own tools) deletes the first message.
            let elsewhere = make(simulator.baseURL, "101")
            _ = try await elsewhere.delete(ids: [shown[0]], mailbox: nil)
            // Past the token's lifetime: the poll logs in again without a word.
            try await Task.sleep(for: .milliseconds(1300))
            await screen.tickRefresh()
            XCTAssertEqual(screen.visibleIDs, Array(shown.dropFirst()), "\(flavor)")
            XCTAssertFalse(screen.state.status.text.lowercased().contains("fail"), "\(flavor): \(screen.state.status.text)")
            // Nothing changed: the next poll leaves the list as it is.
            await screen.tickRefresh()
            XCTAssertEqual(screen.visibleIDs, Array(shown.dropFirst()), "\(flavor)")
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    func testWazoPollShowsChangesAcrossTokenExpiry() async throws {
        try await check(.wazo) { url, user in
            WazoBackend(configuration: ClientConfiguration(serverURL: url, credentials: .session(extension: user, password: "pass\(user)")))
        }
    }

    func testKazooPollShowsChangesAcrossTokenExpiry() async throws {
        try await check(.kazoo) { url, user in
            KazooBackend(
                configuration: ClientConfiguration(
                    serverURL: url, credentials: .session(extension: user, password: "pass\(user)"), account: "pbx-sim"))
        }
    }
}
