import ArgumentParser
import Foundation
import VoicemailClient
import VoicemailModel

/// `--folder` values: a folder (name in any case, "new", or digit 0–4) or "all".
enum FolderChoice: ExpressibleByArgument, Equatable {
    case all
    case one(Folder)

    init?(argument: String) {
        if argument.lowercased() == "all" {
            self = .all
        } else if let folder = Folder(userInput: argument) {
            self = .one(folder)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["all"] + Folder.allCases.map { $0.rawValue.lowercased() } }

    var folder: Folder? {
        if case .one(let folder) = self { return folder }
        return nil
    }
}

enum SortChoice: String, ExpressibleByArgument, CaseIterable {
    case date, duration, number, name

    var field: MessageSort {
        switch self {
        case .date: .date
        case .duration: .duration
        case .number: .callerNumber
        case .name: .callerName
        }
    }
}

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List messages (newest first).")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Folder: new (INBOX), old, work, family, friends, 0–4, or all.", valueName: "FOLDER"))
    var folder: FolderChoice = .one(.inbox)

    @Option(help: "Only messages whose caller, number, label or transcription contains this text.")
    var search: String?

    @Option(help: "At most this many messages.")
    var limit: Int = 100

    @Option(help: "Sort by date, duration, number or name.")
    var sort: SortChoice = .date

    @Flag(help: "Oldest (or smallest) first.")
    var ascending = false

    @Flag(help: "Machine-readable JSON (an array of messages).")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await CLI.run {
            let direction: SortDirection = ascending ? .ascending : .descending
            let messages = try await CLI.withBackend(global) { context in
                try await context.backend.allMessages(
                    MessageQuery(folder: folder.folder, count: 1000, sort: sort.field, direction: direction, search: search),
                    limit: limit
                ).messages
            }
            Terminal.print(json ? try JSONOutput.string(messages) : Tables.messages(messages))
        }
    }
}

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one message with its transcription.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message id.") var id: String
    @Flag(help: "Machine-readable JSON.") var json = false

    func run() async throws {
        try await CLI.run {
            let message = try await CLI.withBackend(global) { try await $0.backend.message(id: id, mailbox: nil) }
            Terminal.print(json ? try JSONOutput.string(message) : Tables.messageDetail(message))
        }
    }
}

struct MailboxesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mailboxes", abstract: "List the mailboxes you may open.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable JSON.") var json = false

    func run() async throws {
        try await CLI.run {
            let list = try await CLI.withBackend(global) { context in
                try await CLI.require(.mailboxList, of: context.backend)
                return try await context.backend.mailboxes(ifNoneMatch: nil).value ?? []
            }
            Terminal.print(json ? try JSONOutput.string(list) : Tables.mailboxes(list))
        }
    }
}

struct GreetingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "greetings", abstract: "List the greetings of the mailbox.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable JSON.") var json = false

    func run() async throws {
        try await CLI.run {
            let list = try await CLI.withBackend(global) { context in
                try await CLI.require(.greetings, of: context.backend)
                return try await context.backend.greetings(mailbox: nil)
            }
            Terminal.print(json ? try JSONOutput.string(list) : Tables.greetings(list))
        }
    }
}
