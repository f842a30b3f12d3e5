import AppCore
import Foundation
import VoicemailModel
import XCTest

/// `w` with its path prompt and Tab completion; the greetings screen's keys and answers.
final class SaveAudioTests: XCTestCase {
    func testDefaultPathNamesCallerAndDate() {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.press(.character("w")), [])
        XCTAssertEqual(state.prompt, .saveAudio(id: "m1", editor: LineEditor("~/Downloads/Bob-Nguyen-2026-11-27-0815.wav")))
        state.press(.escape)
        XCTAssertNil(state.prompt)
        // A hostile name becomes a harmless file name; a message without a name uses the number.
        state.press(.end)
        state.press(.character("w"))
        XCTAssertEqual(state.prompt?.editor?.text, "~/Downloads/33612345678-2026-10-30-1200.wav")
    }

    func testSaveSendsEffectShowsProgressAndOutcome() {
        var config = Fixtures.config()
        config.saveDirectory = "/home/alice"
        var state = Fixtures.loaded(config: config)
        state.press(.character("w"))
        guard case .save(let id, "101", "m1", "/home/alice/Bob-Nguyen-2026-11-27-0815.wav")? =
            state.press(.enter).first?.playbackEffect
        else { return XCTFail("\(String(describing: state.prompt))") }
        XCTAssertNil(state.prompt)
        state.send(.playback(.saveProgress(id, bytes: 336_022, total: 672_044)))
        let status = App.view(state, size: state.size).text().split(separator: "\n")[22]
        XCTAssertTrue(status.contains("Saving Bob-Nguyen-2026-11-27-0815.wav ━"), String(status))
        XCTAssertTrue(status.contains("50% of 656 KiB"), String(status))
        state.send(.playback(.saved(id, .success("/home/alice/Bob-Nguyen-2026-11-27-0815.wav"))))
        XCTAssertEqual(state.status, .success("Saved to /home/alice/Bob-Nguyen-2026-11-27-0815.wav"))
        XCTAssertNil(state.transfer)
    }

    func testSaveFailuresAndAFolderAlone() {
        var state = Fixtures.loaded()
        state.press(.character("w"), .control("u"))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .error("Type where to save the audio"))
        state.type("/tmp/")
        guard case .save(let id, _, _, "/tmp/Bob-Nguyen-2026-11-27-0815.wav")? = state.press(.enter).first?.playbackEffect
        else { return XCTFail() }
        state.send(.playback(.saved(id, .failure(AppError(.other, "/tmp/x.wav already exists; choose another name")))))
        XCTAssertEqual(state.status, .error("Could not save the audio: /tmp/x.wav already exists; choose another name"))
    }

    func testTabCompletesUniqueAndCommonPrefixes() {
        var state = Fixtures.loaded()
        state.press(.character("w"), .control("u"))
        state.type("~/Mu")
        guard case .listDirectory(let id, "~/")? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        let home = [DirectoryEntry(name: "Music", isDirectory: true), DirectoryEntry(name: "Mail", isDirectory: true),
                    DirectoryEntry(name: ".Mu-hidden", isDirectory: false)]
        state.send(.playback(.directoryListed(id, .success(home))))
        XCTAssertEqual(state.prompt?.editor?.text, "~/Music/")
        state.type("v")
        guard case .listDirectory(let id2, "~/Music/")? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        let music = [DirectoryEntry(name: "voice-1.wav", isDirectory: false),
                     DirectoryEntry(name: "voice-2.wav", isDirectory: false),
                     DirectoryEntry(name: "other.mp3", isDirectory: false)]
        state.send(.playback(.directoryListed(id2, .success(music))))
        XCTAssertEqual(state.prompt?.editor?.text, "~/Music/voice-")
        XCTAssertEqual(state.status, .info("2 matches: voice-1.wav  voice-2.wav"))
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains("2 matches: voice-1.wav  voice-2.wav"), footer)
        // Nothing matches.
        state.type("x")
        guard case .listDirectory(let id3, _)? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        state.send(.playback(.directoryListed(id3, .success(music))))
        XCTAssertEqual(state.status, .error("No file or folder starts with \"voice-x\""))
    }

    func testCompletionIgnoredWhenTextChangedOrPromptClosed() {
        var state = Fixtures.loaded()
        state.press(.character("w"), .control("u"))
        state.type("/t")
        guard case .listDirectory(let id, "/")? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        state.type("m")
        state.send(.playback(.directoryListed(id, .success([DirectoryEntry(name: "tmp", isDirectory: true)]))))
        XCTAssertEqual(state.prompt?.editor?.text, "/tm", "typing won over the late listing")
        guard case .listDirectory(let id2, _)? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        state.send(.playback(.directoryListed(id2, .failure(AppError(.other, "no such folder, or it cannot be read")))))
        XCTAssertEqual(state.status, .error("Cannot list /: no such folder, or it cannot be read"))
    }

    func testPathCompletionLogic() {
        XCTAssertEqual(PathCompletion.split("~/Music/v").directory, "~/Music/")
        XCTAssertEqual(PathCompletion.split("v").directory, "")
        XCTAssertEqual(PathCompletion.split("~").directory, "~/")
        XCTAssertEqual(PathCompletion.complete("a", entries: []), .noMatch)
        XCTAssertEqual(PathCompletion.complete("", entries: [DirectoryEntry(name: ".x", isDirectory: false)]), .noMatch)
        XCTAssertEqual(PathCompletion.safeFileName("\u{1B}[2J../../etc Evil\r\nName"), "2J-etc-Evil-Name")
    }
}

