import AppCore
import Foundation
import Logging
import TestSupport
import VMTUIRuntime
import XCTest

/// The on_new_message hook gets stdin, stdout and stderr, nothing else of vmtui's.
final class HookDescriptorTests: XCTestCase {
    private let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func testOnlyStandardDescriptorsReachTheHook() async throws {
        let directory = try TemporaryDirectory(prefix: "vmtui-hook-fds")
        defer { directory.remove() }
        // Held open without close-on-exec, as a log file or a library's socket may be.
        let marker = directory.appending("vmtui.log")
        try "log".write(to: marker, atomically: true, encoding: .utf8)
        let held = open(marker.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(held, 0)
        defer { close(held) }

        let listing = directory.appending("fds.txt")
        // `; true` keeps sh from exec'ing ls, so ls lists the hook shell's descriptors.
        let hook = NewMessageHook(
            command: "ls -l /proc/$$/fd > '\(listing.path)'; true", baseEnvironment: ["PATH": "/usr/bin:/bin"])
        let failure = await hook.run(
            NewMessageNotice(mailbox: "101", messageID: "1", callerName: "A", callerNumber: "1"), logger: logger)
        XCTAssertNil(failure)
        let text = try String(contentsOf: listing, encoding: .utf8)
        var descriptors: [Int: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.components(separatedBy: " -> ")
            if parts.count == 2, let number = Int(parts[0].split(separator: " ").last ?? "") { descriptors[number] = parts[1] }
        }
        XCTAssertEqual(Set(descriptors.keys).intersection([0, 1, 2]), [0, 1, 2], text)
        // The shell may keep copies of its standard descriptors (dash does); nothing else.
        let standard = Set([0, 1, 2].compactMap { descriptors[$0] })
        XCTAssertEqual(descriptors.filter { $0.key > 2 && !standard.contains($0.value) }, [:], text)
    }
}
