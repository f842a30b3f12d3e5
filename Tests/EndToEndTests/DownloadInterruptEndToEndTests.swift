import Foundation
import TestSupport
import XCTest

/// `vmtui download ID -o out.wav` stopped by Ctrl-C or SIGTERM while the audio is being
/// made: exit 130 or 143, no `out.wav`, no hidden `.out.wav.*` partial, no converter left
/// running (issue 17.2). The spool's GSM message goes through a sox that takes its time.
final class DownloadInterruptEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-download-interrupt")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AsteriskSpoolTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: directory.appending("spool"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: directory.appending("voicemail.conf"))
        let bin = directory.appending("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try """
            #!/bin/sh
            for last; do :; done
            printf 'RIFF partial' > "$last"
            echo $$ > '\(directory.appending("sox.pid").path)'
            exec sleep 30
            """.write(to: bin.appendingPathComponent("sox"), atomically: true, encoding: .utf8)
        chmod(bin.appendingPathComponent("sox").path, 0o755)
    }

    override func tearDown() {
        directory?.remove()
    }

    func testCtrlCLeavesNoPartialFile() throws {
        try checkInterrupted(by: SIGINT, expecting: 130, command: ["download", "1764250100-00000002", "-o", "out.wav"])
    }

    func testSigtermLeavesNoPartialFile() throws {
        try checkInterrupted(by: SIGTERM, expecting: 143, command: ["download", "1764250100-00000002", "-o", "out.wav"])
    }

    func testAGreetingDownloadToo() throws {
        // Only the unavailable greeting's GSM-in-WAV form, which sox converts.
        try FileManager.default.removeItem(at: directory.appending("spool/default/101/unavail.wav"))
        try checkInterrupted(by: SIGINT, expecting: 130, command: ["greeting", "download", "unavailable", "-o", "out.wav"])
    }

    /// Not interrupted, with the real sox: the file is whole and only its owner may read it.
    func testASpoolDownloadIsPrivate() throws {
        let work = directory.appending("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for (id, name) in [("1764250100-00000002", "converted.wav"), ("1764230100-00000001", "copied.wav")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: EndToEnd.vmtuiPath)
            process.arguments = [
                "--spool", directory.appending("spool").path, "--user", "101",
                "--voicemail-conf", directory.appending("voicemail.conf").path, "download", id, "-o", name,
            ]
            process.currentDirectoryURL = work
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.appending("config").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, name)
            let attributes = try FileManager.default.attributesOfItem(atPath: work.appendingPathComponent(name).path)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, name)
        }
    }

    private func checkInterrupted(by signal: Int32, expecting status: Int32, command: [String]) throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let work = directory.appending("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EndToEnd.vmtuiPath)
        process.arguments = [
            "--spool", directory.appending("spool").path, "--user", "101",
            "--voicemail-conf", directory.appending("voicemail.conf").path,
        ] + command
        process.currentDirectoryURL = work
        process.environment = [
            "PATH": directory.appending("bin").path + ":/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_RUNTIME_DIR": work.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let marker = directory.appending("sox.pid")
        var converter: pid_t?
        for _ in 0..<1200 where converter == nil {
            converter = (try? String(contentsOf: marker, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if converter == nil { usleep(25_000) }
        }
        let sox = try XCTUnwrap(converter, "the converter never started")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        XCTAssertTrue(names.contains { $0.hasPrefix(".out.wav.") }, "no partial while converting: \(names)")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, status)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? [], [])
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(sox, 0) == 0 && !((try? String(contentsOfFile: "/proc/\(sox)/stat", encoding: .utf8))?.contains(") Z ") ?? true)
            if alive { usleep(20_000) }
        }
        if alive { kill(sox, SIGKILL) }
        XCTAssertFalse(alive, "sox outlived the interrupted download")
    }
}