final class GreetingsTests: XCTestCase {
    static let recorded = GreetingInfo(
        type: .unavailable, present: true, duration: 6, format: .wav, size: 96_044,
        updated: Fixtures.date("2026-11-24T14:02:00Z"))
    static let list = [recorded, GreetingInfo(type: .busy, present: false),
                       GreetingInfo(type: .name, present: true, duration: 2, format: .mp3, size: 8_000,
                                    updated: Fixtures.date("2026-11-03T09:00:00Z"))]

    /// The greetings screen with the list loaded.
    static func opened(
        size: TerminalSize = TerminalSize(width: 80, height: 24), config: AppConfig = Fixtures.config(),
        greetings: [GreetingInfo] = list
    ) -> AppState {
        var state = Fixtures.loaded(size: size, config: config)
        guard case .load(let id, "101")? = state.press(.character("G")).first?.greetingsEffect else {
            XCTFail("no greetings load")
            return state
        }
        state.send(.greetings(.loaded(id, .success(greetings))))
        return state
    }

    func testTheWidestSizeFitsItsColumn() {
        var greetings = Self.list
        greetings[0].size = 1_047_000  // 1022.5 KiB: "1022 KiB" is as long as a size gets
        let state = Self.opened(greetings: greetings)
        let screen = App.view(state, size: state.size).text()
        XCTAssertTrue(screen.contains(" 1022 KiB Tue 14:02"), screen)
    }

    func testOpenLoadsAndBackCloses() {
        var state = Fixtures.loaded()
        state.press(.character("G"))
        XCTAssertEqual(state.greetings?.isLoading, true)
        XCTAssertEqual(state.status, .busy("Loading greetings…"))
        state = Self.opened()
        // Every type the backend has, in phone order: a type it did not list reads "PBX default".
        XCTAssertEqual(state.greetings?.items, Self.list + [GreetingInfo(type: .temporary, present: false)])
        XCTAssertEqual(state.status, .none)
        for key in [Key.escape, .character("q"), .character("G")] {
            var copy = state
            XCTAssertEqual(copy.press(key), [])
            XCTAssertNil(copy.greetings, "\(key)")
        }
    }

