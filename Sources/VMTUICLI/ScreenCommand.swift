import ArgumentParser
import Foundation

/// Options that only the full-screen interface uses.
public struct ScreenOptions: ParsableArguments, Sendable {
    @Flag(help: "Run against a built-in demo PBX (no server needed).")
    public var demo = false

    @Option(name: .customLong("demo-data"), help: ArgumentHelp("Keep the demo PBX's data in this directory.", valueName: "DIR"))
    public var demoData: String?

    @Option(help: ArgumentHelp("Colour theme.", valueName: "NAME"))
    public var theme: String?

    @Option(help: ArgumentHelp("Audio player command.", valueName: "CMD"))
    public var player: String?

    public init() {}
}

/// Opens the full-screen interface (`vmtui` with no subcommand).
func launchScreen(global: GlobalOptions, screen: ScreenOptions) async throws {
    Terminal.printError("the screen is not built yet")
    throw ExitCode(1)
}
