import Foundation

/// Everything that can go wrong talking to Telnyx, in terms a person can act on. The API key
/// is never part of it.
public struct TelnyxError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// One entry of Telnyx's `errors` envelope. Branch on `code`; `title` and `detail` are advisory.
    public struct Entry: Sendable, Equatable, Codable {
        public var code: String
        public var title: String
        public var detail: String?
        public var pointer: String?
        public var parameter: String?

        public init(code: String, title: String, detail: String? = nil, pointer: String? = nil, parameter: String? = nil) {
            self.code = code
            self.title = title
            self.detail = detail
            self.pointer = pointer
            self.parameter = parameter
        }
    }

    public enum Kind: Sendable, Equatable {
        /// Telnyx answered with an error status and its envelope.
        case api(status: Int, entries: [Entry])
        /// Telnyx (or something in between) answered with a body that is not what the API sends.
        case malformedResponse(status: Int, contentType: String?, excerpt: String)
        /// The request never left this machine (no connection could be made).
        case notSent(reason: String)
        /// The request may have reached Telnyx but no answer came back: a create or a billable
        /// call may have happened. Reconcile by reading remote state before trying again.
        case outcomeUnknown(reason: String)
        /// The request was refused here before sending (bad configuration or argument).
        case invalidRequest(reason: String)
    }

    public var kind: Kind
    /// `METHOD /path` of the call, for messages and logs.
    public var operation: String
    /// Rate-limit state Telnyx reported with the answer, when it did.
    public var rateLimit: RateLimitStatus?
    /// How long the server asked to wait before trying again (`Retry-After`, `retry-after-ms`).
    public var retryAfterSeconds: Double?

    /// The call may bill or create: a POST, or a read that bills (`BillableCall`, as it was
    /// when the error was made).
    public var billable: Bool

    public init(_ kind: Kind, operation: String, rateLimit: RateLimitStatus? = nil, retryAfterSeconds: Double? = nil) {
        self.kind = kind
        billable = BillableCall.isActive
        self.operation = operation
        self.rateLimit = rateLimit
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var status: Int? {
        switch kind {
        case .api(let status, _), .malformedResponse(let status, _, _): status
        default: nil
        }
    }

    public var entries: [Entry] {
        if case .api(_, let entries) = kind { return entries }
        return []
    }

    /// The error codes of the envelope, e.g. `["10015"]`.
    public var codes: [String] { entries.map(\.code) }

    public func has(code: String) -> Bool { codes.contains(code) }

    /// True when the call may have changed something at Telnyx even though it failed here:
    /// the caller must read remote state before sending it again.
    public var mayHaveBeenApplied: Bool {
        let isPost = operation.hasPrefix("POST ") || billable
        switch kind {
        case .outcomeUnknown: return true
        case .api(let status, _): return isPost && status >= 500
        // A success whose body was lost or mangled was applied, whatever the method (a PUT
        // too); a read that bills nothing changed nothing.
        case .malformedResponse(let status, _, _):
            let changes = !(operation.hasPrefix("GET ") || operation.hasPrefix("HEAD ")) || billable
            return status < 400 ? changes : isPost && status >= 500
        case .notSent, .invalidRequest: return false
        }
    }

    /// Trying again later may succeed without changing anything: no answer, a body that is not
    /// the API's, 408, 429 or a 5xx. A 4xx other than those needs a change first.
    public var isTransient: Bool {
        switch kind {
        case .notSent, .outcomeUnknown, .malformedResponse: true
        case .api(let status, _): status == 408 || status == 429 || status >= 500
        case .invalidRequest: false
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// What happened and what to do about it, in one paragraph.
    public var message: String {
        switch kind {
        case .api(let status, let entries):
            let details = entries.map { entry in
                var text = entry.detail.map { "\(entry.title): \($0)" } ?? entry.title
                if let pointer = entry.pointer { text += " (field \(Self.fieldName(pointer)))" }
                if let parameter = entry.parameter { text += " (parameter \(parameter))" }
                return text + " [code \(entry.code)]"
            }
            let what = details.isEmpty ? "no details given" : details.joined(separator: "; ")
            return "Telnyx refused \(operation) with HTTP \(status): \(what). \(advice(status: status))"
        case .malformedResponse(let status, let contentType, let excerpt):
            return "Telnyx answered \(operation) with HTTP \(status) and a body that is not valid API JSON"
                + " (content type \(contentType ?? "none"), starts with \"\(excerpt)\")."
                + " A proxy or outage may be in the way; try again shortly."
                + (mayHaveBeenApplied ? " The request may have been applied: check its result before repeating it." : "")
        case .notSent(let reason):
            return
                "Could not reach Telnyx for \(operation): \(reason). Nothing was sent; check the network and the base URL, then try again."
        case .outcomeUnknown(let reason):
            return "No answer from Telnyx for \(operation) (\(reason)). The request may have been applied;"
                + " check the current state before sending it again."
        case .invalidRequest(let reason):
            return "\(operation) was not sent: \(reason)"
        }
    }

    /// `/body/organization_contact/email` → `organization_contact.email`.
    static func fieldName(_ pointer: String) -> String {
        let parts = pointer.split(separator: "/").filter { $0 != "body" }
        return parts.isEmpty ? pointer : parts.joined(separator: ".")
    }

    private func advice(status: Int) -> String {
        switch (status, codes.first) {
        case (401, _): return "Check the API key (TELNYX_API_KEY): it is missing, mistyped or revoked."
        case (403, _): return "The account is not allowed to do this yet: agree to the Number Reputation terms, or wait for approval."
        case (404, _): return "It does not exist (or reputation is not enabled for the enterprise); check the id."
        case (409, _): return "It already exists or is in use; look up the existing one instead of creating another."
        case (422, _): return "Correct the named fields and send again."
        case (429, _): return "Too many requests; wait \(rateLimit?.resetSeconds.map { "\($0) s" } ?? "a moment") and try again."
        case (400, _): return "The request does not fit the current state; read the current state and follow it."
        case (500..., _): return "Telnyx had a problem; try again later."
        default: return ""
        }
    }
}

/// The `x-ratelimit-*` headers of an answer.
public struct RateLimitStatus: Sendable, Equatable {
    public var limit: Int?
    public var remaining: Int?
    /// Seconds until the window resets.
    public var resetSeconds: Int?

    public init(limit: Int? = nil, remaining: Int? = nil, resetSeconds: Int? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = resetSeconds
    }
}
