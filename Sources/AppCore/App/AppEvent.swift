import Foundation
import VoicemailBackend
import VoicemailModel

/// What a folder load produced.
public enum FolderLoad: Equatable, Sendable {
    /// The folder's messages (any order; the app sorts newest first) and the answer's ETag.
    case loaded(messages: [VoicemailMessage], etag: String?)
    /// 304: nothing changed since the ETag that was sent.
    case notModified
    /// The first page of a folder that has `total` messages, sent while the rest is still being
    /// fetched (the same request then answers `.loaded` with all of them): the first rows are on
    /// screen without waiting for every page.
    case firstPage(messages: [VoicemailMessage], total: Int)
}

/// Everything that can happen to the app: input, time, and the results of effects.
public enum AppEvent: Equatable, Sendable {
    case input(InputEvent)
    /// The wall clock; the runtime sends one every few seconds (dates, auto refresh).
    case tick(Date)
    /// Answer to `.loadCapabilities`: what the backend can do.
    case capabilitiesLoaded(Result<BackendCapabilities, AppError>)
    case mailboxesLoaded(RequestID, Result<[MailboxSummary], AppError>)
    case folderLoaded(RequestID, Result<FolderLoad, AppError>)
    /// Answers to the actions on messages (Features/Actions).
    case actions(ActionsEvent)
    /// Answer to `AudioEffect.save`: the path of the saved file.
    case audioSaved(RequestID, Result<String, AppError>)
    /// Playback, recording, greetings, transfers and listings (see `AudioEffect`).
    case audio(AudioEvent)
    /// Answer to openMailbox: the other mailbox's New folder, or why it cannot be opened.
    case mailboxOpened(RequestID, Result<FolderLoad, AppError>)
    /// The new-message hook failed (one line; details are in the log).
    case notificationFailed(String)
}
