import AppCore
import CNcursesw
import Glibc
import Themes

/// The ncurses screen. Create it on the thread that will draw and read input; every
/// method must be called from that thread.
public final class CursesTerminal: TerminalDevice {
    public struct Options: Sendable {
        public var theme: Theme
        public var environment: [String: String]
        /// ESC is reported this long after it arrives when nothing follows (Alt sequences).
        public var escapeDelayMilliseconds: Int32

        public init(theme: Theme, environment: [String: String], escapeDelayMilliseconds: Int32 = 25) {
            self.theme = theme
            self.environment = environment
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: StylePalette
    public let colorDepth: ColorDepth
    private var cursorVisible: Bool?
    private var stopped = false
    /// ASCII under a locale that cannot encode what AppCore draws.
    public let charset: Charset
    /// The window title, framed for this terminal; nil when it cannot show one.
    var titleStack: TitleStack?
    /// Whether vmtui turned SGR mouse reports on itself (ncurses' entry lacks them).
    private let ownsSGRMouse: Bool
    /// What the terminal shows now, cell by cell: a frame only touches what differs.
    private var shown: ShownGrid

    /// Opens the screen (alternate screen, no echo, keypad, mouse, colours).
    public init(options: Options) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the screen needs a terminal: standard input and output must be a tty")
        }
        guard let term = options.environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError("TERM is not set to a terminal that supports a full screen (try TERM=xterm-256color)")
        }
        setlocale(LC_ALL, "")
        charset = Charset.ofCurrentLocale()
        SignalRelay.saveTerminalSettings()
        set_escdelay(options.escapeDelayMilliseconds)
        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r")
        else { throw TerminalError("could not open the terminal") }
        guard let screen = newterm(term, output, input) else {
            throw TerminalError("unknown terminal type \"\(term)\" (no terminfo entry)")
        }
        self.screen = screen
        SignalRelay.setScreenActive(true)
        SignalRelay.relayResizes()
        CursesTerminal.registerExitHandler()
        guard let window = vmtui_stdscr() else {
            endwin()
            SignalRelay.setScreenActive(false)
            throw TerminalError("could not open the terminal window")
        }
        self.window = window

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        let hasColors = has_colors()
        colorDepth = ColorSupport.depth(
            environment: options.environment, terminalColors: Int(tigetnum("colors")),
            hasColors: hasColors)
        if colorDepth != .none {
            start_color()
            use_default_colors()
        }
        palette = StylePalette(
            theme: ColorSupport.effectiveTheme(options.theme, depth: colorDepth),
            depth: colorDepth, maxPairs: Int32(vmtui_color_pairs()))
        mousemask(
            vmtui_button1_pressed() | vmtui_button1_clicked() | vmtui_button4_pressed()
                | vmtui_button5_pressed(), nil)
        mouseinterval(0)
        ownsSGRMouse = MouseProtocol.needsOwnSGRMode(kmous: Self.capability("kmous"))
        if ownsSGRMouse { Self.writeDirectly(MouseProtocol.enableSGR) }
        if let (start, end) = TerminalTitle.sequences(
            term: term, tsl: Self.capability("tsl"), fsl: Self.capability("fsl"))
        {
            titleStack = TitleStack(start: start, end: end)
        }
        shown = ShownGrid()
        setCursor(visible: false)
    }

    deinit { stop() }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public var inputFileDescriptor: Int32? { STDIN_FILENO }

    public func draw(_ frame: Frame) {
        guard !stopped else { return }
        let grid = charset == .ascii ? GlyphFallback.asciiGrid(frame.grid) : frame.grid
        let rows = min(grid.height, Int(getmaxy(window)))
        let columns = min(grid.width, Int(getmaxx(window)))
        let looks = gridLooks(grid)
        let changes = shown.changes(to: grid, looks: looks.map(\.key), rows: rows, columns: columns)
        // Changes on one row that lie in different panes are sent in separate updates, so
        // ncurses moves the cursor across the border between them instead of rewriting the
        // border and switching attributes twice to do it (FlushPasses).
        let passes = FlushPasses.group(changes) { y, range in
            let first = looks[y * grid.width + range.lowerBound]
            return range.allSatisfy { looks[y * grid.width + $0] == first }
        }
        for (index, pass) in passes.enumerated() {
            if index > 0 {
                wnoutrefresh(window)
                doupdate()
            }
            for run in pass { drawRun(run, grid: grid, looks: looks, rows: rows, columns: columns) }
        }
        if let cursor = frame.cursor, cursor.x < columns, cursor.y < rows {
            setCursor(visible: true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            leaveok(window, false)
        } else {
            setCursor(visible: false)
            leaveok(window, true)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func drawRun(_ run: ShownGrid.Run, grid: CellGrid, looks: [StylePalette.Entry], rows: Int, columns: Int) {
        var characters = [wchar_t](repeating: 0, count: 6)
        var cell = cchar_t()
        let y = run.row
        var x = run.start
        while x < run.end {
            let source = grid[x, y]
            let entry = looks[y * grid.width + x]
            var pair = entry.pair
            let gridWidth = (x + 1 < grid.width && grid[x + 1, y].isContinuation) ? 2 : 1
            var text = source.text
            if source.isContinuation { text = " " }  // an orphan: draw a blank
            let width = CursesTerminal.fill(&characters, with: text)
            // Where wcwidth disagrees with the grid, draw something that keeps columns aligned.
            if width != gridWidth, !(width == 1 && gridWidth == 2) {
                _ = CursesTerminal.fill(&characters, with: charset == .ascii ? "?" : "\u{FFFD}")
            }
            setcchar(&cell, characters, entry.attributes, 0, &pair)
            put(&cell, x: x, y: y, lastCell: y == rows - 1 && x == columns - 1)
            if gridWidth == 2 {
                if width != 2, x + 1 < columns {
                    _ = CursesTerminal.fill(&characters, with: " ")
                    setcchar(&cell, characters, entry.attributes, 0, &pair)
                    put(&cell, x: x + 1, y: y, lastCell: y == rows - 1 && x + 1 == columns - 1)
                }
                x += 2
            } else {
                x += 1
            }
        }
    }

    /// The attributes and colour pair each cell is drawn with, row by row (`BlankLooks`).
    private func gridLooks(_ grid: CellGrid) -> [StylePalette.Entry] {
        var looks: [StylePalette.Entry] = []
        looks.reserveCapacity(grid.width * grid.height)
        var row: [BlankLooks.Column<StylePalette.Entry>] = []
        row.reserveCapacity(grid.width)
        // Neighbouring cells mostly share a role: look it up once per change of role.
        var role: StyleRole?
        var look = StylePalette.Entry(attributes: 0, pair: 0)
        var plain: StylePalette.Entry?
        for y in 0..<grid.height {
            row.removeAll(keepingCapacity: true)
            for x in 0..<grid.width {
                let source = grid[x, y]
                if role != source.style {
                    role = source.style
                    look = palette.entry(for: source.style)
                    plain = palette.blankEntry(for: source.style)
                }
                row.append(.init(look: look, isBlank: source.text == " ", plain: plain))
            }
            looks += BlankLooks.choose(row)
        }
        return looks
    }

    /// The bottom-right cell is inserted rather than added: adding there would move the
    /// cursor past the end of the screen.
    private func put(_ cell: inout cchar_t, x: Int, y: Int, lastCell: Bool) {
        if lastCell {
            mvwins_wch(window, Int32(y), Int32(x), &cell)
        } else {
            mvwadd_wch(window, Int32(y), Int32(x), &cell)
        }
    }

    /// Writes a grapheme's scalars (a spacing character plus up to four combining marks)
    /// into `buffer`, zero-terminated; returns the width ncurses will give it.
    private static func fill(_ buffer: inout [wchar_t], with text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where count < 5 {
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            buffer[0] = 0x20
            count = 1
        }
        buffer[count] = 0
        let width = wcwidth(buffer[0])
        return Int(width)
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    public func invalidate() {
        clearok(window, true)
        shown = ShownGrid()
    }

    public func readAvailableInput() -> [InputEvent] {
        guard !stopped else { return [] }
        var raws: [RawInput] = []
        var value: wint_t = 0
        while raws.count < 4096 {
            let status = wget_wch(window, &value)
            if status == OK {
                raws.append(.character(UInt32(value)))
            } else if status == KEY_CODE_YES {
                let code = Int32(bitPattern: value)
                if code == KEY_MOUSE {
                    var event = MEVENT()
                    if getmouse(&event) == OK {
                        raws.append(.mouse(x: Int(event.x), y: Int(event.y), buttonState: UInt(event.bstate)))
                    }
                } else if code == KEY_RESIZE {
                    raws.append(.resize(width: Int(getmaxx(window)), height: Int(getmaxy(window))))
                } else {
                    raws.append(.keyCode(code))
                }
            } else {
                break
            }
        }
        return InputDecoder.decode(raws)
    }

    public func suspend() {
        guard !stopped else { return }
        endwin()
        leaveModes()
        SignalRelay.setScreenActive(false)
        kill(getpid(), SIGSTOP)
        // Continued: take the terminal back and repaint from scratch.
        SignalRelay.setScreenActive(true)
        cursorVisible = nil
        clearok(window, true)
        wrefresh(window)
        if ownsSGRMouse { Self.writeDirectly(MouseProtocol.enableSGR) }
        if let bytes = titleStack?.reapply(), !bytes.isEmpty {
            Self.writeDirectly(bytes)
            SignalRelay.setTitlePushed(true)
        }
    }

    /// What ncurses does not undo itself: SGR mouse reports and the window title.
    private func leaveModes() {
        if ownsSGRMouse { Self.writeDirectly(MouseProtocol.disableSGR) }
        if let bytes = titleStack?.restore(), !bytes.isEmpty { Self.writeDirectly(bytes) }
        SignalRelay.setTitlePushed(false)
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        leaveModes()
        delscreen(screen)
        SignalRelay.setScreenActive(false)
    }

    private static let exitHandlerOnce: Void = {
        atexit {
            // The last resort on exit paths that skipped `stop()` (exit() from elsewhere).
            if SignalRelay.isScreenActive {
                endwin()
                SignalRelay.setScreenActive(false)
            }
        }
    }()

    private static func registerExitHandler() { _ = exitHandlerOnce }
}
