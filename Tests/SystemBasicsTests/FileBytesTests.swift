import Foundation
import SystemBasics
import Synchronization
import XCTest

final class FileBytesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("systembasics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testReadsHeadSizeAndRanges() throws {
        let path = folder.appendingPathComponent("f").path
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(FileBytes.head(of: path, count: 12), Array(bytes.prefix(12)))
        XCTAssertEqual(FileBytes.size(of: path), 200_000)
        let file = try XCTUnwrap(ReadableFile(path: path))
        XCTAssertEqual(file.size, 200_000)
        XCTAssertEqual(file.read(at: 199_990, count: 100), Array(bytes[199_990...]))
        XCTAssertEqual(file.readToEnd(), bytes)
        XCTAssertEqual(file.readToEnd(from: 131_072)?.count, 200_000 - 131_072)
        XCTAssertNil(ReadableFile(path: folder.appendingPathComponent("absent").path))
        XCTAssertNil(FileBytes.head(of: folder.appendingPathComponent("absent").path, count: 1))
        XCTAssertNil(FileBytes.size(of: folder.appendingPathComponent("absent").path))
    }

    func testOverwriteKeepsTheFileAndReplacesItsBytes() throws {
        let path = folder.appendingPathComponent("g").path
        try Data("a much longer old content".utf8).write(to: URL(fileURLWithPath: path))
        let reader = try XCTUnwrap(ReadableFile(path: path))
        XCTAssertTrue(FileBytes.overwrite(path, with: Array("new".utf8)))
        XCTAssertEqual(reader.readToEnd(), Array("new".utf8), "an open reader sees the new bytes")
        XCTAssertFalse(FileBytes.overwrite(folder.appendingPathComponent("absent").path, with: [1]))
    }

    func testDetachedThreadRunsNamed() {
        let done = expectation(description: "ran")
        let name = Mutex("")
        XCTAssertTrue(
            DetachedThread.start(name: "vmtui-a-very-long-thread-name") {
                let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                name.withLock { $0 = comm.trimmingCharacters(in: .newlines) }
                done.fulfill()
            })
        wait(for: [done], timeout: 30)
        XCTAssertEqual(name.withLock { $0 }, "vmtui-a-very-lo")
    }
}
