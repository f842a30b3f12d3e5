import Foundation
import TestSupport
import XCTest
@testable import AudioPlayback

/// Temp folders, audio made with sox/espeak-ng (from `SoxFixtures`), stub programs: everything
/// a test creates lives under one folder that `cleanUp()` removes.
final class Fixtures: SoxFixtures {
    init() throws {
        try super.init(prefix: "vmtui-audio-tests")
    }

    func folder(_ name: String) throws -> URL {
        let url = url(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> URL {
        let url = url(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { chmod(url.path, 0o755) }
        return url
    }

    static func hasProgram(_ name: String) -> Bool {
        ExecutableSearch.resolve(name, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }
}

/// Waits for a state stream to reach a state matching `predicate`, with a generous deadline
/// (a hang fails the test instead of blocking the suite; no timing is asserted).
func waitFor<S: Sendable>(
    _ stream: AsyncStream<S>, seconds: Double = 60, file: StaticString = #filePath, line: UInt = #line,
    _ predicate: @escaping @Sendable (S) -> Bool
) async throws -> S {
    let found = await withTaskGroup(of: S?.self) { group in
        group.addTask {
            for await state in stream where predicate(state) { return state }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
    return try XCTUnwrap(found, "the expected state never came", file: file, line: line)
}
