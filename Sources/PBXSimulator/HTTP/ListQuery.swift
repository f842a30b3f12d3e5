import Foundation
import VoicemailModel

/// The paging, sorting, folder filter and search of `GET /api/v1/VoiceMail`.
struct ListQuery: Sendable {
    enum SortKey: String, CaseIterable, Sendable { case date, duration, callerNumber, callerName }

    var folder: Folder?
    var start = 0
    var count = 100
    var sort = SortKey.date
    var ascending = false
    var search: String?

    static let maxCount = 1000

    init(_ query: QueryString) throws {
        if let text = query["filter[folder]"], !text.isEmpty {
            guard let folder = Folder(userInput: text) else { throw APIError.badRequest("Unknown folder \"\(text)\"") }
            self.folder = folder
        }
        if let text = query["start"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw APIError.badRequest("start must be a number ≥ 0") }
            start = value
        }
        if let text = query["count"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw APIError.badRequest("count must be a number ≥ 0") }
            count = min(value, Self.maxCount)
        }
        if let text = query["sort"], !text.isEmpty {
            guard let key = SortKey.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                throw APIError.badRequest("sort must be one of date, duration, callerNumber, callerName")
            }
            sort = key
        }
        if let text = query["dir"], !text.isEmpty {
            switch text.uppercased() {
            case "ASC": ascending = true
            case "DESC": ascending = false
            default: throw APIError.badRequest("dir must be ASC or DESC")
            }
        }
        if let text = query["search"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            search = text
        }
    }

    /// The page of `elements`, each seen as the message at `message` (so what is paged can
    /// carry more than the message, e.g. where its file lies).
    func apply<Element>(
        to elements: [Element], message: KeyPath<Element, VoicemailMessage>
    ) -> (total: Int, records: [Element]) {
        var selected = elements
        if let folder { selected = selected.filter { $0[keyPath: message].folder == folder } }
        if let search {
            selected = selected.filter { element in
                let message = element[keyPath: message]
                return [message.callerName, message.callerNumber, message.subject, message.transcription]
                    .contains { $0?.localizedCaseInsensitiveContains(search) ?? false }
            }
        }
        selected.sort { ordering($0[keyPath: message], $1[keyPath: message]) }
        let total = selected.count
        let page = start >= total ? [] : Array(selected[start..<min(total, start + count)])
        return (total, page)
    }

    private func ordering(_ a: VoicemailMessage, _ b: VoicemailMessage) -> Bool {
        let primary: ComparisonResult
        switch sort {
        case .date: primary = compare(a.date, b.date)
        case .duration: primary = compare(a.duration, b.duration)
        case .callerNumber: primary = a.callerNumber.localizedStandardCompare(b.callerNumber)
        case .callerName: primary = (a.callerName ?? "").localizedStandardCompare(b.callerName ?? "")
        }
        if primary != .orderedSame { return ascending ? primary == .orderedAscending : primary == .orderedDescending }
        // Stable pages: newest first, then id.
        if a.date != b.date { return a.date > b.date }
        return a.id < b.id
    }

    private func compare<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
    }
}
