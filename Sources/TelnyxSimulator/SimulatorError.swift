import Foundation
import HTTPTypes
import OpenAPIRuntime
import TelnyxAPI

/// An error answer in Telnyx's envelope, `{"errors": [...]}`. Handlers throw it; the runtime's
/// error handling turns it into the response, so every operation answers errors the same way.
struct SimulatorError: Error, HTTPResponseConvertible {
    struct Entry: Sendable {
        var code: String
        var title: String
        var detail: String
        var pointer: String? = nil
        var parameter: String? = nil
    }

    var status: Int
    var entries: [Entry]

    init(status: Int, entries: [Entry]) {
        self.status = status
        self.entries = entries
    }

    init(status: Int, code: String, title: String, detail: String, pointer: String? = nil, parameter: String? = nil) {
        self.init(status: status, entries: [Entry(code: code, title: title, detail: detail, pointer: pointer, parameter: parameter)])
    }

    static func badRequest(_ detail: String) -> Self { .init(status: 400, code: "10015", title: "Bad Request", detail: detail) }
    static func unauthorized() -> Self {
        .init(status: 401, code: "10009", title: "Authentication failed", detail: "Could not understand the provided credentials.")
    }
    static func forbidden(_ detail: String) -> Self { .init(status: 403, code: "10010", title: "Forbidden", detail: detail) }
    static func notFound(_ detail: String) -> Self { .init(status: 404, code: "10009", title: "Resource not found", detail: detail) }
    static func conflict(_ detail: String) -> Self { .init(status: 409, code: "10021", title: "Resource in use", detail: detail) }
    static func invalid(_ detail: String, pointer: String? = nil, parameter: String? = nil) -> Self {
        .init(status: 422, code: "10005", title: "Invalid parameters", detail: detail, pointer: pointer, parameter: parameter)
    }
    static func invalid(_ entries: [Entry]) -> Self { .init(status: 422, entries: entries) }
    static func rateLimited(_ detail: String = "Too many requests. Slow down and retry after the reset time.") -> Self {
        .init(status: 429, code: "10011", title: "Too many requests", detail: detail)
    }
    static func internalError() -> Self {
        .init(status: 500, code: "10007", title: "Unexpected error", detail: "An unexpected error occurred.")
    }
    static func unavailable() -> Self {
        .init(status: 503, code: "10007", title: "Service unavailable", detail: "The service is temporarily unavailable.")
    }

    var httpStatus: HTTPResponse.Status { .init(code: status) }
    var httpHeaderFields: HTTPFields { [.contentType: "application/json"] }
    var httpBody: HTTPBody? { HTTPBody(jsonData) }

    var jsonData: Data {
        let errors = entries.map { entry in
            Components.Schemas.NumberReputationError(
                code: entry.code, detail: entry.detail,
                meta: .init(url: "https://developers.telnyx.com/docs/overview/errors/\(entry.code)"),
                source: entry.pointer == nil && entry.parameter == nil
                    ? nil : .init(parameter: entry.parameter, pointer: entry.pointer),
                title: entry.title)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Components.Schemas.NumberReputationErrors(errors: errors))) ?? Data()
    }
}
