import Foundation
import Synchronization
import XCTest

import SystemBasics

final class DetachedThreadTests: XCTestCase {
    /// The body runs on a thread of its own, named as asked (what `top -H` and gdb show).
    func testRunsTheBodyOnANamedThread() async {
        let seen = Mutex<(name: String, isMain: Bool)?>(nil)
        let done = expectation(description: "ran")
        let started = DetachedThread.start(name: "vmtui-test-thread-long-name", stackSize: 1 << 20) {
            let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            let name = comm.trimmingCharacters(in: .newlines)
            seen.withLock { $0 = (name, Thread.isMainThread) }
            done.fulfill()
        }
        XCTAssertTrue(started)
        await fulfillment(of: [done], timeout: 10)
        XCTAssertEqual(seen.withLock { $0?.name }, "vmtui-test-thre")
        XCTAssertEqual(seen.withLock { $0?.isMain }, false)
    }
}
