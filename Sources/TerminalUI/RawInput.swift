/// One result of ncurses' `wget_wch`, before interpretation. Kept free of ncurses types so
/// the decoding is a pure, table-tested function.
public enum RawInput: Equatable, Sendable {
    /// A character code (`wget_wch` returned OK).
    case character(UInt32)
    /// A KEY_* code (`wget_wch` returned KEY_CODE_YES), other than mouse and resize.
    case keyCode(Int32)
    /// KEY_MOUSE with what `getmouse` reported.
    case mouse(x: Int, y: Int, buttonState: UInt)
    /// KEY_RESIZE with the window's new size.
    case resize(width: Int, height: Int)
}
