import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// An in-process simulator on a fresh temporary directory (demo seed by default).
final class SimulatorFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let simulator: RunningSimulator
    let http: HTTPTestClient

    init(
        seed: SimulatorSeed? = .demo, users: [SimulatorUser]? = nil, capacity: Int? = nil,
        configure: (inout SimulatorOptions) -> Void = { _ in }
    ) async throws {
        directory = try TemporaryDirectory(prefix: "pbx-sim-test")
        if let users {
            let data = try JSONEncoder().encode(UsersFile(users: users))
            try data.write(to: directory.appending("users.json"))
        }
        var options = SimulatorOptions(dataDirectory: directory.url, seed: seed)
        if let capacity { options.mailboxCapacity = capacity }
        configure(&options)
        simulator = try await Simulator.start(options)
        http = HTTPTestClient(baseURL: simulator.baseURL)
    }

    func stop() async {
        await simulator.stop()
        directory.remove()
    }

    /// Deposits a message and returns its id.
    @discardableResult
    func deposit(
        into mailbox: String, seconds: Double = 2, caller: String = "5551234", name: String? = nil,
        transcription: String? = nil, urgent: Bool = false, as auth: Auth = .bearer("demo-101")
    ) async throws -> String {
        var query = "mailbox=\(mailbox)&callerNumber=\(caller)"
        if let name { query += "&callerName=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
        if let transcription { query += "&transcription=\(transcription.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
        if urgent { query += "&urgent=1" }
        let answer = try await http.post(
            "/api/v1/VoiceMail?\(query)", auth: auth, body: TestAudio.wav(seconds: seconds),
            headers: ["Content-Type": "audio/wav"])
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return try XCTUnwrap(answer.result["id"] as? String)
    }

    func ids(_ mailbox: String = "101", folder: String? = nil, auth: Auth = .bearer("demo-101")) async throws -> [String] {
        var path = "/api/v1/VoiceMail?filter%5Bmailbox%5D=\(mailbox)&count=1000"
        if let folder { path += "&filter%5Bfolder%5D=\(folder)" }
        let answer = try await http.get(path, auth: auth)
        XCTAssertEqual(answer.status, 200)
        return answer.records.compactMap { $0["id"] as? String }
    }

    func message(_ id: String, auth: Auth = .bearer("demo-101")) async throws -> [String: Any] {
        let answer = try await http.get("/api/v1/VoiceMail/\(id)", auth: auth)
        XCTAssertEqual(answer.status, 200)
        return answer.result
    }
}

enum TestAudio {
    /// A tone of the given length as 8 kHz 16-bit mono WAV.
    static func wav(seconds: Double) -> Data {
        let count = Int(seconds * 8000)
        let samples = (0..<count).map { Int16(sin(Double($0) * 0.3) * 3000) }
        return PCMWave(samples: samples).data
    }

    static func mp3() throws -> Data { try DemoAudioLibrary.data(.mp3("marco")) }
}

/// Users for the permission tests: 300 needs a PIN, 400 may see group "ops" but cannot use
/// voicemail, 500 sees "ops".
enum TestUsers {
    static let all: [SimulatorUser] = [
        SimulatorUser(extension: "101", name: "Alice", webPassword: "pass101", apiToken: "demo-101", groups: ["ops"]),
        SimulatorUser(extension: "300", name: "Pinned", webPassword: "98765secret", apiToken: "tok-300",
                      groups: ["ops"], pinRequired: true),
        SimulatorUser(extension: "400", name: "Blocked", webPassword: "pass400", apiToken: "tok-400",
                      canSeeVoicemailOfGroups: ["ops"], cannotUseVoicemail: true),
        SimulatorUser(extension: "500", name: "Manager", webPassword: "pass500", apiToken: "tok-500",
                      canSeeVoicemailOfGroups: ["ops"]),
    ]
}
