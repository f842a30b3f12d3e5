/// Trimming of blanks (tab and Unicode space separators: what `CharacterSet.whitespaces` holds),
/// by Unicode scalar and without Foundation: reading a 9,999-message folder trims every value of
/// every file, and Foundation's bridged trimming was a third of the start-up time.
extension String {
    package var trimmingBlanks: String {
        // Most values start and end with a visible ASCII character: nothing to trim, nothing
        // to look up in Unicode's tables.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isBlank })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    package var trimmingBlanks: String { String(self).trimmingBlanks }
}

extension Unicode.Scalar {
    package var isBlank: Bool {
        self == "\t" || properties.generalCategory == .spaceSeparator
    }
}
