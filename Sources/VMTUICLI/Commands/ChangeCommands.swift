import ArgumentParser
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VoicemailBackend
import VoicemailClient
import VoicemailModel

extension Folder: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
}

struct MarkReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-read", abstract: "Mark messages read (a new message moves to Old).",
        discussion: EveryID.promise + " " + EveryID.sets)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message ids (or name a set with --all, --from, --since, --older-than).") var ids: [String] = []
    @OptionGroup(title: "Sets") var set: SetOptions

    func validate() throws { try set.check(ids: ids) }

    func run() async throws {
        try await CLI.run {
            if ids.isEmpty { return try await SetChange.run(.markRead, set, global) }
            let ids = EveryID.distinct(ids)
            let updated = try await CLI.withBackend(global) { context in
                try await EveryID.requireAll(ids, in: context.backend)
                return try await context.backend.markRead(ids: ids, mailbox: nil)
            }
            Terminal.print("Marked \(Plural.messages(updated.count)) read.")
        }
    }
}

struct MarkUnreadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-unread", abstract: "Mark messages unread (an Old message moves back to New).",
        discussion: EveryID.promise + " " + EveryID.sets)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message ids (or name a set with --all, --from, --since, --older-than).") var ids: [String] = []
    @OptionGroup(title: "Sets") var set: SetOptions

    func validate() throws { try set.check(ids: ids) }

    func run() async throws {
        try await CLI.run {
            if ids.isEmpty { return try await SetChange.run(.markUnread, set, global, needs: .markUnread) }
            let ids = EveryID.distinct(ids)
            let updated = try await CLI.withBackend(global) { context in
                try await CLI.require(.markUnread, of: context.backend)
                try await EveryID.requireAll(ids, in: context.backend)
                return try await context.backend.markUnread(ids: ids, mailbox: nil)
            }
            Terminal.print("Marked \(Plural.messages(updated.count)) unread.")
        }
    }
}

struct MoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move messages to another folder.", discussion: EveryID.promise + " " + EveryID.sets)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message ids (or name a set with --all, --from, --since, --older-than).") var ids: [String] = []
    @Option(help: ArgumentHelp("Target folder: new, old, work, family, friends or 0–4.", valueName: "FOLDER"))
    var to: Folder
    @OptionGroup(title: "Sets") var set: SetOptions

    func validate() throws { try set.check(ids: ids) }

    func run() async throws {
        try await CLI.run {
            if ids.isEmpty { return try await SetChange.run(.move(to), set, global, needs: .move) }
            let ids = EveryID.distinct(ids)
            let moved = try await CLI.withBackend(global) { context in
                try await CLI.require(.move, of: context.backend)
                try await EveryID.requireAll(ids, in: context.backend)
                return try await context.backend.move(ids: ids, to: to, mailbox: nil)
            }
            Terminal.print("Moved \(Plural.messages(moved.count)) to \(to.displayName).")
        }
    }
}

struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete messages (all or none).",
        discussion: """
            Asks for confirmation on a terminal; without a terminal, --yes is required. \
            If one id is unknown, no message is deleted. 
            """ + EveryID.sets)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message ids (or name a set with --all, --from, --since, --older-than).") var ids: [String] = []
    @Flag(name: [.short, .long], help: "Do not ask for confirmation.") var yes = false
    @OptionGroup(title: "Sets") var set: SetOptions

    func validate() throws { try set.check(ids: ids) }

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
                let client = context.backend
                var ids = EveryID.distinct(ids)
                var owner: String?
                if ids.isEmpty {
                    guard let chosen = try await SetChange.select(set, change: .delete, in: client) else { return }
                    guard let first = chosen.first else { return Terminal.print("No message matches; nothing changed.") }
                    ids = chosen.map(\.id)
                    if !yes { owner = try await Self.ownerDescription(client: client, firstID: first.id) }
                }
                if !yes {
                    guard Terminal.stdinIsTTY else {
                        throw CLIFailure(
                            message: "refusing to delete without confirmation: stdin is not a terminal (add --yes)",
                            code: ExitStatus.notConfirmed)
                    }
                    let from: String
                    if let owner { from = owner } else { from = try await Self.ownerDescription(client: client, firstID: ids[0]) }
                    guard Terminal.confirm("Delete \(Plural.messages(ids.count)) from \(from)?") else {
                        throw CLIFailure(message: "nothing deleted", code: ExitStatus.notConfirmed)
                    }
                }
                if set.namesASet {
                    Terminal.print("Deleting \(Plural.messages(ids.count))…")
                    let counter = Terminal.stderrIsTTY ? CountLine(verb: "Deleting") : nil
                    defer { counter?.finish() }
                    let done = try await client.change(.delete, ids: ids, mailbox: nil, progress: counter?.handler)
                    counter?.finish()
                    return Terminal.print("Deleted \(Plural.messages(done)).")
                }
                let deleted = try await client.delete(ids: ids, mailbox: nil)
                Terminal.print("Deleted \(Plural.messages(deleted.count)).")
            }
        }
    }

    /// "101 Alice Martin": fetching the first message also proves it still exists.
    static func ownerDescription(client: any VoicemailBackend, firstID: String) async throws -> String {
        let message = try await client.message(id: firstID, mailbox: nil)
        let mailbox = TerminalSafe.line(message.mailbox, maxLength: 20)
        var name: String?
        if (try? await client.capabilities())?.has(.mailboxList) == true {
            name = (try? await client.mailboxes(ifNoneMatch: nil))?.value?.first { $0.mailbox == message.mailbox }?.name
        }
        return name.map { "\(mailbox) \(TerminalSafe.line($0, maxLength: 60))" } ?? "mailbox \(mailbox)"
    }
}

struct ForwardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward", abstract: "Forward a message to other extensions (e.g. --to 102*103).",
        discussion: "Every extension is checked first: if one is unknown, no copy is made.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message id.") var id: String
    @Option(help: ArgumentHelp("Extensions separated by *, comma or space.", valueName: "EXT*EXT"))
    var to: String

    func validate() throws {
        guard Extensions.parse(to) != nil else {
            throw ValidationError("--to must list extensions (digits) separated by *, e.g. 102*103")
        }
    }

    func run() async throws {
        try await CLI.run {
            let targets = Extensions.parse(to) ?? []
            let copies = try await CLI.withBackend(global) { context in
                try await CLI.require(.forward, of: context.backend)
                return try await context.backend.forward(id: id, to: targets, mailbox: nil)
            }
            let list = copies.map { "\(TerminalSafe.line($0.mailbox, maxLength: 20)) (\(TerminalSafe.line($0.id, maxLength: 64)))" }
            Terminal.print("Forwarded to \(list.joined(separator: ", ")).")
        }
    }
}
