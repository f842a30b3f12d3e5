import Logging

/// Process-wide set-up done once, before any command runs.
public enum ProcessSetup {
    /// swift-log's default handler writes to stdout, which would garble the screen and
    /// scripts' output. vmtui hands its own file logger to everything it creates; this makes
    /// sure a library logger that nobody configured stays silent instead.
    public static func silenceDefaultLogging() {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    }
}
