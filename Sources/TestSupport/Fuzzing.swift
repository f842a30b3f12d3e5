import Foundation

/// A small deterministic generator (SplitMix64): a fuzz test seeded with it replays the same
/// inputs, so a failure names a seed and a case number that reproduce it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations of a valid input, the way corrupt files and hostile servers differ from it.
public enum Mutator {
    /// Text a parser might meet: the pieces of its syntax and a few hostile characters.
    public static let hostileFragments: [String] = [
        "\"", "\\", "{", "}", "[", "]", ":", ",", "=", "\n", "\r\n", "\0", "\u{1B}[2J", "\u{9B}",
        "null", "true", "-1", "1e309", "9223372036854775808", "NaN", "\u{FEFF}", "\u{202E}", "👨‍👩‍👧",
        "../", "%", "#", "'", "<", ">", " ", "\t",
    ]

    /// One to four random edits: flip, insert, delete, duplicate a span, splice a fragment.
    public static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &rng))
                bytes.removeSubrange(position..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &rng))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                let fragment = hostileFragments.randomElement(using: &rng)!
                bytes.insert(contentsOf: Array(fragment.utf8), at: min(position, bytes.count))
            }
        }
        return bytes
    }

    /// Random bytes, biased towards the characters of `alphabet` so they reach past a lexer.
    public static func random(length: Int, alphabet: String, using rng: inout SeededGenerator) -> [UInt8] {
        let letters = Array(alphabet.utf8)
        return (0..<length).map { _ in
            Bool.random(using: &rng) ? letters.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
        }
    }
}
