import Hummingbird
import Logging

/// The router: which call exists in which flavor, and the middleware around them (outermost
/// first: request log, error mapping, then authentication and PIN throttling on the calls
/// that need a caller).
enum SimulatorRoutes {
    typealias Handler = @Sendable (Request, SimulatorContext) async throws -> Response

    static func router(_ api: SimulatorAPI, observer: (@Sendable (RequestRecord) -> Void)?) -> Router<SimulatorContext> {
        let router = Router(context: SimulatorContext.self, options: [.caseInsensitive, .autoGenerateHeadEndpoints])
        router.add(middleware: RequestLogMiddleware(logger: api.logger, observer: observer))
        router.add(middleware: ErrorMappingMiddleware(
            flavor: api.flavor, logger: api.logger, dataDirectory: api.store.layout.root.standardizedFileURL.path))
        // The vendor faces have their own paths, authentication and error shapes (HTTP/Faces).
        switch api.flavor {
        case .wazo: WazoFace(api: api).register(router); return router
        case .kazoo: KazooFace(api: api).register(router); return router
        case .full, .wildix: break
        }
        let table = RouteTable(router: router, flavor: api.flavor)

        table.add("/api/v1/personal/login", [.post: { request, context in try await SessionLogin(api: api).login(request, context) }])

        // Every call with a caller may carry a PIN (the spool paths too), so every one counts
        // wrong PINs.
        let signedIn = router.group()
            .add(middleware: AuthMiddleware(authenticator: api.authenticator))
            .add(middleware: PINMiddleware(guardian: api.guardian))
        let signedInTable = RouteTable(router: signedIn, flavor: api.flavor)
        signedInTable.add("/api/v1/personal/info", [.get: { _, context in try PersonalInfo.answer(context) }])
        signedInTable.add("/spoolview/voicemail/:context/:mailbox/:entry", [
            .get: { request, context in try await SpoolView(api: api, request: request, context: context).entry() },
        ])
        signedInTable.add("/spoolview/voicemail/:context/:mailbox/:entry/:file", [
            .get: { request, context in try await SpoolView(api: api, request: request, context: context).inFolder() },
        ])

        let voicemail = signedIn.group("/api/v1/VoiceMail")
        let calls = RouteTable(router: voicemail, flavor: api.flavor)
        let messages: @Sendable (Request, SimulatorContext) throws -> MessageHandlers = { request, context in
            MessageHandlers(api: api, viewer: try context.requireViewer(), request: request, context: context)
        }
        switch api.flavor {
        case .wildix:
            calls.add("", [.get: { try await messages($0, $1).list() }])
            calls.add(":id", [
                .put: { try await messages($0, $1).markReadIgnoringBody(try $1.parameter("id")) },
                .delete: { request, context in
                    // Documented with the trailing slash only.
                    guard request.uri.path.hasSuffix("/") else { throw APIError.noEndpoint }
                    return try await messages(request, context).delete(try context.parameter("id"))
                },
            ])
        case .wazo, .kazoo:
            break
        case .full:
            calls.add("", [
                .get: { try await messages($0, $1).list() },
                .post: { try await messages($0, $1).deposit() },
            ])
            calls.add("Mailboxes", [.get: { request, context in
                try await MailboxHandlers(api: api, viewer: try context.requireViewer(), request: request).list()
            }])
            let greetings: @Sendable (Request, SimulatorContext) throws -> GreetingHandlers = { request, context in
                GreetingHandlers(api: api, viewer: try context.requireViewer(), request: request, context: context)
            }
            calls.add("Greetings", [.get: { try await greetings($0, $1).list() }])
            calls.add("Greetings/:type", [
                .get: { try await greetings($0, $1).info(try GreetingHandlers.type(try $1.parameter("type"))) },
                .delete: { try await greetings($0, $1).reset(try GreetingHandlers.type(try $1.parameter("type"))) },
            ])
            let upload: Handler = { try await greetings($0, $1).upload(try GreetingHandlers.type(try $1.parameter("type"))) }
            calls.add("Greetings/:type/file", [
                .get: { try await greetings($0, $1).download(try GreetingHandlers.type(try $1.parameter("type"))) },
                .put: upload, .post: upload,
            ])
            calls.add("Greetings/:type/copy", [
                .post: { try await greetings($0, $1).copy(try GreetingHandlers.type(try $1.parameter("type"))) },
            ])
            calls.add(":id", [
                .get: { try await messages($0, $1).get(try $1.parameter("id")) },
                .put: { try await messages($0, $1).update(try $1.parameter("id")) },
                .delete: { try await messages($0, $1).delete(try $1.parameter("id")) },
            ])
            calls.add(":id/file", [.get: { try await messages($0, $1).file(try $1.parameter("id")) }])
            calls.add(":id/forward", [.post: { try await messages($0, $1).forward(try $1.parameter("id")) }])
        }
        return router
    }
}

/// Registers a path's methods; the other usual methods answer 405 in the full flavor (the
/// path exists) and 404 in the Wildix flavor (nothing undocumented may seem to exist). HEAD
/// is left to the router, which answers it from GET.
struct RouteTable {
    let router: any RouterMethods<SimulatorContext>
    let flavor: SimulatorFlavor

    static let usualMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options]

    func add(_ path: RouterPath, _ handlers: [HTTPRequest.Method: SimulatorRoutes.Handler]) {
        for (method, handler) in handlers {
            router.on(path, method: method, use: handler)
        }
        for method in Self.usualMethods where handlers[method] == nil {
            if method == .head, handlers[.get] != nil { continue }
            let flavor = self.flavor
            router.on(path, method: method) { request, _ -> Response in
                throw flavor == .full ? APIError.methodNotAllowed(request.method.rawValue) : APIError.noEndpoint
            }
        }
    }
}
