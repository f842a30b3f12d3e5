/// A key as the terminal layer reports it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lower case: `.control("l")` for Ctrl-L.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

public enum MouseAction: Hashable, Sendable {
    case press
    case wheelUp
    case wheelDown
}

public struct MouseEvent: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var action: MouseAction

    public init(x: Int, y: Int, action: MouseAction) {
        self.x = x
        self.y = y
        self.action = action
    }
}

public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What the terminal layer delivers to the app.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(TerminalSize)
}
