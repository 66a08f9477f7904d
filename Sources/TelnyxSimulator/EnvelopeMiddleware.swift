import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns every failure of an operation into Telnyx's `{"errors": [...]}` answer: the handlers'
/// own errors, and what a real server rejects before its handler runs (a body that does not
/// decode, a missing field, an unknown enum value).
struct EnvelopeMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch {
            let answer = Self.envelope(for: error)
            return (HTTPResponse(status: answer.httpStatus, headerFields: answer.httpHeaderFields), answer.httpBody)
        }
    }

    static func envelope(for error: any Error) -> SimulatorError {
        var underlying: any Error = error
        while true {
            if let server = underlying as? ServerError {
                underlying = server.underlyingError
                continue
            }
            break
        }
        if let simulated = underlying as? SimulatorError { return simulated }
        if let decoding = underlying as? DecodingError { return decodingProblem(decoding) }
        if let runtime = underlying as? HTTPResponseConvertible {
            let status = runtime.httpStatus.code
            let detail = String(describing: underlying)
            if status == 415 { return .invalid("Send the body as application/json: \(detail)") }
            if status < 500 { return .invalid(detail) }
        }
        return .internalError()
    }

    static func decodingProblem(_ error: DecodingError) -> SimulatorError {
        func pointer(_ path: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = (path + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
            return "/body" + keys.map { "/\($0)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid("field required", pointer: pointer(context.codingPath, key))
        case .valueNotFound(_, let context):
            return .invalid("field must not be null", pointer: pointer(context.codingPath))
        case .typeMismatch(let type, let context):
            return .invalid("must be of type \(type)", pointer: pointer(context.codingPath))
        case .dataCorrupted(let context):
            let detail = context.debugDescription
            if context.codingPath.isEmpty { return .invalid("The body is not valid JSON.", pointer: "/body") }
            if detail.contains("Unexpected keys") || detail.contains("additional") {
                return .invalid("unknown field: \(detail)", pointer: pointer(context.codingPath))
            }
            return .invalid("invalid value: \(detail)", pointer: pointer(context.codingPath))
        @unknown default:
            return .invalid("The body could not be read.")
        }
    }
}