    func testLoadFailureAndRetry() {
        var state = Fixtures.loaded()
        guard case .load(let id, _)? = state.press(.character("G")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.loaded(id, .failure(AppError(.forbidden, "not your mailbox")))))
        XCTAssertEqual(state.status, .error("Could not load the greetings: permission denied (not your mailbox)"))
        XCTAssertEqual(state.press(.character("u")), [])
        XCTAssertEqual(state.status, .info("The greetings did not load; press R to retry"))
        guard case .load? = state.press(.character("R")).first?.greetingsEffect else { return XCTFail() }
    }

    func testSharedMailboxGreetingsAskForThatMailbox() {
        var (state, effects) = App.initial(config: Fixtures.config(mailbox: "102"), now: Fixtures.now)
        for case .list(.loadMailboxes(let id)) in effects {
            state.send(.list(.mailboxesLoaded(id, .success([Fixtures.summary, Fixtures.sharedSummary]))))
        }
        guard case .load(_, "102")? = state.press(.character("G")).first?.greetingsEffect else { return XCTFail() }
    }

    func testPlayAGreetingAndRefusePBXDefault() {
        var state = Self.opened()
        guard case .play(let id, .greeting(let greeting, "101"))? = state.press(.enter).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(greeting, Self.recorded)
        state.send(.playback(.report(id, .playing(elapsed: 2, total: 6))))
        XCTAssertEqual(state.press(.character("p")), [.playback(.togglePause)])
        XCTAssertEqual(state.press(.character("s")), [.playback(.stop)])
        state.press(.character("j"))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .info("Busy: no recording; callers hear the PBX default"))
        // Leaving the screen stops its greeting.
        XCTAssertEqual(state.press(.escape), [.playback(.stop)])
    }

    func testUploadPromptCheckProgressAndOutcome() {
        var config = Fixtures.config()
        config.saveDirectory = "/home/alice"
        var state = Self.opened(config: config)
        state.press(.character("j"))
        state.press(.character("u"))
        XCTAssertEqual(state.prompt, .uploadGreeting(type: .busy, editor: LineEditor("/home/alice/")))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .error("That is a folder: type a file name (Tab completes)"))
        state.type("busy.flac")
        guard case .upload(let id, "101", .busy, "/home/alice/busy.flac", false)? =
            state.press(.enter).first?.greetingsEffect
        else { return XCTFail() }
        XCTAssertEqual(state.status, .busy("Checking busy.flac…"))
        XCTAssertEqual(state.press(.character("r")), [], "one change at a time")
        XCTAssertEqual(state.status, .info("Wait until the current upload or reset is done"))
        state.status = .busy("Uploading")
        state.send(.greetings(.uploadProgress(id, bytes: 4000, total: 8000)))
        let uploaded = GreetingInfo(type: .busy, present: true, duration: 4, format: .wav, size: 64_044, updated: Fixtures.now)
        state.send(.greetings(.uploaded(id, .success(GreetingUpload(
            greeting: uploaded, note: "converted busy.flac from FLAC to 8 kHz mono WAV with sox")))))
        XCTAssertEqual(state.greetings?.items[1], uploaded)
        XCTAssertEqual(state.status, .success(
            "Uploaded the Busy greeting (0:04); converted busy.flac from FLAC to 8 kHz mono WAV with sox"))
        XCTAssertNil(state.greetings?.activity)
    }

    func testRefusedUploadKeepsTheOldGreeting() {
        var state = Self.opened()
        state.press(.character("u"), .control("u"))
        state.type("long.wav")
        guard case .upload(let id, _, .unavailable, "long.wav", false)? = state.press(.enter).first?.greetingsEffect
        else { return XCTFail() }
        state.send(.greetings(.uploaded(id, .failure(AppError(.other, "long.wav is 240 s long; the PBX accepts at most 180 s")))))
        XCTAssertEqual(state.greetings?.items[0], Self.recorded)
        XCTAssertEqual(state.status, .error(
            "Could not upload the Unavailable greeting (the old one stays): long.wav is 240 s long; the PBX accepts at most 180 s"))
    }

    func testRecordShowsLevelStopsAndUploads() {
        var state = Self.opened()
        guard case .startRecording(let id)? = state.press(.character("r")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.recording(id, .started(recorder: "arecord"))))
        state.send(.greetings(.recording(id, .progress(elapsed: 12.3, level: 0.2))))
        XCTAssertEqual(state.greetings?.activity, .recording(.unavailable, elapsed: 12.3, level: 0.2, recorder: "arecord"))
        XCTAssertEqual(state.press(.character("j")), [], "other keys wait")
        XCTAssertEqual(state.greetings?.selection, 0)
        XCTAssertEqual(state.press(.enter), [.greetings(.stopRecording)])
        let effects = state.send(.greetings(.recording(id, .finished(path: "/run/vmtui-1/3-recording.wav", duration: 12.4, reachedLimit: false))))
        guard case .upload(_, "101", .unavailable, "/run/vmtui-1/3-recording.wav", true)? = effects.first?.greetingsEffect
        else { return XCTFail("\(effects)") }
        XCTAssertEqual(state.status, .busy("Recorded 0:12; uploading…"))
    }

    func testRecordingStopsWithSAndAtTheLimit() {
        var state = Self.opened()
        guard case .startRecording(let id)? = state.press(.character("r")).first?.greetingsEffect else { return XCTFail() }
        XCTAssertEqual(state.press(.character("s")), [.greetings(.stopRecording)])
        state.send(.greetings(.recording(id, .finished(path: "/p.wav", duration: 180, reachedLimit: true))))
        XCTAssertEqual(state.status, .busy("Stopped at the 3:00 limit; uploading…"))
    }

    func testRecordingDiscardedOrFailed() {
        var state = Self.opened()
        guard case .startRecording(let id)? = state.press(.character("r")).first?.greetingsEffect else { return XCTFail() }
        XCTAssertEqual(state.press(.escape), [.greetings(.cancelRecording)])
        XCTAssertNotNil(state.greetings, "Esc discards the recording, not the screen")
        state.send(.greetings(.recording(id, .cancelled)))
        XCTAssertEqual(state.status, .info("Recording discarded; the Unavailable greeting is unchanged"))
        guard case .startRecording(let id2)? = state.press(.character("r")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.recording(id2, .failed("No recorder found. Install alsa-utils (arecord)"))))
        XCTAssertEqual(state.status, .error("Recording failed: No recorder found. Install alsa-utils (arecord)"))
        XCTAssertNil(state.greetings?.activity)
    }

    func testRecordingStopsPlaybackFirst() {
        var state = Self.opened()
        state.press(.enter)
        let effects = state.press(.character("r"))
        XCTAssertEqual(effects.first, .playback(.stop))
        guard case .startRecording? = effects.last?.greetingsEffect else { return XCTFail() }
    }

    func testResetConfirmsAndRefusesDefault() {
        var state = Self.opened()
        state.press(.character("x"))
        XCTAssertEqual(state.prompt?.confirmation?.then, .resetGreeting(.unavailable))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .info("Not reset"))
        state.press(.character("d"))
        guard case .reset(let id, "101", .unavailable)? = state.press(.character("y")).first?.greetingsEffect else {
            return XCTFail()
        }
        state.send(.greetings(.wasReset(id, .success(GreetingInfo(type: .unavailable, present: false)))))
        XCTAssertEqual(state.greetings?.items[0].present, false)
        XCTAssertEqual(state.status, .success("Unavailable greeting reset to the PBX default"))
        XCTAssertEqual(state.press(.character("x")), [])
        XCTAssertEqual(state.status, .info("Unavailable already uses the PBX default"))
        // A refusal says why and changes nothing.
        state.press(.character("k"), .character("G"))
        state = Self.opened()
        state.press(.character("x"))
        guard case .reset(let id2, _, _)? = state.press(.character("Y")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.wasReset(id2, .failure(AppError(.forbidden, "read-only access")))))
        XCTAssertEqual(state.greetings?.items[0], Self.recorded)
        XCTAssertEqual(state.status, .error("Could not reset the Unavailable greeting: permission denied (read-only access)"))
    }
}
