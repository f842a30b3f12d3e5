import VoicemailModel

public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}

/// Where each part of the screen goes for a terminal size. Shared by the view and by
/// update (mouse hits, page size), so both agree.
///
/// - 110 columns and more: folders | list | details side by side.
/// - narrower, 21 rows and more: details below the list.
/// - smaller still: details hidden; the details key shows them in place of the list.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    public let size: TerminalSize
    public let tooSmall: Bool
    /// Narrow folder pane: "New  3" without the digit.
    public let compactFolders: Bool
    public let header: Rect
    /// Folder pane content (title row first); a separator column follows it.
    public let folders: Rect
    /// Message list (title row first), nil when details take its place.
    public let list: Rect?
    public let details: Rect?
    public let detailsBeside: Bool
    public let status: Rect
    public let footer: Rect

    public init(size: TerminalSize, detailsToggled: Bool) {
        self.size = size
        let w = size.width
        let h = size.height
        tooSmall = w < Self.minimumWidth || h < Self.minimumHeight
        compactFolders = w < 80
        header = Rect(x: 0, y: 0, width: w, height: 1)
        status = Rect(x: 0, y: h - 2, width: w, height: 1)
        footer = Rect(x: 0, y: h - 1, width: w, height: 1)
        let bodyHeight = max(0, h - 3)
        let folderWidth = compactFolders ? 11 : (w >= 100 ? 17 : 14)
        folders = Rect(x: 0, y: 1, width: folderWidth, height: bodyHeight)
        let restX = folderWidth + 1
        let restWidth = max(0, w - restX)
        if w >= 110 {
            detailsBeside = true
            if detailsToggled {
                list = Rect(x: restX, y: 1, width: restWidth, height: bodyHeight)
                details = nil
            } else {
                // Even halves: the list's caller column still fits a name and number, the
                // transcription gets readable lines, and the selection bar a j moves (every
                // one of its cells is sent again) stays half as wide as the screen's body.
                let detailsWidth = max(36, restWidth / 2)
                let listWidth = restWidth - detailsWidth - 1
                list = Rect(x: restX, y: 1, width: listWidth, height: bodyHeight)
                details = Rect(x: restX + listWidth + 1, y: 1, width: detailsWidth, height: bodyHeight)
            }
        } else if bodyHeight >= 18 {
            detailsBeside = false
            if detailsToggled {
                list = Rect(x: restX, y: 1, width: restWidth, height: bodyHeight)
                details = nil
            } else {
                let detailsHeight = max(8, min(14, bodyHeight / 2))
                list = Rect(x: restX, y: 1, width: restWidth, height: bodyHeight - detailsHeight)
                details = Rect(x: restX, y: 1 + bodyHeight - detailsHeight, width: restWidth, height: detailsHeight)
            }
        } else {
            detailsBeside = false
            let whole = Rect(x: restX, y: 1, width: restWidth, height: bodyHeight)
            list = detailsToggled ? nil : whole
            details = detailsToggled ? whole : nil
        }
    }

    /// Message rows the list shows (its title row excluded).
    public var listRows: Int { max(0, (list?.height ?? 0) - 1) }

    /// Screen row of a folder of the pane (after the title row), the five phone folders first.
    public func row(of folder: Folder, in shown: [Folder] = Folder.allCases) -> Int {
        folders.y + 1 + (shown.firstIndex(of: folder) ?? 0)
    }

    public func folder(atX x: Int, y: Int, in shown: [Folder] = Folder.allCases) -> Folder? {
        guard folders.contains(x: x, y: y) else { return nil }
        let index = y - folders.y - 1
        return shown.indices.contains(index) ? shown[index] : nil
    }

    /// Offset of the list row under the pointer (0 = first row shown).
    public func listRow(atX x: Int, y: Int) -> Int? {
        guard let list, list.contains(x: x, y: y), y > list.y else { return nil }
        return y - list.y - 1
    }
}
