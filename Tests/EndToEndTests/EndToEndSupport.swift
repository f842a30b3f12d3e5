import Foundation

/// What every end-to-end test needs besides tmux and the simulator: where the `vmtui` binary
/// is, whether a helper program is installed, and how to read the folder pane.
enum EndToEnd {
    /// `VMTUI_PATH` when set (CI may test an installed binary), else this checkout's debug build.
    static var vmtuiPath: String {
        if let path = ProcessInfo.processInfo.environment["VMTUI_PATH"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/vmtui").path
    }

    /// The full path of `program` on `PATH`, or nil when it is not installed.
    static func which(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The unread badge of a folder row in the folder pane ("0 New         4"); 0 when the row
    /// has no badge, nil when the folder is not on screen.
    static func badge(_ screen: String, folder: String) -> Int? {
        for line in screen.split(separator: "\n") {
            let pane = line.split(separator: "│", omittingEmptySubsequences: false).first ?? ""
            let words = pane.split(separator: " ")
            guard words.count >= 2, words[1] == folder else { continue }
            return words.count >= 3 ? Int(words[2]) : 0
        }
        return nil
    }
}
