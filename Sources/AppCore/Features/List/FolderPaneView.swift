import DisplayText
import VoicemailModel

/// The five phone folders, then any other the backend has (Urgent shows inside New), with
/// unread badges; the open one highlighted.
enum FolderPaneView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ layout: Layout) {
        let rect = layout.folders
        let titleStyle: StyleRole = state.focus == .folders ? .paneTitleFocused : .paneTitle
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: titleStyle)
        grid.put(" Folders", x: rect.x, y: rect.y, style: titleStyle, maxWidth: rect.width)
        let shown = state.shownFolders
        for folder in shown {
            let y = layout.row(of: folder, in: shown)
            guard y < rect.y + rect.height else { break }
            let selected = folder == state.folder
            let style: StyleRole = selected ? .folderSelected : .folder
            grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: style)
            let name = layout.compactFolders ? " \(folder.displayName)" : " \(folder.digit.map(String.init) ?? " ") \(folder.displayName)"
            grid.put(name, x: rect.x, y: y, style: style, maxWidth: rect.width)
            // New holds Urgent's messages too (as the phone counts them).
            let unread = state.count(of: folder).unread + (folder == .inbox ? state.count(of: .urgent).unread : 0)
            guard unread > 0 else { continue }
            let badge = unread > 999 ? "999+" : String(unread)
            let width = DisplayWidth.of(badge)
            grid.put(badge, x: rect.x + rect.width - width - 1, y: y, style: .badge)
        }
    }
}
