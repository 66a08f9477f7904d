import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOPosix
import OpenAPIRuntime

/// Reads every answer whole and turns whatever is not a well-formed success into a
/// `TelnyxError`: the error envelope, a body that is not the API's JSON (an HTML page from a
/// proxy, a truncated answer), and transport failures, split into "never sent" and "outcome
/// unknown" so callers know whether a create or billable call may have happened.
struct ResponseCheckMiddleware: ClientMiddleware {
    /// The largest answer read, in bytes (`Deadlines.maximumBodyBytes`); a larger one is refused unread.
    let maximumBody: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let operation = "\(request.method.rawValue) \(Self.pathWithoutQuery(request.path))"
        let response: HTTPResponse
        let bytes: [UInt8]
        do {
            let (answer, answerBody) = try await next(request, body, baseURL)
            response = answer
            var collected: [UInt8] = []
            if let answerBody {
                for try await chunk in answerBody {
                    collected += chunk
                    guard collected.count <= maximumBody else {
                        throw TelnyxError(
                            .malformedResponse(
                                status: answer.status.code, contentType: answer.headerFields[.contentType],
                                excerpt: "an answer of more than \(maximumBody) bytes, not read"),
                            operation: operation)
                    }
                }
            }
            bytes = collected
        } catch {
            throw Self.transportError(error, operation: operation)
        }
        let fields = response.headerFields
        let rateLimit = RateLimitStatus(
            limit: fields[HTTPField.Name("x-ratelimit-limit")!].flatMap { Int($0) },
            remaining: fields[HTTPField.Name("x-ratelimit-remaining")!].flatMap { Int($0) },
            resetSeconds: fields[HTTPField.Name("x-ratelimit-reset")!].flatMap { Int($0) })
        let contentType = fields[.contentType]
        let status = response.status.code
        func malformed() -> TelnyxError {
            TelnyxError(
                .malformedResponse(status: status, contentType: contentType, excerpt: Self.excerpt(bytes)),
                operation: operation, rateLimit: rateLimit, retryAfterSeconds: Self.retryAfter(fields))
        }
        if status >= 400 {
            // The most lenient of the spec's error schemas: only `code` and `title` are required.
            guard let envelope = try? JSONDecoder().decode(Components.Schemas.DocumentsErrors.self, from: Data(bytes)),
                let errors = envelope.errors, !errors.isEmpty
            else { throw malformed() }
            let entries = errors.map {
                TelnyxError.Entry(
                    code: $0.code, title: $0.title, detail: $0.detail, pointer: $0.source?.pointer, parameter: $0.source?.parameter)
            }
            throw TelnyxError(
                .api(status: status, entries: entries), operation: operation, rateLimit: rateLimit,
                retryAfterSeconds: Self.retryAfter(fields))
        }
        if !bytes.isEmpty {
            let type = contentType?.lowercased() ?? ""
            if type.hasPrefix("application/pdf") {
                guard bytes.starts(with: Array("%PDF-".utf8)) else { throw malformed() }
            } else if type.contains("json") {
                guard (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil else { throw malformed() }
            } else {
                throw malformed()
            }
        }
        return (response, bytes.isEmpty ? nil : HTTPBody(bytes))
    }

    static func pathWithoutQuery(_ path: String?) -> String {
        guard let path else { return "/" }
        return String(path.prefix { $0 != "?" })
    }

    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self)
        return String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    /// `retry-after-ms`, then `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ fields: HTTPFields) -> Double? {
        if let milliseconds = fields[HTTPField.Name("retry-after-ms")!].flatMap(Double.init) { return milliseconds / 1000 }
        guard let value = fields[HTTPField.Name("retry-after")!] else { return nil }
        if let seconds = Double(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    static func transportError(_ error: any Error, operation: String) -> TelnyxError {
        if let telnyx = TelnyxError.unwrapping(error) { return telnyx }
        let underlying = (error as? ClientError)?.underlyingError ?? error
        let reason = String(describing: underlying)
        return TelnyxError(
            Self.neverLeft(underlying) ? .notSent(reason: reason) : .outcomeUnknown(reason: reason), operation: operation)
    }

    /// Failures that happen before a byte of the request is written: nothing reached Telnyx.
    static func neverLeft(_ error: any Error) -> Bool {
        if let client = error as? HTTPClientError {
            return client == .connectTimeout || client == .invalidURL || client == .emptyHost
                || client == .unsupportedScheme(client.description)
        }
        if error is NIOConnectionError { return true }
        if let io = error as? IOError { return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(io.errnoCode) }
        if case .connectTimeout = error as? ChannelError { return true }
        let text = String(describing: error).lowercased()
        return text.contains("connection refused") || text.contains("connectionrefused")
    }
}
