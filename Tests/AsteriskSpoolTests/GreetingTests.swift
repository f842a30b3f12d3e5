import AsteriskSpool
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

final class GreetingTests: XCTestCase {
    func testGreetingsPresentTheTemporaryOneIncluded() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let capabilities = try await backend.capabilities()
        XCTAssertEqual(capabilities.greetingTypes, [.unavailable, .busy, .name, .temporary])
        XCTAssertTrue(capabilities.has(.greetingCopy))
        let greetings = try await backend.greetings(mailbox: nil)
        XCTAssertEqual(greetings.map(\.type), [.unavailable, .busy, .name, .temporary])
        XCTAssertEqual(greetings.map(\.present), [true, false, true, true])
        XCTAssertEqual(greetings[2].duration, 2)
        XCTAssertEqual(try backend.temporaryGreetingFile(mailbox: nil)?.lastPathComponent, "temp.wav")
        XCTAssertNil(try backend.temporaryGreetingFile(mailbox: "102"))
        let out = try TemporaryDirectory(prefix: "vmtui-greeting")
        try await backend.downloadGreeting(.name, mailbox: nil, to: out.appending("name.wav"), atomically: true, progress: nil)
        XCTAssertEqual(try Data(contentsOf: out.appending("name.wav")), try fixture.data("101", "greet.wav"))
        do {
            try await backend.downloadGreeting(.busy, mailbox: nil, to: out.appending("busy.wav"), atomically: true, progress: nil)
            XCTFail("no busy greeting")
        } catch let error as VoicemailError {
            XCTAssertEqual(error.kind, .notFound)
        }
    }

    func testUploadWritesTheFormsPresentAndResetRemovesThem() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let audio = try SoxFixtures()
        defer { audio.cleanUp() }
        let input = audio.url("hello.wav")
        _ = try SoxFixtures.run(["sox", "-q", "-n", "-r", "44100", "-c", "2", input.path, "synth", "1.5", "sine", "300"])
        // busy has no file yet: it gets the forms unavail has (.wav and .WAV).
        let info = try await backend.uploadGreeting(.busy, mailbox: nil, from: input, progress: nil)
        XCTAssertTrue(info.present)
        let mailbox = fixture.root.appendingPathComponent("default/101")
        let pcm = [UInt8](try Data(contentsOf: mailbox.appendingPathComponent("busy.wav")))
        let gsm = [UInt8](try Data(contentsOf: mailbox.appendingPathComponent("busy.WAV")))
        XCTAssertEqual(pcm[20], 1, "PCM")
        XCTAssertEqual(pcm[24..<28].reversed().reduce(0) { $0 << 8 | Int($1) }, 8000, "8 kHz as Asterisk records")
        XCTAssertEqual(gsm[20], 0x31, "GSM 6.10 in WAV")
        XCTAssertEqual(try SoxFixtures.soxDuration(mailbox.appendingPathComponent("busy.WAV")), 1.5, accuracy: 0.05)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mailbox.appendingPathComponent("busy.gsm").path))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: mailbox.path).filter { $0.hasPrefix(".") }, [], "no lock or temporary left")

        // 102 has greet.wav only: its unavailable greeting is written as .wav only.
        _ = try await backend.uploadGreeting(.unavailable, mailbox: "102", from: input, progress: nil)
        let box102 = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("default/102").path)
        XCTAssertEqual(box102.filter { $0.hasPrefix("unavail") }, ["unavail.wav"])

        let reset = try await backend.resetGreeting(.unavailable, mailbox: nil)
        XCTAssertFalse(reset.present)
        let left = try FileManager.default.contentsOfDirectory(atPath: mailbox.path).sorted()
        XCTAssertEqual(left.filter { $0.contains(".") }, ["busy.WAV", "busy.wav", "greet.wav", "temp.wav"])
        XCTAssertTrue(left.contains("temp.wav"), "the temporary greeting is not touched")
    }

    func testUploadRefusesWhatIsNotAWAV() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let junk = fixture.directory.appending("junk.wav")
        try Data("not audio".utf8).write(to: junk)
        do {
            _ = try await backend.uploadGreeting(.busy, mailbox: nil, from: junk, progress: nil)
            XCTFail("junk accepted")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.hasPrefix(junk.path + ": not a usable WAV file"), error.message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("default/101/busy.wav").path))
    }

    /// Asterisk's `temp` is a greeting like the others: uploaded, played and reset as
    /// `temp.*` beside unavail/busy/greet.
    func testTheTemporaryGreetingUploadsAndResets() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let audio = try SoxFixtures()
        defer { audio.cleanUp() }
        let input = audio.url("away.wav")
        _ = try SoxFixtures.run(["sox", "-q", "-n", "-r", "8000", "-c", "1", input.path, "synth", "1", "sine", "440"])
        let mailbox = fixture.root.appendingPathComponent("default/102")
        let info = try await backend.uploadGreeting(.temporary, mailbox: "102", from: input, progress: nil)
        XCTAssertEqual(info.type, .temporary)
        XCTAssertTrue(info.present)
        XCTAssertEqual(try backend.temporaryGreetingFile(mailbox: "102")?.lastPathComponent, "temp.wav")
        XCTAssertTrue(FileManager.default.fileExists(atPath: mailbox.appendingPathComponent("temp.wav").path))
        let reset = try await backend.resetGreeting(.temporary, mailbox: "102")
        XCTAssertFalse(reset.present)
        XCTAssertNil(try backend.temporaryGreetingFile(mailbox: "102"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mailbox.path).filter { $0.hasPrefix("temp") }, [])
    }

    /// Every form of the source is copied (byte for byte, owned and moded like the mailbox's
    /// other files); forms of the destination the source lacks go, so no old recording stays.
    func testCopyWritesEveryFormOfTheSourceAndDropsStaleOnes() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let mailbox = fixture.root.appendingPathComponent("default/101")
        // A stale .gsm of the name greeting that unavail has no counterpart of.
        try Data("old gsm".utf8).write(to: mailbox.appendingPathComponent("greet.gsm"))
        let unavailForms = try FileManager.default.contentsOfDirectory(atPath: mailbox.path).filter { $0.hasPrefix("unavail.") }.sorted()
        XCTAssertEqual(unavailForms, ["unavail.WAV", "unavail.wav"])

        let copied = try await backend.copyGreeting(.unavailable, to: .name, mailbox: nil)
        XCTAssertEqual(copied.type, .name)
        XCTAssertTrue(copied.present)
        let names = try FileManager.default.contentsOfDirectory(atPath: mailbox.path)
        XCTAssertEqual(names.filter { $0.hasPrefix("greet.") }.sorted(), ["greet.WAV", "greet.wav"])
        for ext in ["wav", "WAV"] {
            XCTAssertEqual(
                try Data(contentsOf: mailbox.appendingPathComponent("greet.\(ext)")),
                try Data(contentsOf: mailbox.appendingPathComponent("unavail.\(ext)")))
            let mode = { (name: String) in
                (try FileManager.default.attributesOfItem(atPath: mailbox.appendingPathComponent(name).path)[.posixPermissions] as? Int)
            }
            XCTAssertEqual(try mode("greet.\(ext)"), try mode("unavail.\(ext)"), "moded like the mailbox's other files")
        }
        XCTAssertEqual(names.filter { $0.hasPrefix(".") }, [], "no lock or temporary left")

        // Onto the temporary greeting: callers now hear it instead of unavailable and busy.
        _ = try await backend.copyGreeting(.name, to: .temporary, mailbox: nil)
        XCTAssertEqual(
            try Data(contentsOf: XCTUnwrap(try backend.temporaryGreetingFile(mailbox: nil))),
            try Data(contentsOf: mailbox.appendingPathComponent("greet.wav")))
    }

    func testCopyOfTheDefaultOrOntoItselfChangesNothing() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let mailbox = fixture.root.appendingPathComponent("default/101")
        let before = try FileManager.default.contentsOfDirectory(atPath: mailbox.path).sorted()
        do {
            _ = try await backend.copyGreeting(.busy, to: .unavailable, mailbox: nil)
            XCTFail("busy is the PBX default")
        } catch let error as VoicemailError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.message.contains("nothing to copy"), true, error.message)
        }
        do {
            _ = try await backend.copyGreeting(.name, to: .name, mailbox: nil)
            XCTFail("copied onto itself")
        } catch let error as VoicemailError {
            XCTAssertEqual(error.kind, .rejected)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mailbox.path).sorted(), before)
    }
}
