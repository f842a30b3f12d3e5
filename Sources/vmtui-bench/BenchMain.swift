import AppCore
import Foundation
import VoicemailModel

/// Times App.update + App.render for one `j` with N messages in the open folder.
/// Usage: vmtui-bench [messages] [presses]
@main
enum BenchMain {
    static func main() {
        let arguments = CommandLine.arguments
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
        let presses = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
        let size = TerminalSize(width: 120, height: 40)
        let now = Date()
        var (state, effects) = App.initial(
            config: AppConfig(server: "bench", user: "101", timeZone: TimeZone(identifier: "UTC")!), now: now)
        _ = App.update(&state, .input(.resize(size)))
        var messages: [VoicemailMessage] = []
        for index in 0..<count {
            let date = now.addingTimeInterval(-Double(index) * 600)
            let id = "\(1_790_000_000 - index)-\(index)"
            messages.append(
                VoicemailMessage(
                    id: id, mailbox: "101", folder: .inbox, read: index % 3 == 0, callerName: "Caller \(index)",
                    callerNumber: String(100 + index % 900), date: date, duration: 5 + index % 170))
        }
        for effect in effects {
            if case .list(.loadFolder(let id, _, .inbox, _)) = effect {
                effects = App.update(&state, .list(.folderLoaded(id, .success(.loaded(messages: messages, etag: nil)))))
            }
        }
        let first = App.render(state, size: size)
        guard first.grid.text().contains("Caller 0") else {
            print("the folder did not load into the view")
            exit(1)
        }
        var samples: [Double] = []
        samples.reserveCapacity(presses)
        for press in 0..<presses {
            // Alternate down and back up at the end so the selection keeps moving.
            let key: Key = press % 2000 < 1000 ? .character("j") : .character("k")
            let start = DispatchTime.now().uptimeNanoseconds
            _ = App.update(&state, .input(.key(key)))
            let frame = App.render(state, size: size)
            let end = DispatchTime.now().uptimeNanoseconds
            precondition(frame.grid.width == size.width)
            samples.append(Double(end - start) / 1_000_000)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
        print(String(format: "messages=%d presses=%d update+view per key: median %.3f ms, p99 %.3f ms, worst %.3f ms",
                     count, presses, median, p99, samples.last ?? 0))
    }
}
