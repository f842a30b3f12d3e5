import AppCore
import VoicemailModel
import XCTest

extension AppState {
    /// Sends keys one by one; returns the effects of the last.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = App.update(&self, .input(.key(key))) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for c in text { effects = App.update(&self, .input(.key(.character(c)))) }
        return effects
    }

    @discardableResult
    mutating func send(_ event: AppEvent) -> [Effect] { App.update(&self, event) }

    var visibleIDs: [String] { (0..<visibleCount).map { visibleMessage(at: $0).id } }
}

extension Effect {
    var isLoadFolder: Bool { if case .list(.loadFolder) = self { true } else { false } }
    var isLoadMailboxes: Bool { if case .list(.loadMailboxes) = self { true } else { false } }
}
