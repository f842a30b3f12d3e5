/// Which API the simulator speaks.
public enum SimulatorFlavor: String, Sendable, CaseIterable {
    /// The whole contract of docs/api.md, vmtui's extensions included.
    case full
    /// Only what Wildix documents publicly (list, mark read, delete, session login,
    /// personal/info, spool audio); every extension answers 404 and changes answer
    /// `"result":null`, so clients can be tested against a PBX that offers nothing more.
    case wildix
    /// Wazo Platform's face: wazo-auth tokens and wazo-calld's `/users/me/voicemails` calls
    /// (HTTP/Faces/WazoFace.swift); everything else answers 404.
    case wazo
    /// Kazoo's face: crossbar's `user_auth` and `vmboxes` calls in Kazoo's envelope
    /// (HTTP/Faces/KazooFace.swift); everything else answers 404.
    case kazoo

    /// The session cookie's name. Wildix does not document it, so the strict flavor uses a
    /// name no client could have hard-coded.
    var sessionCookie: String {
        switch self {
        case .full: "PHPSESSID"
        case .wildix, .wazo, .kazoo: "wms_session"
        }
    }
}
