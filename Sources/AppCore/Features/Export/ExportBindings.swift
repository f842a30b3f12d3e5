/// `e`: export the tagged messages (or the selected one) into a folder.
enum ExportBindings {
    static let all: [Binding] = [
        Binding(.export, keys: [.character("e")], help: "Export tagged messages to a folder") {
            App.startExport(&$0)
        }
    ]
}
