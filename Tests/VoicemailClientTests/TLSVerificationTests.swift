import Foundation
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import XCTest


/// HTTPS against a real TLS server on loopback (`openssl s_server` with a self-signed
/// certificate): untrusted by default, trusted once its certificate is the CA file.
final class TLSVerificationTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var server: Process?
    private var port = 0

    override func setUpWithError() throws {
        guard let openssl = Self.which("openssl") else { throw XCTSkip("openssl is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-tls")
        try Self.run(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", directory.appending("key.pem").path, "-out", directory.appending("cert.pem").path,
        ])
        port = try FreePort.loopback()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        // -www answers every GET with an HTML status page: enough to prove the handshake.
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", directory.appending("cert.pem").path,
            "-key", directory.appending("key.pem").path, "-www", "-quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process
        try waitUntilListening()
    }

    override func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
        server = nil
        directory?.remove()
    }

    private func client(caFile: String?) -> VoicemailClient {
        VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: URL(string: "https://127.0.0.1:\(port)")!, credentials: .bearer(token: "t"),
                caFile: caFile, connectTimeout: 5, timeout: 10))
    }

    func testAnUntrustedCertificateIsRefusedWithAHintAboutTheCAFile() async throws {
        do {
            _ = try await client(caFile: nil).listMessages()
            XCTFail("a self-signed certificate must not be trusted by default")
        } catch let error as VoicemailError {
            guard case .tlsFailure(_, _, let certificateProblem) = error else {
                return XCTFail("expected a TLS failure, got \(error)")
            }
            XCTAssertTrue(certificateProblem)
            XCTAssertTrue(error.message.contains("--ca-file"), error.message)
            XCTAssertFalse(error.message.contains("\n"))
        }
    }

    func testTheCAFileMakesThePrivateCertificateTrusted() async throws {
        do {
            _ = try await client(caFile: directory.appending("cert.pem").path).listMessages()
            XCTFail("s_server answers HTML, which is not a page of messages")
        } catch let error as VoicemailError {
            // Getting as far as the body means the handshake and verification succeeded.
            guard case .noVoicemailAPI = error else { return XCTFail("expected the HTML to be refused, got \(error)") }
        }
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/bin/bash")
            probe.arguments = ["-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"]
            probe.standardError = FileHandle.nullDevice
            if (try? probe.run()) != nil {
                probe.waitUntilExit()
                if probe.terminationStatus == 0 { return }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("openssl s_server did not start listening on 127.0.0.1:\(port)")
    }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(program) \(arguments.first ?? "") failed (exit \(process.terminationStatus))")
        }
    }

    private static func which(_ program: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
