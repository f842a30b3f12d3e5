import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Who is left of a process group. A player's children are reparented when it exits; where
/// nothing reaps them (some container inits do not) they stay as zombies, which answer
/// `kill(-pgid, 0)` but play no sound and hold nothing: they do not count as alive.
public enum ProcessGroup {
    /// Whether a process of group `pgid` is alive (running, sleeping or stopped).
    public static func hasLiveMember(_ pgid: pid_t) -> Bool {
        guard kill(-pgid, 0) == 0 else { return false }
        guard let members = liveMembers(pgid) else { return true }  // no /proc: trust kill
        return !members.isEmpty
    }

    /// The live members of group `pgid` from /proc, or nil when /proc cannot be read.
    public static func liveMembers(_ pgid: pid_t) -> [pid_t]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var members: [pid_t] = []
        for entry in entries {
            guard let pid = pid_t(entry), let stat = ProcessStat.read(pid) else { continue }
            if stat.processGroup == pgid, stat.state != "Z", stat.state != "X" { members.append(pid) }
        }
        return members
    }
}

/// The fields of /proc/PID/stat that say whether a process lives and where it belongs.
public struct ProcessStat: Equatable, Sendable {
    public var state: Character
    public var parent: pid_t
    public var processGroup: pid_t

    /// Nil when the process is gone (or /proc is not there).
    public static func read(_ pid: pid_t) -> ProcessStat? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return parse(text)
    }

    /// `pid (comm) state ppid pgrp …`; comm may itself hold spaces and parentheses.
    public static func parse(_ text: String) -> ProcessStat? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 3, let state = fields[0].first, let parent = pid_t(fields[1]),
            let group = pid_t(fields[2])
        else { return nil }
        return ProcessStat(state: state, parent: parent, processGroup: group)
    }
}
