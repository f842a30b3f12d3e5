/// Which key runs which action: the binding table's defaults, then the user's `[keys]` table
/// on top. An action named there gets exactly the keys listed. An entry that would take a key
/// another action still owns, or leave its action with no key, is refused (one line naming
/// both) and that action keeps its defaults: a remap never silently disarms another key.
public struct KeyBindings: Equatable, Sendable {
    public private(set) var keys: [Action: [Key]]
    private var actionByKey: [KeyContext: [Key: Action]]

    public static let defaults = KeyBindings(
        keys: Dictionary(uniqueKeysWithValues: BindingTable.all.map { ($0.action, $0.defaultKeys) }))

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
        if OverlayKeys.quitAlways.matches(key) { return .quit }
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
    /// Problems become one-line messages; the offending entries keep their defaults.
    public static func from(table: [String: [String]]) -> (KeyBindings, [String]) {
        var errors: [String] = []
        var wanted: [(action: Action, keys: [Key])] = []
        for name in table.keys.sorted() {
            guard let action = Action(name: name) else {
                errors.append("[keys]: unknown action \"\(name)\"")
                continue
            }
            var parsed: [Key] = []
            var refused = false
            for spec in table[name] ?? [] {
                guard let key = KeySpec.parse(spec) else {
                    errors.append("[keys] \(action.rawValue): unknown key \"\(spec)\"")
                    continue
                }
                if OverlayKeys.quitAlways.matches(key) {
                    errors.append("[keys] \(action.rawValue): ctrl-c always quits")
                    continue
                }
                if let other = wanted.first(where: { $0.action.context == action.context && $0.keys.contains(key) }) {
                    errors.append("[keys] \(action.rawValue): \"\(spec)\" is already bound to \(other.action.rawValue)")
                    refused = true
                    break
                }
                if !parsed.contains(key) { parsed.append(key) }
            }
            if parsed.isEmpty, !refused {
                errors.append("[keys] \(action.rawValue): no usable key left; its defaults are kept")
            } else if !refused {
                wanted.append((action, parsed))
            }
        }
        // A key still owned by an action that keeps its defaults is not up for grabs. A refusal
        // keeps one more action on its defaults, so look again until nothing changes.
        var accepted = wanted
        var refusals: [Action: String] = [:]
        while true {
            let remapped = Set(accepted.map(\.action))
            var next: [(action: Action, keys: [Key])] = []
            for entry in accepted {
                let owner = BindingTable.all.first { binding in
                    binding.action != entry.action && binding.context == entry.action.context
                        && !remapped.contains(binding.action) && binding.defaultKeys.contains { entry.keys.contains($0) }
                }
                if let owner {
                    let stolen = owner.defaultKeys.first { entry.keys.contains($0) }.map(KeySpec.display) ?? ""
                    refusals[entry.action] =
                        "[keys] \(entry.action.rawValue): \"\(stolen)\" is \(owner.action.rawValue)'s key; "
                        + "remap \(owner.action.rawValue) too or pick another key (defaults kept)"
                } else {
                    next.append(entry)
                }
            }
            if next.count == accepted.count { break }
            accepted = next
        }
        errors += wanted.compactMap { refusals[$0.action] }
        var keys = defaults.keys
        for entry in accepted { keys[entry.action] = entry.keys }
        return (KeyBindings(keys: keys), errors)
    }
}
