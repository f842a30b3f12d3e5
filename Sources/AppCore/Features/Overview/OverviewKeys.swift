import DisplayText
import VoicemailBackend

/// Opening the overview, moving in it, Enter to open the chosen mailbox as the picker does,
/// R to read it again, Esc to close.
extension App {
    static func openOverview(_ state: inout AppState) -> [Effect] {
        state.overview = OverviewScreen()
        return [loadOverview(&state)]
    }

    static func loadOverview(_ state: inout AppState) -> Effect {
        state.supersede(state.overviewRequest)
        let id = state.makeRequestID()
        state.pending[id] = .overview
        state.status = .busy("Reading mailboxes…")
        return .overview(.load(id))
    }

    static func handleOverviewKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var overview = state.overview else { return [] }
        let count = overview.rows?.count ?? 0
        let page = max(1, overviewPageRows(state))
        switch key {
        case OverlayKeys.cancel, .character("q"):
            state.supersede(state.overviewRequest)
            state.overview = nil
            if case .busy = state.status { state.status = .none }
            return []
        case OverlayKeys.submit:
            guard let row = overview.selected else { return [] }
            state.supersede(state.overviewRequest)
            state.overview = nil
            if case .busy = state.status { state.status = .none }
            return requestMailbox(&state, row.mailbox)
        case .character("R"):
            return [loadOverview(&state)]
        case .down, .character("j"), .control("n"): overview.selection += 1
        case .up, .character("k"), .control("p"): overview.selection -= 1
        case .pageDown: overview.selection += page
        case .pageUp: overview.selection -= page
        case .home, .character("g"): overview.selection = 0
        case .end, .character("G"): overview.selection = count - 1
        default: return []
        }
        overview.selection = max(0, min(overview.selection, count - 1))
        if overview.selection < overview.scroll { overview.scroll = overview.selection }
        if overview.selection >= overview.scroll + page { overview.scroll = overview.selection - page + 1 }
        overview.scroll = max(0, overview.scroll)
        state.overview = overview
        return []
    }

    /// Table rows that fit between the header and the status line (title and column heads off).
    static func overviewPageRows(_ state: AppState) -> Int {
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        return max(1, layout.status.y - layout.header.y - 3)
    }

    static func overviewAnswered(_ state: inout AppState, _ event: OverviewEvent) -> [Effect] {
        switch event {
        case .progress(let id, let done, let total):
            guard state.pending[id] == .overview else { return [] }
            state.status = .busy("Reading mailboxes \(done) of \(total)…")
        case .loaded(let id, let result):
            guard state.pending.removeValue(forKey: id) == .overview else { return [] }
            switch result {
            case .success(let rows):
                guard var overview = state.overview else { return [] }
                let kept = overview.selected?.mailbox
                overview.rows = rows
                overview.selection = kept.flatMap { mailbox in rows.firstIndex { $0.mailbox == mailbox } } ?? 0
                overview.scroll = 0
                state.overview = overview
                let attention = rows.filter { ($0.gauge?.level ?? .fine) != .fine }.count
                state.status = .success(
                    Plural.count(rows.count, "mailbox", plural: "mailboxes")
                        + (attention == 0 ? "" : ", \(attention) full or nearly full"))
            case .failure(let error):
                state.status = .error(describe(error, doing: "Could not read the mailboxes"))
            }
        }
        return []
    }
}

extension AppState {
    /// The overview load under way.
    public var overviewRequest: RequestID? {
        pending.first { $0.value == .overview }?.key
    }
}
