/// The keys of the playback context (active only while something plays). `App.perform` names
/// each one, so a new playback `Action` that is bound but not handled does not compile.
public enum PlaybackAction: Sendable {
    case stop, seekBack, seekForward, playNext, playPrevious, slower, faster
}
