import VoicemailBackend

/// Every binding, gathered from the features that own them, in the order of `Action`
/// (which is the order of the help overlay).
public enum BindingTable {
    public static let all: [Binding] = {
        let contributed = ListBindings.all + ActionsBindings.all + ExportBindings.all + FilterBindings.all
            + PlaybackBindings.all + GreetingsBindings.all + PickerBindings.all + OverviewBindings.all + HelpBindings.all
        let order = Dictionary(uniqueKeysWithValues: Action.allCases.enumerated().map { ($1, $0) })
        return contributed.sorted { order[$0.action]! < order[$1.action]! }
    }()

    private static let byAction: [Action: Binding] = Dictionary(uniqueKeysWithValues: all.map { ($0.action, $0) })

    public static func binding(for action: Action) -> Binding {
        // Every action is contributed by exactly one feature (a test checks it).
        byAction[action]!
    }

    /// The README's "The screen" table, generated so it always says what the keys do.
    public static func markdownKeyTable() -> String {
        var lines = ["| key | context | what |", "|---|---|---|"]
        for binding in all {
            let keys = binding.defaultKeys.map { "`" + markdownKey($0) + "`" }.joined(separator: ", ")
            let needs = binding.capability.map { " (if the PBX can: \($0.rawValue))" } ?? ""
            lines.append("| \(keys) | \(binding.context.rawValue) | \(binding.help)\(needs) |")
        }
        lines += OverlayKeys.reference.map { "| `\($0.label)` | everywhere | \($0.help) |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Key names as the footer writes them; a `|` would end the table cell.
    private static func markdownKey(_ key: Key) -> String {
        KeySpec.display(key).replacing("|", with: "\\|")
    }
}

extension Action {
    /// Where the action's keys apply.
    public var context: KeyContext { BindingTable.binding(for: self).context }

    /// What the backend must be able to do for this action, if anything.
    public var capability: BackendCapability? { BindingTable.binding(for: self).capability }
}
