// The HTTP client is one implementation of the backend interface; its users see both.
@_exported import VoicemailBackend
