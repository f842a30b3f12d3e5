import VoicemailModel

/// A message as the list call answers it: the record plus `fileUrl`, the spool path of its
/// audio (a record that carries its audio URL is what the public Wildix traces show; the
/// field's name is the simulator's choice).
struct ListedMessage: Codable, Sendable {
    var message: VoicemailMessage
    var fileUrl: String?

    enum CodingKeys: String, CodingKey { case fileUrl }

    init(message: VoicemailMessage, fileUrl: String?) {
        self.message = message
        self.fileUrl = fileUrl
    }

    init(from decoder: Decoder) throws {
        message = try VoicemailMessage(from: decoder)
        fileUrl = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .fileUrl)
    }

    func encode(to encoder: Encoder) throws {
        try message.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(fileUrl, forKey: .fileUrl)
    }
}
