import SafeTOML

/// Which key runs which action. Defaults, then the user's `[keys]` table on top: an action
/// named there gets exactly the keys listed, and those keys leave any other action.
public struct KeyBindings: Equatable, Sendable {
    public private(set) var keys: [Action: [Key]]
    private var actionByKey: [KeyContext: [Key: Action]]

    public static let defaults = KeyBindings(keys: [
        .down: [.character("j"), .down],
        .up: [.character("k"), .up],
        .top: [.character("g"), .home],
        .bottom: [.end],
        .pageDown: [.pageDown, .control("f")],
        .pageUp: [.pageUp, .control("b")],
        .switchPane: [.tab, .backTab],
        .focusFolders: [.character("h"), .left],
        .focusList: [.character("l"), .right],
        .folderNew: [.character("0")],
        .folderOld: [.character("1")],
        .folderWork: [.character("2")],
        .folderFamily: [.character("3")],
        .folderFriends: [.character("4")],
        .tag: [.character(" ")],
        .markRead: [.character("r")],
        .markUnread: [.character("u")],
        .move: [.character("m")],
        .delete: [.character("d"), .delete],
        .forward: [.character("f")],
        .filter: [.character("/")],
        .refresh: [.character("R")],
        .redraw: [.control("l")],
        .help: [.character("?"), .function(1)],
        .quit: [.character("q")],
        .play: [.enter, .character("p")],
        .toggleDetails: [.character("i")],
        .openMailbox: [.character("o")],
        .save: [.character("w")],
        .greetings: [.character("G")],
        .stop: [.character("s")],
        .seekBack: [.left],
        .seekForward: [.right],
        .playNext: [.character("n")],
        .playPrevious: [.character("N")],
        .greetingUpload: [.character("u")],
        .greetingRecord: [.character("r")],
        .greetingReset: [.character("x"), .character("d")],
        .closeGreetings: [.escape, .character("q"), .character("G")],
    ])

    public init(keys: [Action: [Key]]) {
        self.keys = keys
        actionByKey = [:]
        for action in Action.allCases {
            for key in keys[action] ?? [] where actionByKey[action.context]?[key] == nil {
                actionByKey[action.context, default: [:]][key] = action
            }
        }
    }

    /// The mailbox action of a key.
    public func action(for key: Key) -> Action? {
        action(for: key, in: [.mailbox])
    }

    /// The action of a key in the first of `contexts` that binds it.
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        // Ctrl-C always quits, whatever the table says, so nobody is trapped.
        if key == .control("c") { return .quit }
        for context in contexts {
            if let action = actionByKey[context]?[key] { return action }
        }
        return nil
    }

    public func keys(for action: Action) -> [Key] { keys[action] ?? [] }

    /// The first key of an action as shown in the footer ("d"), or "—" when unbound.
    public func label(_ action: Action) -> String {
        keys(for: action).first.map(KeySpec.display) ?? "—"
    }

    /// Applies a `[keys]` table (action → one spec or a list of specs) to the defaults.
    /// Problems become one-line messages; the offending entries are skipped.
    public static func from(table: [String: [String]]) -> (KeyBindings, [String]) {
        var keys = defaults.keys
        var errors: [String] = []
        var claimed: [KeyContext: [Key: Action]] = [:]
        for name in table.keys.sorted() {
            guard let action = Action(name: name) else {
                errors.append("[keys]: unknown action \"\(name)\"")
                continue
            }
            var parsed: [Key] = []
            for spec in table[name] ?? [] {
                guard let key = KeySpec.parse(spec) else {
                    errors.append("[keys] \(action.rawValue): unknown key \"\(spec)\"")
                    continue
                }
                if key == .control("c") {
                    errors.append("[keys] \(action.rawValue): ctrl-c always quits")
                    continue
                }
                if let other = claimed[action.context]?[key], other != action {
                    errors.append(
                        "[keys] \(action.rawValue): \"\(spec)\" is already bound to \(other.rawValue)")
                    continue
                }
                claimed[action.context, default: [:]][key] = action
                if !parsed.contains(key) { parsed.append(key) }
            }
            keys[action] = parsed
        }
        // Keys the user gave to one action leave the defaults of every other action of the
        // same context (other contexts may reuse a key: ← seeks while playing).
        for (context, table) in claimed {
            for (key, owner) in table {
                for action in Action.allCases where action != owner && action.context == context {
                    keys[action]?.removeAll { $0 == key }
                }
            }
        }
        return (KeyBindings(keys: keys), errors)
    }

    /// Same, from a parsed TOML `[keys]` table whose values are strings or arrays of strings.
    public static func from(toml table: TOMLTable) -> (KeyBindings, [String]) {
        var plain: [String: [String]] = [:]
        var errors: [String] = []
        for name in table.keys {
            guard let value = table[name] else { continue }
            if let single = value.string {
                plain[name] = [single]
            } else if let array = value.array {
                var specs: [String] = []
                for element in array {
                    if let text = element.string {
                        specs.append(text)
                    } else {
                        errors.append("[keys] \(name): key names must be strings")
                    }
                }
                plain[name] = specs
            } else {
                errors.append("[keys] \(name): expected a key name or a list of key names")
            }
        }
        let (bindings, more) = from(table: plain)
        return (bindings, errors.sorted() + more)
    }
}
