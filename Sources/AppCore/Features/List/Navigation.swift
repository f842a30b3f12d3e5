import VoicemailModel

/// Moving the selection, scrolling and switching folders: O(1) per key.
extension App {
    static func moveSelection(_ state: inout AppState, to row: Int) {
        guard state.visibleCount > 0 else { return }
        state.selection = max(0, min(row, state.visibleCount - 1))
        keepSelectionVisible(&state)
    }

    /// Rows of the list that fit on screen (at least 1, so paging always moves).
    static func pageRows(_ state: AppState) -> Int {
        max(1, Layout(size: state.size, detailsToggled: state.detailsToggled).listRows)
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = pageRows(state)
        let count = state.visibleCount
        state.selection = max(0, min(state.selection, count - 1))
        if state.selection < state.scroll { state.scroll = state.selection }
        if state.selection >= state.scroll + rows { state.scroll = state.selection - rows + 1 }
        state.scroll = max(0, min(state.scroll, count - rows))
    }

    /// Wheel: moves the view, and the selection only as far as needed to stay on screen.
    static func scroll(_ state: inout AppState, by delta: Int) {
        let rows = pageRows(state)
        let count = state.visibleCount
        state.scroll = max(0, min(state.scroll + delta, count - rows))
        if state.selection < state.scroll { state.selection = state.scroll }
        if state.selection >= state.scroll + rows { state.selection = state.scroll + rows - 1 }
        state.selection = max(0, min(state.selection, count - 1))
    }

    static func switchFolder(_ state: inout AppState, to folder: Folder) -> [Effect] {
        guard folder != state.folder || (state.folderRequest == nil && state.isLoading) else { return [] }
        state.setFilter("")
        return [loadFolder(&state, folder, revalidate: false)]
    }

    /// J/K: scrolls a long transcription in the details pane.
    static func scrollDetails(_ state: inout AppState, by lines: Int) -> [Effect] {
        guard let id = state.selectedMessage?.id else { return [] }
        let current = state.detailsScroll?.messageID == id ? state.detailsScroll?.lines ?? 0 : 0
        let limit = DetailsView.maxTranscriptionScroll(state)
        state.detailsScroll = (id, max(0, min(limit, current + lines)))
        return []
    }

    static func stepFolder(_ state: inout AppState, by delta: Int) -> [Effect] {
        let shown = state.shownFolders
        let current = shown.firstIndex(of: state.folder) ?? 0
        guard let folder = shown[safe: max(0, min(shown.count - 1, current + delta))] else { return [] }
        return switchFolder(&state, to: folder)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
