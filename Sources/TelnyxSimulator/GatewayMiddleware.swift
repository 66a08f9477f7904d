import Foundation
import HTTPTypes
import Hummingbird

/// What stands in front of Telnyx's handlers: the rate limiter and its headers, the bearer-key
/// check, and the injected faults and latency. Applies to `/v2` only; admin routes pass through.
struct GatewayMiddleware<Context: RequestContext>: RouterMiddleware {
    let options: SimulatorOptions
    let rateLimiter: RateLimiter
    let faults: FaultBook
    var requests: RequestCounter?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == "/v2" || path.hasPrefix("/v2/") else { return try await next(request, context) }
        requests?.count(method: request.method.rawValue, path: path)
        let limit = rateLimiter.take()
        var response = try await answer(request, context: context, limit: limit, next: next)
        response.headers[HTTPField.Name("x-ratelimit-limit")!] = String(limit.limit)
        response.headers[HTTPField.Name("x-ratelimit-remaining")!] = String(limit.remaining)
        response.headers[HTTPField.Name("x-ratelimit-reset")!] = String(limit.resetSeconds)
        return response
    }

    private func answer(
        _ request: Request, context: Context, limit: RateLimiter.Decision, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard limit.allowed else { return Self.response(.rateLimited()) }
        guard authorized(request.headers[.authorization]) else { return Self.response(.unauthorized()) }
        let rule = faults.take(method: request.method.rawValue, path: request.uri.path)
        let latency = options.latencyMs + (rule?.latencyMs ?? 0)
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        if let status = rule?.status {
            var error: SimulatorError
            switch status {
            case 429: error = .rateLimited()
            case 503: error = .unavailable()
            case 500: error = .internalError()
            default: error = .init(status: status, code: "10007", title: "Injected fault", detail: "Injected fault \(status).")
            }
            if let code = rule?.code { error.entries[0].code = code }
            return Self.response(error)
        }
        if rule?.drop == .beforeCommit { return Self.droppedConnection() }
        if let silent = rule?.silentMs {
            try await Task.sleep(for: .milliseconds(silent))
            return Self.droppedConnection()
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = Self.response(.notFound("No route for \(request.method.rawValue) \(request.uri.path)."))
        }
        if rule?.drop == .afterCommit { return Self.droppedConnection() }
        switch rule?.malformedBody {
        case .truncated:
            response.body = .init(byteBuffer: ByteBuffer(string: #"{"data": {"id": "4a6192a4-573d-44"#))
            response.headers[.contentType] = "application/json"
            response.headers[.contentLength] = nil
        case .html:
            response.body = .init(byteBuffer: ByteBuffer(string: "<html><body><h1>502 Bad Gateway</h1></body></html>"))
            response.headers[.contentType] = "text/html"
            response.headers[.contentLength] = nil
        case nil: break
        }
        if let drip = rule?.dripMs {
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                try await body.write(DrippingWriter(inner: writer, pause: .milliseconds(drip)))
            }
        }
        return response
    }

    private func authorized(_ header: String?) -> Bool {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return false }
        let key = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return false }
        return options.requiredAPIKey.map { $0 == key } ?? true
    }

    static func response(_ error: SimulatorError) -> Response {
        Response(
            status: .init(code: error.status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: error.jsonData)))
    }

    static func droppedConnection() -> Response {
        Response(status: .ok, headers: [ConnectionDropHandler.markerField: "1"])
    }
}

/// Writes a body 8 bytes at a time with a pause before each piece, as a server (or a proxy)
/// that drips its answer does.
struct DrippingWriter: ResponseBodyWriter {
    var inner: any ResponseBodyWriter
    let pause: Duration

    mutating func write(_ buffer: ByteBuffer) async throws {
        var rest = buffer
        while let piece = rest.readSlice(length: min(8, rest.readableBytes)), piece.readableBytes > 0 {
            try await Task.sleep(for: pause)
            try await inner.write(piece)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await inner.finish(trailingHeaders)
    }
}
