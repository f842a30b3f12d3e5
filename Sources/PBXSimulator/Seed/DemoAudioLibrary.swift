import Foundation

/// The speech clips committed under DemoAudio (made by scripts/make-demo-audio.sh).
enum DemoAudioLibrary {
    enum Clip {
        case wav(String)
        case mp3(String)
        /// A clip repeated with pauses to exactly `seconds` (the 180 s limit case), built
        /// here rather than committed.
        case padded(String, seconds: Int)
    }

    static func data(_ clip: Clip) throws -> Data {
        switch clip {
        case .mp3(let name):
            return try resource(name, "mp3")
        case .wav(let name):
            return try pcm(name).data
        case .padded(let name, let seconds):
            let speech = try pcm(name)
            let total = speech.sampleRate * seconds
            let pause = [Int16](repeating: 0, count: speech.sampleRate * 2)
            var samples: [Int16] = []
            samples.reserveCapacity(total)
            while samples.count < total { samples += speech.samples + pause }
            return PCMWave(sampleRate: speech.sampleRate, samples: Array(samples.prefix(total))).data
        }
    }

    private static func pcm(_ name: String) throws -> PCMWave {
        guard let wave = PCMWave(decoding: try resource(name, "wav")) else {
            throw SimulatorError.startup("demo clip \(name).wav is not mono PCM or mu-law")
        }
        return wave
    }

    private static func resource(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "DemoAudio")
            ?? Bundle.module.url(forResource: name, withExtension: ext)
        else { throw SimulatorError.startup("demo clip \(name).\(ext) is missing from the resource bundle") }
        return try Data(contentsOf: url)
    }
}
