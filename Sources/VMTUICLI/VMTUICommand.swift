import ArgumentParser
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `vmtui`: without a subcommand it opens the screen; the subcommands are for scripts.
public struct VMTUICommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vmtui",
        abstract: "A terminal voicemail client for Wildix-style PBXs.",
        discussion: """
            Without a subcommand, vmtui opens its full-screen interface.

            Secrets are never command-line options: set VMTUI_TOKEN (bearer) or VMTUI_PASSWORD \
            (basic or session login), or token_command / password_command in the config file. \
            VMTUI_PIN gives the PIN of the mailbox chosen with --mailbox.

            \(ExitStatus.summary)
            """,
        version: VMTUIVersion.string,
        subcommands: [
            ListCommand.self, ShowCommand.self, DownloadCommand.self, MarkReadCommand.self, MarkUnreadCommand.self,
            MoveCommand.self, DeleteCommand.self, ForwardCommand.self, MailboxesCommand.self, GreetingsCommand.self,
            GreetingCommand.self, PlayCommand.self, ExportCommand.self, OverviewCommand.self, TranscribeCommand.self,
        ])

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var screen: ScreenOptions

    public init() {}

    public func run() async throws {
        try await launchScreen(global: global, screen: screen)
    }
}
