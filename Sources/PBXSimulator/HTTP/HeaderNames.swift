import HTTPTypes
import VoicemailModel

extension HTTPField.Name {
    static let voicemailPIN = HTTPField.Name(APIPath.pinHeader)!
}
