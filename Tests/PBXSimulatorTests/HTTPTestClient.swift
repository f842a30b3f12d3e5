import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// An answer as the tests look at it.
struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    var result: [String: Any] { json["result"] as? [String: Any] ?? [:] }
    var records: [[String: Any]] { result["records"] as? [[String: Any]] ?? [] }
    var errorCode: String? { json["code"] as? String }
}

/// Plain HTTP over loopback; redirects are NOT followed (tests check them), no cache.
final class HTTPTestClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    let baseURL: URL
    private var session: URLSession!

    init(baseURL: URL) {
        self.baseURL = baseURL
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 120
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// A 401 is an answer to look at, not a prompt for credentials.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        completionHandler(.performDefaultHandling, nil)
    }

    /// `pathAndQuery` is sent as written (already percent-encoded where needed).
    func send(
        _ method: String, _ pathAndQuery: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> HTTPResult {
        let url = URL(string: baseURL.absoluteString + pathAndQuery)!
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var lowered: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            lowered[String(describing: key).lowercased()] = String(describing: value)
        }
        return HTTPResult(status: http.statusCode, headers: lowered, body: data)
    }

    func get(_ path: String, auth: Auth? = .bearer("demo-101"), headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send("GET", path, headers: (auth?.headers ?? [:]).merging(headers) { $1 })
    }

    func put(_ path: String, auth: Auth? = .bearer("demo-101"), json: String? = nil, body: Data? = nil, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send("PUT", path, headers: (auth?.headers ?? [:]).merging(headers) { $1 }, body: json.map { Data($0.utf8) } ?? body)
    }

    func post(_ path: String, auth: Auth? = .bearer("demo-101"), body: Data? = nil, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send("POST", path, headers: (auth?.headers ?? [:]).merging(headers) { $1 }, body: body)
    }

    func delete(_ path: String, auth: Auth? = .bearer("demo-101"), headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send("DELETE", path, headers: (auth?.headers ?? [:]).merging(headers) { $1 })
    }
}

enum Auth {
    case bearer(String)
    case basic(String, String)
    case cookie(String)

    var headers: [String: String] {
        switch self {
        case .bearer(let token): ["Authorization": "Bearer \(token)"]
        case .basic(let user, let password): ["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
        case .cookie(let session): ["Cookie": "PHPSESSID=\(session)"]
        }
    }
}

func expectStatus(_ answer: HTTPResult, _ status: Int, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(answer.status, status, String(decoding: answer.body.prefix(300), as: UTF8.self), file: file, line: line)
}

func expectCode(_ answer: HTTPResult, _ code: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(answer.errorCode, code, "status \(answer.status): \(String(decoding: answer.body.prefix(300), as: UTF8.self))", file: file, line: line)
    XCTAssertEqual(answer.json["type"] as? String, "error", file: file, line: line)
}
