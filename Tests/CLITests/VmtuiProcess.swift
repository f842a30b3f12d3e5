import Foundation
import TestSupport

/// The real vmtui binary run once, with a clean environment (no user config, HOME in a test
/// folder) plus `environment`; stdout and stderr captured whole.
enum VmtuiProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(
        _ arguments: [String], in directory: TemporaryDirectory, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = try CLIProcessTests.vmtuiExecutable()
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.appending("config").path]
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = directory.url
        let out = directory.appending("stdout-\(UUID())")
        let err = directory.appending("stderr-\(UUID())")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
