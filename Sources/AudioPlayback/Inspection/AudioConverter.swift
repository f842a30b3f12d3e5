import ChildSpawn
import FoundationEssentials
import SystemBasics

/// Converts audio to what a PBX plays best: 8 kHz mono 16-bit PCM WAV, with sox or ffmpeg,
/// whichever is installed (vmtui decodes nothing itself).
public struct AudioConverter: Sendable {
    public enum Tool: String, Sendable { case sox, ffmpeg }

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public var availableTools: [Tool] {
        [Tool.sox, .ffmpeg].filter { ExecutableSearch.resolve($0.rawValue, path: environment["PATH"]) != nil }
    }

    /// Containers (named as `AudioSignature.containerName` names them) that sox on Debian
    /// cannot read but ffmpeg can.
    static func needsFFmpeg(_ containerName: String) -> Bool {
        ["MP4/M4A", "Ogg Opus", "CAF", "AMR"].contains(containerName)
    }

    public static let installHint = "install sox (apt install sox) or ffmpeg (apt install ffmpeg) to convert it"

    /// Converts `input` into `output` with the first tool that manages; the error names the
    /// tool's own complaint.
    public func convertToTelephonyWAV(_ input: URL, output: URL, preferFFmpeg: Bool = false) async throws -> Tool {
        var tools = availableTools
        if preferFFmpeg { tools.sort { a, _ in a == .ffmpeg } }
        guard !tools.isEmpty else {
            throw AudioError.conversion("\(input.lastPathComponent) needs converting; \(Self.installHint)")
        }
        var failures: [String] = []
        for tool in tools {
            let process = try ChildProcess(
                arguments: arguments(tool, input: input.path, output: output.path),
                environment: ChildEnvironment.sanitized(environment), input: .nullDevice)
            let status = await process.waitForExit()
            if status == 0, FileBytes.size(of: output.path) ?? 0 > 44 {
                return tool
            }
            failures.append("\(tool.rawValue): \(process.failureLine ?? "exit status \(status)")")
        }
        throw AudioError.conversion(
            "Cannot convert \(input.lastPathComponent) (\(failures.joined(separator: "; ")))")
    }

    func arguments(_ tool: Tool, input: String, output: String) -> [String] {
        switch tool {
        case .sox:
            ["sox", "-q", input, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "wav", output]
        case .ffmpeg:
            ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input,
             "-vn", "-ac", "1", "-ar", "8000", "-c:a", "pcm_s16le", "-f", "wav", output]
        }
    }
}
