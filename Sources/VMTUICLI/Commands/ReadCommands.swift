import ArgumentParser
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VoicemailBackend
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

    /// What an error lists as valid: the names people type ("new", not the spool's "inbox").
    static var allValueStrings: [String] {
        ["all"] + Folder.allCases.map { $0 == .inbox ? "new" : $0.rawValue.lowercased() } + Folder.allCases.indices.map(String.init)
    }

    var defaultValueDescription: String {
        switch self {
        case .all: "all"
        case .one(let folder): folder == .inbox ? "new" : folder.rawValue.lowercased()
        }
    }

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

    @Option(help: ArgumentHelp("Folder: new (INBOX and Urgent), old, work, family, friends, 0–4, or all.", valueName: "FOLDER"))
    var folder: FolderChoice = .one(.inbox)

    @Option(help: "Only messages whose caller, number, label or transcription contains this text.")
    var search: String?

    // `.unconditional`: "-1" is a (wrong) value to explain, not an unknown option.
    @Option(parsing: .unconditional, help: "At most this many messages (default 100).")
    var limit: Int?

    @Flag(help: "Every message, however many (pages through the server).")
    var all = false

    @Option(help: "Sort by date, duration, number or name.")
    var sort: SortChoice = .date

    @Flag(help: "Oldest (or smallest) first.")
    var ascending = false

    @Flag(help: "Machine-readable JSON (an array of messages).")
    var json = false

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit must be a positive number (at least 1)") }
        if all, limit != nil { throw ValidationError("give --limit N or --all, not both") }
    }

    func run() async throws {
        try await CLI.run {
            let direction: SortDirection = ascending ? .ascending : .descending
            let limit = all ? nil : (self.limit ?? 100)
            // New is INBOX and Urgent together, as on the screen (FolderListing holds the rule).
            let (page, capacity) = try await CLI.withBackend(global) { context in
                let page = try await FolderListing(context.backend).messages(
                    MessageQuery(folder: folder.folder, count: 1000, sort: sort.field, direction: direction, search: search),
                    limit: limit)
                // On a terminal only: a pipe gets the table alone.
                return (page, !json && Terminal.stdoutIsTTY ? await CapacityLine.own(context.backend) : nil)
            }
            let (messages, total) = (page.records, page.total)
            if let capacity { Terminal.print(capacity) }
            Terminal.print(json ? try JSONOutput.string(messages) : Tables.messages(messages))
            if messages.count < total {
                Terminal.printError("\(messages.count) of \(total) shown; --limit N or --all")
            }
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
