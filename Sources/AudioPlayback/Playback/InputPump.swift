import FoundationEssentials
import Glibc
import SystemBasics

/// Copies the growing download into a player's stdin on its own thread: the write blocks
/// while the player is paused (the pipe is full), which must not stall anything else.
enum InputPump {
    static func start(file: URL, feed: DownloadFeed, into player: ChildProcess) {
        DetachedThread.start(name: "vmtui-player-input") {
            defer { player.closeInput() }
            let fd = open(file.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 32 * 1024)
            var sent: Int64 = 0
            while player.isRunning {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if count > 0 {
                    let delivered = buffer.withUnsafeBytes {
                        player.writeInput(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
                    }
                    guard delivered else { return }
                    sent += Int64(count)
                    continue
                }
                // At the end of what is on disk: done if the download is over, else wait.
                let state = feed.snapshot
                switch state.outcome {
                case .running:
                    feed.waitForMore(than: sent)
                case .complete, .failed:
                    // One more read catches bytes written between the read and the snapshot.
                    let tail = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                    if tail > 0 {
                        let delivered = buffer.withUnsafeBytes {
                            player.writeInput(UnsafeRawBufferPointer(rebasing: $0[0..<tail]))
                        }
                        guard delivered else { return }
                        sent += Int64(tail)
                        continue
                    }
                    return
                }
            }
        }
    }
}
