/// A table while the document is read: mutable, and remembering how it came to be, because
/// TOML's rules on redefining a table depend on that. Frozen into `TOMLTable` at the end.
final class TableNode {
    enum Origin {
        /// Named only as a parent in a header (`[a.b]` makes `a`); a later `[a]` may define it.
        case implicit
        /// Defined by its own `[header]` (or `[[header]]` element, or the root).
        case header
        /// Made by a dotted key (`a.b = 1` makes `a`); more dotted keys may add to it.
        case dotted
        /// An inline table `{ … }` being read.
        case inline
    }

    enum Slot {
        /// A finished value: a scalar, an array written inline, an inline table. Immutable.
        case value(TOMLValue)
        case table(TableNode)
        case tableArray(TableArray)
    }

    struct Entry {
        var slot: Slot
        var position: TOMLPosition
    }

    var origin: Origin
    let depth: Int
    private(set) var keys: [String] = []
    private(set) var entries: [String: Entry] = [:]

    init(origin: Origin, depth: Int) {
        self.origin = origin
        self.depth = depth
    }

    subscript(key: String) -> Entry? { entries[key] }

    func add(_ key: String, _ slot: Slot, at position: TOMLPosition) {
        keys.append(key)
        entries[key] = Entry(slot: slot, position: position)
    }

    func move(_ key: String, to position: TOMLPosition) {
        entries[key]?.position = position
    }

    /// Recursion is bounded by `TOMLLimits.maxDepth`, checked as nodes are made.
    func freeze() -> TOMLTable {
        var table = TOMLTable()
        for key in keys {
            let entry = entries[key]!
            let value: TOMLValue
            switch entry.slot {
            case .value(let finished): value = finished
            case .table(let node): value = .table(node.freeze())
            case .tableArray(let array): value = .array(array.tables.map { .table($0.freeze()) })
            }
            table.set(key, value, at: entry.position)
        }
        return table
    }
}

/// An array of tables made by `[[header]]`: a class, so appending does not copy it.
final class TableArray {
    var tables: [TableNode] = []
}
