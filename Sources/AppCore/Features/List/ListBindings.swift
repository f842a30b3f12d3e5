/// Moving through the list and the folders, refreshing, redrawing, details.
enum ListBindings {
    static let all: [Binding] = [
        Binding(.down, keys: [.character("j"), .down], help: "Next message or folder", footer: "select"),
        Binding(.up, keys: [.character("k"), .up], help: "Previous message or folder"),
        Binding(.top, keys: [.character("g"), .home], help: "First message"),
        Binding(.bottom, keys: [.end], help: "Last message"),
        Binding(.pageDown, keys: [.pageDown, .control("f")], help: "Page down"),
        Binding(.pageUp, keys: [.pageUp, .control("b")], help: "Page up"),
        Binding(.switchPane, keys: [.tab, .backTab], help: "Switch between folders and list", footer: "list"),
        Binding(.focusFolders, keys: [.character("h"), .left], help: "Go to the folder pane"),
        Binding(.focusList, keys: [.character("l"), .right], help: "Go to the message list"),
        Binding(.folderNew, keys: [.character("0")], help: "Open New", footer: "folder"),
        Binding(.folderOld, keys: [.character("1")], help: "Open Old"),
        Binding(.folderWork, keys: [.character("2")], help: "Open Work"),
        Binding(.folderFamily, keys: [.character("3")], help: "Open Family"),
        Binding(.folderFriends, keys: [.character("4")], help: "Open Friends"),
        Binding(.refresh, keys: [.character("R")], help: "Refresh from the server", footer: "refresh"),
        Binding(.redraw, keys: [.control("l")], help: "Redraw the screen"),
        Binding(.quit, keys: [.character("q")], help: "Quit", footer: "quit"),
        Binding(.toggleDetails, keys: [.character("i")], help: "Show or hide details", footer: "details"),
        Binding(.detailsDown, keys: [.character("J")], help: "Scroll a long transcription down"),
        Binding(.detailsUp, keys: [.character("K")], help: "Scroll a long transcription up"),
    ]
}
