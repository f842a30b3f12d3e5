import Foundation
import TestSupport
import XCTest

/// Where downloaded audio goes and who may read it (issue 17.6, 17.20).
extension CLIProcessTests {
    func testDownloadedVoicemailIsPrivate() throws {
        let id = try XCTUnwrap(try listJSON().first?["id"] as? String)
        let outcome = try run(["download", id, "-o", "private.wav"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appending("private.wav").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testGreetingDownloadToADashWritesStdout() throws {
        let process = Process()
        process.executableURL = try CLIProcessTests.vmtuiExecutable()
        process.arguments = ["greeting", "download", "unavailable", "-o", "-", "--server", simulator.baseURL.absoluteString]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.appending("config").path,
            "VMTUI_TOKEN": "demo-101",
        ]
        process.currentDirectoryURL = directory.url
        let out = directory.appending("greeting-stdout")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let audio = try Data(contentsOf: out)
        XCTAssertEqual(String(decoding: audio.prefix(4), as: UTF8.self), "RIFF")
        XCTAssertGreaterThan(audio.count, 1000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appending("-").path), "a file named - was written")
    }
}
