import Foundation
import Logging
import VoicemailModel

/// The demo PBX: four users (Bob's mailbox needs a PIN), a full mailbox for Alice (every phone folder plus Asterisk's
/// Urgent and Cust1, unread in New and Urgent, urgent, forwarded, international and non-Latin
/// callers, transcriptions, a 180 s message, dates from minutes to a year ago), a few messages
/// for Bob, and Alice's greetings. Written in Asterisk's layout (`DIR/default/<mailbox>/…`).
/// Transcriptions are the words the clips speak (scripts/make-demo-audio.sh).
enum DemoCatalog {
    static let users: [SimulatorUser] = [
        SimulatorUser(
            extension: "101", name: "Alice Martin", webPassword: "pass101", apiToken: "demo-101",
            groups: ["customers"]),
        // Bob's mailbox needs his PIN (pass1, the first five characters of his web password)
        // when someone else opens it: the demo's PIN mailbox (README, "Try it").
        SimulatorUser(
            extension: "102", name: "Bob Nguyen", webPassword: "pass102", apiToken: "demo-102",
            groups: ["customers"], pinRequired: true),
        SimulatorUser(
            extension: "103", name: "Dana Kowalski", webPassword: "pass103", apiToken: "demo-103",
            groups: ["staff"]),
        SimulatorUser(
            extension: "200", name: "Support Desk", webPassword: "pass200", apiToken: "demo-200",
            groups: ["staff"], canSeeVoicemailOfGroups: ["customers"]),
    ]

    /// Read or unread is where the entry is filed: unread exactly in INBOX and Urgent.
    struct Entry {
        var mailbox: String
        var folder: Folder
        var urgent = false
        var name: String?
        var number: String
        /// How long before "now" the message was left.
        var age: TimeInterval
        var clip: DemoAudioLibrary.Clip
        var transcription: String?
        var subject: String?
    }

    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86400

    static let entries: [Entry] = [
        // Alice (101): New
        Entry(mailbox: "101", folder: .inbox, urgent: true, name: "Bob Nguyen", number: "102",
              age: 12 * minute, clip: .wav("bob-urgent"),
              transcription: "Hi Alice, it's Bob. The build server is down again. Please call me back as soon as you can."),
        Entry(mailbox: "101", folder: .inbox, name: "Oliver Bennett", number: "+44 20 7946 0958",
              age: 47 * minute, clip: .wav("london"),
              transcription: "Hello, this is Oliver from the London office, about the contract renewal. Please ring me back."),
        Entry(mailbox: "101", folder: .inbox, name: "山田太郎", number: "+81 3 5555 0142",
              age: 26 * hour, clip: .wav("tokyo"),
              transcription: "Hello Alice, this is Taro Yamada in Tokyo. The samples arrived today. Thank you."),
        Entry(mailbox: "101", folder: .inbox, name: "Support Desk", number: "200",
              age: 30 * hour, clip: .wav("support")),
        // Old
        Entry(mailbox: "101", folder: .old, name: "Dana Kowalski", number: "103",
              age: 3 * day, clip: .wav("dana-lunch"),
              transcription: "Hi Alice, Dana here. Lunch on Friday still works for me. See you at noon."),
        Entry(mailbox: "101", folder: .old, name: "Ελένη Παπαδοπούλου", number: "+30 21 0555 0178",
              age: 5 * day + 3 * hour, clip: .wav("athens"),
              transcription: "Good morning, this is Eleni from Athens. Your parcel is ready for collection."),
        Entry(mailbox: "101", folder: .old, name: nil, number: "anonymous",
              age: 40 * day, clip: .wav("pharmacy")),
        // Work
        Entry(mailbox: "101", folder: .work, name: "Marco Rossi", number: "+39 02 5555 0111",
              age: 2 * day + 5 * hour, clip: .mp3("marco"),
              transcription: "Hi, this is Marco Rossi. The new price list is attached to my email. Talk soon.",
              subject: "Fwd: Marco Rossi"),
        Entry(mailbox: "101", folder: .work, name: "Conference Bridge", number: "800",
              age: 9 * day, clip: .padded("conference", seconds: 180)),
        Entry(mailbox: "101", folder: .work, name: "Support Desk", number: "200",
              age: 75 * day, clip: .wav("support"),
              transcription: "Hi, this is the support desk. Ticket four two one seven is resolved."),
        // Family
        Entry(mailbox: "101", folder: .family, name: "Mum", number: "+1 202 555 0100",
              age: 12 * day, clip: .wav("mum"),
              transcription: "Hello love, it's Mum. Call me when you get a minute."),
        Entry(mailbox: "101", folder: .family, name: "Mum", number: "+1 202 555 0100",
              age: 4 * day, clip: .wav("mum")),
        // Friends
        Entry(mailbox: "101", folder: .friends, name: "Sam Taylor", number: "+1 415 555 0134",
              age: 400 * day, clip: .mp3("sam"),
              transcription: "Hey Alice, it's Sam. Are we still on for the game on Saturday?"),
        // Urgent: where Asterisk files an urgent new message (the one above came forwarded,
        // which leaves it in INBOX still flagged).
        Entry(mailbox: "101", folder: .urgent, urgent: true, name: "Dana Kowalski", number: "103",
              age: 25 * minute, clip: .wav("dana-lunch"),
              transcription: "Hi Alice, Dana here. Lunch on Friday still works for me. See you at noon."),
        // Cust1: one of Asterisk's custom folders, as a real PBX may report them.
        Entry(mailbox: "101", folder: .cust1, name: "Pharmacy", number: "+1 202 555 0199",
              age: 20 * day, clip: .wav("pharmacy"),
              transcription: "This is the pharmacy. Your prescription is ready to pick up."),
        // Bob (102)
        Entry(mailbox: "102", folder: .inbox, name: "Alice Martin", number: "101",
              age: 2 * hour, clip: .wav("dana-lunch")),
        Entry(mailbox: "102", folder: .inbox, urgent: true, name: "Oliver Bennett", number: "+44 20 7946 0958",
              age: 20 * hour, clip: .wav("london"),
              transcription: "Hello, this is Oliver from the London office, about the contract renewal. Please ring me back."),
        Entry(mailbox: "102", folder: .old, name: "Pharmacy", number: "+1 202 555 0199",
              age: 6 * day, clip: .wav("pharmacy"),
              transcription: "This is the pharmacy. Your prescription is ready to pick up."),
    ]

