import AppCore

/// What the event loop needs from a terminal. `CursesTerminal` is the real one; tests use
/// a fake that records frames and replays scripted input.
public protocol TerminalDevice: AnyObject {
    var size: TerminalSize { get }
    /// The descriptor to poll for input, or nil when input arrives some other way.
    var inputFileDescriptor: Int32? { get }
    func draw(_ frame: Frame)
    /// Repaints everything on the next draw (Ctrl-L, after a suspend).
    func invalidate()
    /// Everything typed (or clicked, or resized) that is ready now, without waiting.
    func readAvailableInput() -> [InputEvent]
    /// Gives the tty back for a job-control stop and takes it again after it continues.
    func suspend()
    func stop()
    /// The window title ("vmtui — 3 unread"); nil clears it. Terminals without one ignore it.
    func setTitle(_ title: String?)
    /// The bell, for a new message when the user asked for it.
    func ring()
}

extension TerminalDevice {
    public func setTitle(_ title: String?) {}
    public func ring() {}
}
