import FoundationEssentials
import VoicemailModel

/// The mailbox screen as pure functions: the runtime owns the loop, executes effects and
/// feeds their results back as events.
public enum App {
    /// The first state and the loads that fill it.
    public static func initial(config: AppConfig, now: Date) -> (AppState, [Effect]) {
        var state = AppState(config: config, now: now)
        // The capabilities load beside the first loads; until they answer, everything is offered.
        var effects = [loadMailboxes(&state)]
        effects.append(loadFolder(&state, .inbox, revalidate: false))
        effects.append(.loadCapabilities)
        // Config problems outrank "Loading…": they stay until the user acts.
        if !config.configErrors.isEmpty {
            state.status = .error("Config: " + config.configErrors.joined(separator: "; "))
        }
        return (state, effects)
    }

    /// Applies one event; returns the effects it asks for.
    public static func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        let effects = route(&state, event) + followTranscription(&state)
        // Superseded requests are cancelled, not left to answer into the void.
        return effects + state.takeSuperseded().map(Effect.cancel)
    }

    private static func route(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        switch event {
        case .input(.key(let key)): return handleKey(&state, key)
        case .input(.mouse(let mouse)): return handleMouse(&state, mouse)
        case .input(.resize(let size)):
            state.size = size
            keepSelectionVisible(&state)
            return []
        case .tick(let date): return handleTick(&state, date)
        case .capabilitiesLoaded(let result): return capabilitiesLoaded(&state, result)
        case .list(let event): return listAnswered(&state, event)
        case .actions(let event): return actionsAnswered(&state, event)
        case .picker(let event): return pickerAnswered(&state, event)
        case .overview(let event): return overviewAnswered(&state, event)
        case .playback(let event): return playbackAnswered(&state, event)
        case .greetings(let event): return greetingsAnswered(&state, event)
        case .export(let event): return exportAnswered(&state, event)
        case .transcription(let event): return transcriptionAnswered(&state, event)
        }
    }

    /// The screen, and where the terminal cursor goes (inside a prompt), if anywhere.
    public static func render(_ state: AppState, size: TerminalSize) -> Frame {
        Screen.render(state, size: size)
    }

    /// The screen alone.
    public static func view(_ state: AppState, size: TerminalSize) -> CellGrid {
        render(state, size: size).grid
    }
}

/// A rendered screen: the grid and the cursor position for a prompt (nil hides the cursor).
public struct Frame: Equatable, Sendable {
    public var grid: CellGrid
    public var cursor: CursorPosition?

    public init(grid: CellGrid, cursor: CursorPosition? = nil) {
        self.grid = grid
        self.cursor = cursor
    }
}

public struct CursorPosition: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
