import Foundation
import Logging

/// Fills an empty data directory with the demo PBX (see DemoCatalog).
enum DemoSeed {
    static func fillIfEmpty(_ directory: URL, logger: Logger) throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard entries.filter({ !$0.hasPrefix(".") }).isEmpty else {
            logger.info("data directory is not empty: demo seed skipped")
            return
        }
        try DemoCatalog.write(into: directory, now: Date(), logger: logger)
    }
}