    static func write(into directory: URL, now: Date, logger: Logger) throws {
        let usersJSON = try JSONEncoder.pretty.encode(UsersFile(users: users))
        try DurableFiles.write(usersJSON, to: directory.appendingPathComponent(UserDirectory.fileName))
        let directoryUsers = try UserDirectory(users: users)
        let store = SeedWriter(layout: SpoolLayout(root: directory))
        // Oldest first, so msg0000 is the oldest in each folder, as Asterisk files them.
        for entry in entries.sorted(by: { $0.age > $1.age }) {
            let audio = try DemoAudioLibrary.data(entry.clip)
            guard case .success(let info) = AudioInspector.inspect(audio) else {
                throw SimulatorError.startup("demo clip for \(entry.number) does not measure")
            }
            let date = now.addingTimeInterval(-entry.age)
            let record = MessageRecord(
                id: MessageID.make(at: date), originalMailbox: entry.mailbox,
                callerID: CallerID(name: entry.name, number: entry.number), originTime: date,
                duration: info.wholeSeconds, urgent: entry.urgent, subject: entry.subject,
                transcription: entry.transcription, format: info.format)
            try store.append(entry.mailbox, entry.folder, audio: audio, record: record)
        }
        try store.greeting("101", .unavailable, audio: DemoAudioLibrary.data(.wav("greeting-unavailable")))
        try store.greeting("101", .name, audio: DemoAudioLibrary.data(.wav("greeting-name")))
        for user in directoryUsers.users { try DurableFiles.makeDirectory(SpoolLayout(root: directory).folder(user.extension, .inbox)) }
        logger.info("seeded demo data into \(directory.path)")
    }
}

/// Writes seed messages straight into the spool, with the same durable file operations
/// the store uses (the store is not running yet).
private struct SeedWriter {
    let layout: SpoolLayout

    func append(_ mailbox: String, _ folder: Folder, audio: Data, record: MessageRecord) throws {
        let folderURL = layout.folder(mailbox, folder)
        try DurableFiles.makeDirectory(folderURL)
        let existing = (try FileManager.default.contentsOfDirectory(atPath: folderURL.path))
            .filter { $0.hasSuffix(".txt") }.count
        try DurableFiles.write(audio, to: layout.audio(mailbox, folder, existing, record.format))
        try DurableFiles.write(Data(record.ini().render().utf8), to: layout.text(mailbox, folder, existing))
    }

    func greeting(_ mailbox: String, _ type: GreetingType, audio: Data) throws {
        try DurableFiles.makeDirectory(layout.mailbox(mailbox))
        try DurableFiles.write(audio, to: layout.greeting(mailbox, type, .wav))
    }
}

extension JSONEncoder {
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
