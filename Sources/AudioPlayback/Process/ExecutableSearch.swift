import FoundationEssentials
import Glibc

/// Finds programs the way a shell would, in a given PATH, without running a shell.
public enum ExecutableSearch {
    public static func resolve(_ program: String, path: String?) -> String? {
        if program.contains("/") {
            return isExecutableFile(program) ? program : nil
        }
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
