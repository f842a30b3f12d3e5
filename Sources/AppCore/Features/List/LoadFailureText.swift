/// What to do about a folder that would not load, in words a user can act on.
enum LoadFailureText {
    static func advice(_ failure: AppError, retryKey: String) -> String {
        switch failure.kind {
        case .unauthorized:
            return "Wrong credentials: the PBX refused the token or password. Check VMTUI_TOKEN, "
                + "VMTUI_PASSWORD or the config's token_command/password_command, then press \(retryKey)."
        case .network where timedOut(failure):
            return "Timed out: the PBX did not answer in time. Press \(retryKey) to try again "
                + "(or raise --timeout)."
        case .network:
            return "Cannot reach the PBX: check --server and the network, then press \(retryKey) to try again."
        case .forbidden:
            return "No permission: the PBX will not show this mailbox to this user."
        case .server:
            return "The PBX answered with an error. Press \(retryKey) to try again; the log has the details."
        case .notFound, .other, .pinRequired, .pinWrong, .noSuchExtension:
            return "Press \(retryKey) to try again."
        }
    }

    private static func timedOut(_ failure: AppError) -> Bool {
        let message = failure.message.lowercased()
        return message.contains("timed out") || message.contains("timeout")
    }
}
