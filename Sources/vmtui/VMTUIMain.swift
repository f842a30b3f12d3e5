import Dispatch
import VMTUICLI

// A synchronous main that waits for the command on a semaphore, not an `async` main: the
// latter parks the main thread in dispatch_main(), which ends it with pthread_exit(), and that
// unwinds the main thread's stack through the binary's unwind tables (about 400 kB of
// .eh_frame_hdr and .eh_frame paged in, and libgcc_s's unwinder) at every start. vmtui uses
// no main actor, so nothing needs the main thread to serve the main queue (hence a detached task:
// `main` is on the main actor, which this thread, waiting, never serves).
@main
enum VMTUIMain {
    static func main() {
        ProcessSetup.silenceDefaultLogging()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await VMTUICommand.main()
            finished.signal()
        }
        finished.wait()
    }
}
