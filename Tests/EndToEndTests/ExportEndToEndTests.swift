import Foundation
import TestSupport
import XCTest

/// Issue 20 on the real screen: `T` tags every message in view, `e` exports them into the
/// proposed folder, and the files and indexes are there afterwards.
final class ExportEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else {
            throw XCTSkip("tmux is not installed")
        }
        directory = try TemporaryDirectory(prefix: "vmtui-e2e-export")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        simulator?.terminate()
        directory?.remove()
    }

    func testTagEverythingInViewThenExportIt() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let downloads = directory.appending("Downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path,
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path,
            "VMTUI_TOKEN": "demo-101", "TZ": "UTC",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString)"
        let screen = try TmuxScreen(command: command, environment: environment, width: 120, height: 40)
        self.screen = screen
        screen.waitFor("the inbox") { $0.contains("Bob Nguyen") && $0.contains("Oliver Bennett") }

        screen.send("T")
        let tagged = screen.waitFor("the tag count") { $0.contains("Tagged ") }
        let count = try XCTUnwrap(
            tagged.split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: "Tagged ") else { return nil }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            }.first)
        XCTAssertGreaterThan(count, 1)

        screen.send("e")
        screen.waitFor("the export prompt") { $0.contains("Export \(count) messages to folder:") && $0.contains("voicemail-export-") }
        screen.send("Enter")
        screen.waitFor("the export's end") { $0.contains("Exported \(count) messages to") }

        let folders = try FileManager.default.contentsOfDirectory(atPath: downloads.path).filter { $0.hasPrefix("voicemail-export-") }
        XCTAssertEqual(folders.count, 1, "\(folders)")
        let target = downloads.appendingPathComponent(folders[0])
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path)
        XCTAssertEqual(names.count, count + 2, "\(names)")
        let index = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("index.json"))) as? [[String: Any]])
        XCTAssertEqual(index.count, count)
        XCTAssertTrue(index.allSatisfy { names.contains($0["file"] as? String ?? "") })
    }
}
