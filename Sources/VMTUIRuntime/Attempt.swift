import AppCore
import AudioPlayback
import Logging
import VoicemailBackend
import VoicemailClient

/// A runner that turns failures into the one line the screen shows.
protocol AttemptingRunner {
    var logger: Logger { get }
}

extension AttemptingRunner {
    /// Runs one effect's I/O. Whatever goes wrong becomes an `AppError` with one line: a
    /// problem on the user's side as said, a player's as the player said it, anything from the
    /// backend reduced by `ClientEffectRunner.appError` (and logged).
    func attempt<Value>(_ what: String, _ body: () async throws -> Value) async -> Result<Value, AppError> {
        do {
            return .success(try await body())
        } catch let problem as LocalProblem {
            return .failure(AppError(.other, problem.message))
        } catch let error as AudioError {
            return .failure(AppError(.other, AudioEffectRunner.oneLine(error)))
        } catch {
            let failure = VoicemailError(error)
            logger.warning("\(what) failed: \(failure.message)")
            return .failure(ClientEffectRunner.appError(failure))
        }
    }
}
