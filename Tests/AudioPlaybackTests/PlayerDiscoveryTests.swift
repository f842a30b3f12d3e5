@testable import AudioPlayback
import ChildSpawn
import VoicemailModel
import XCTest

final class PlayerDiscoveryTests: XCTestCase {
    private var fixtures: Fixtures!

    override func setUpWithError() throws { fixtures = try Fixtures() }
    override func tearDown() { fixtures.cleanUp() }

    /// A PATH holding stub executables with the given names (and nothing else).
    private func fakePath(_ programs: [String]) throws -> [String: String] {
        let bin = try fixtures.folder("bin-\(programs.joined(separator: "_"))")
        for program in programs {
            try fixtures.write("\(bin.lastPathComponent)/\(program)", "#!/bin/sh\nexit 0\n", executable: true)
        }
        return ["PATH": bin.path]
    }

    func testDiscoveryFollowsTheDocumentedOrder() throws {
        var remaining = ["mpv", "ffplay", "play", "pw-play", "paplay", "aplay"]
        let expected: [PlayerKind] = [.mpv, .ffplay, .sox, .pwPlay, .paplay, .aplay]
        for kind in expected {
            let chosen = try PlayerDiscovery(environment: fakePath(remaining)).choose(configured: nil, for: .wav)
            XCTAssertEqual(chosen.kind, kind, "with \(remaining)")
            XCTAssertTrue(chosen.discovered)
            remaining.removeFirst()
        }
    }

    func testDiscoveredCommandsAreTheDocumentedOnes() throws {
        let env = try fakePath(["ffplay"])
        let chosen = try PlayerDiscovery(environment: env).choose(configured: nil, for: .wav)
        XCTAssertEqual(chosen.template.words, ["ffplay", "-nodisp", "-autoexit", "-loglevel", "error", "{file}"])
    }

    func testAplayIsSkippedForMP3() throws {
        let env = try fakePath(["paplay", "aplay"])
        XCTAssertEqual(try PlayerDiscovery(environment: env).choose(configured: nil, for: .mp3).kind, .paplay)
        let onlyAplay = try fakePath(["aplay"])
        XCTAssertThrowsError(try PlayerDiscovery(environment: onlyAplay).choose(configured: nil, for: .mp3)) { error in
            XCTAssertTrue("\(error)".contains("aplay plays only WAV"), "\(error)")
        }
        XCTAssertEqual(try PlayerDiscovery(environment: onlyAplay).choose(configured: nil, for: .wav).kind, .aplay)
    }

    func testNoPlayerNamesTheDebianPackages() throws {
        let env = try fakePath(["ls"])
        XCTAssertThrowsError(try PlayerDiscovery(environment: env).choose(configured: nil, for: .wav)) { error in
            let message = "\(error)"
            for package in ["mpv", "ffmpeg", "sox", "pipewire-bin", "pulseaudio-utils", "alsa-utils"] {
                XCTAssertTrue(message.contains(package), "\(package) missing from: \(message)")
            }
            XCTAssertFalse(message.contains("\n"))
            // A status line shows its first columns: the advice must be there (issue 17.11).
            XCTAssertLessThanOrEqual(message.count, 120, message)
            XCTAssertTrue(message.prefix(60).contains("apt install mpv"), message)
            XCTAssertTrue(message.prefix(60).contains("`player`"), message)
        }
        let onlyAplay = try fakePath(["aplay"])
        XCTAssertThrowsError(try PlayerDiscovery(environment: onlyAplay).choose(configured: nil, for: .mp3)) { error in
            XCTAssertLessThanOrEqual("\(error)".count, 120, "\(error)")
        }
    }

    func testConfiguredPlayerWinsAndMustExist() throws {
        let env = try fakePath(["mpv", "myplayer"])
        let chosen = try PlayerDiscovery(environment: env).choose(configured: "myplayer --loud {file}", for: .wav)
        XCTAssertEqual(chosen.kind, .other)
        XCTAssertFalse(chosen.discovered)
        XCTAssertThrowsError(try PlayerDiscovery(environment: env).choose(configured: "vlc {file}", for: .wav)) { error in
            XCTAssertTrue("\(error)".contains("\"vlc\" is not installed"), "\(error)")
        }
    }

    func testArgumentsPerPlayer() throws {
        let mpv = PlayerCommand(template: PlayerKind.mpv.defaultTemplate)
        XCTAssertEqual(
            mpv.arguments(input: .stdin, format: .wav, ipcSocket: "/run/x/mpv.sock"),
            ["mpv", "--input-ipc-server=/run/x/mpv.sock", "--no-video", "--msg-level=all=error", "--input-terminal=no", "-"])
        XCTAssertEqual(
            mpv.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 12.5),
            ["mpv", "--start=12.500", "--no-video", "--msg-level=all=error", "--input-terminal=no", "/p/a.wav"])
        let sox = PlayerCommand(template: PlayerKind.sox.defaultTemplate)
        XCTAssertEqual(sox.arguments(input: .stdin, format: .mp3), ["play", "-q", "-t", "mp3", "-"])
        XCTAssertEqual(sox.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 5), ["play", "-q", "/p/a.wav", "trim", "5.000"])
        let ffplay = PlayerCommand(template: PlayerKind.ffplay.defaultTemplate)
        XCTAssertEqual(
            ffplay.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 3),
            ["ffplay", "-ss", "3.000", "-nodisp", "-autoexit", "-loglevel", "error", "/p/a.wav"])
        XCTAssertEqual(ffplay.arguments(input: .stdin, format: .wav).last, "pipe:0")
        let custom = PlayerCommand(template: try CommandTemplate(parsing: "myplayer --file={file}"))
        XCTAssertEqual(custom.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 9), ["myplayer", "--file=/p/a.wav"])
    }

    func testChildEnvironmentDropsSecrets() {
        let env = ChildEnvironment.sanitized([
            "PATH": "/usr/bin", "HOME": "/home/a", "VMTUI_TOKEN": "t0k", "VMTUI_PASSWORD": "pw",
            "GITHUB_TOKEN": "x", "MY_SECRET": "y", "PROXY": "http://u:p@proxy:3128", "SITE": "https://example.com/a@b",
            "LANG": "C.UTF-8",
        ])
        XCTAssertEqual(env, ["PATH": "/usr/bin", "HOME": "/home/a", "SITE": "https://example.com/a@b", "LANG": "C.UTF-8"])
    }

    func testStderrLinePicksTheError() {
        let text = "play WARN alsa: can't encode 0-bit\nplay FAIL formats: can't open input file `x': WAVE: RIFF header not found\nplay WARN alsa: can't encode 0-bit Unknown\n"
        XCTAssertEqual(StderrTail.meaningfulLine(in: text), "play FAIL formats: can't open input file `x': WAVE: RIFF header not found")
        XCTAssertEqual(StderrTail.meaningfulLine(in: "Failed to recognize file format.\n\nExiting... (Errors when loading file)\n"), "Failed to recognize file format.")
        XCTAssertEqual(StderrTail.meaningfulLine(in: "\u{1b}[31mboom\u{1b}[0m\n"), "boom")
        XCTAssertNil(StderrTail.meaningfulLine(in: "\n \n"))
    }
}
