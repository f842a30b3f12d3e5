extension StringProtocol {
    /// The first range of `needle` in the text, compared as UTF-8 bytes. For the few searches
    /// on the launch path: Foundation's and the string-processing module's searches page in
    /// hundreds of KiB of code and tables there. A match can split a grapheme cluster (not a
    /// scalar), so needles are plain ASCII markers such as "://".
    public func firstUTF8Range(of needle: String) -> Range<String.Index>? {
        let bytes = utf8
        let pattern = needle.utf8
        guard let lead = pattern.first else { return nil }
        var from = bytes.startIndex
        while let hit = bytes[from...].firstIndex(of: lead) {
            if bytes[hit...].starts(with: pattern) {
                return hit..<bytes.index(hit, offsetBy: pattern.count)
            }
            from = bytes.index(after: hit)
        }
        return nil
    }
}
