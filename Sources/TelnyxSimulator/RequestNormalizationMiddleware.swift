import Foundation
import HTTPTypes
import OpenAPIRuntime
import TelnyxAPI

/// Brings requests that Telnyx accepts into the shape the generated decoder can read, and
/// refuses what Telnyx refuses before any field is decoded.
struct RequestNormalizationMiddleware: ServerMiddleware {
    /// Fields `PUT /enterprises/{id}` refuses: they are fixed at creation.
    static let immutableEnterpriseFields = ["organization_type", "country_code", "role_type"]
    static let largestBody = SimulatorWorld.maximumDocumentBytes * 2

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var body = body
        // HTTP/1.1 without a length or chunking has no body; the runtime would try to decode one
        // anyway and fail where the body is optional (LOA render).
        let fields = request.headerFields
        if body?.length == .known(0) || (fields[.contentLength] == nil && fields[.transferEncoding] == nil) {
            body = nil
        }
        if operationID == "updateEnterprise", let original = body {
            let bytes = try await [UInt8](collecting: original, upTo: Self.largestBody)
            try Self.refuseImmutableFields(bytes)
            body = HTTPBody(bytes)
        }
        if operationID == Operations.CreateDocument.id, let original = body,
            let boundary = MultipartPartHeaders.boundary(of: fields[.contentType])
        {
            // Telnyx takes a file part of any type; the generated decoder insists on `text/plain`
            // when a type is given and accepts a part without one.
            let bytes = try await [UInt8](collecting: original, upTo: Self.largestBody)
            body = HTTPBody(
                MultipartPartHeaders.rewrite(bytes, boundary: boundary) { lines in
                    lines.filter { !$0.lowercased().hasPrefix("content-type:") }
                })
        }
        var request = request
        if operationID == Operations.ListDocuments.id, let path = request.path {
            request.path = Self.bracketingArrayFilters(path)
        }
        return try await next(request, body, metadata)
    }

    /// The spec names the array filter `filter[customer_reference][in][]` (repeated); Telnyx's
    /// SDK sends `filter[customer_reference][in]=a,b`. Both reach the decoder as the spec's name
    /// (the values are split at commas by the world).
    static func bracketingArrayFilters(_ path: String) -> String {
        var result = path
        for (plain, bracketed) in [
            ("filter[customer_reference][in]=", "filter[customer_reference][in][]="),
            ("filter%5Bcustomer_reference%5D%5Bin%5D=", "filter%5Bcustomer_reference%5D%5Bin%5D%5B%5D="),
        ] {
            result = result.replacingOccurrences(of: plain, with: bracketed)
        }
        return result
    }

    static func refuseImmutableFields(_ bytes: [UInt8]) throws(SimulatorError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return }
        let present = immutableEnterpriseFields.filter { object[$0] != nil }
        guard !present.isEmpty else { return }
        throw SimulatorError(
            status: 400,
            entries: present.map {
                .init(
                    code: "10015", title: "Bad Request", detail: "\($0) cannot be changed after the enterprise is created.",
                    pointer: "/body/\($0)")
            })
    }
}
