/// What went wrong with an effect, kept in the state so a person (or support) sees it later.
public struct Failure: Error, Codable, Equatable, Sendable {
    /// HTTP status when Telnyx answered.
    public var status: Int?
    /// Telnyx error codes, e.g. `["10015"]`.
    public var codes: [String]
    /// What happened and what to do, in words.
    public var message: String
    /// Field-level problems by API field key (`organization_contact.email`).
    public var fieldProblems: [String: String]
    /// The request may have been applied; the engine reconciles before anything is sent again.
    public var outcomeUnknown: Bool
    /// Trying again later may succeed as it is (no answer, an outage, a rate limit); false or
    /// nil when something must change first (a refused field, a missing file).
    public var retryable: Bool?

    public init(
        status: Int? = nil, codes: [String] = [], message: String, fieldProblems: [String: String] = [:], outcomeUnknown: Bool = false,
        retryable: Bool? = nil
    ) {
        self.retryable = retryable
        self.status = status
        self.codes = codes
        self.message = message
        self.fieldProblems = fieldProblems
        self.outcomeUnknown = outcomeUnknown
    }

    public func has(status: Int, code: String? = nil) -> Bool {
        self.status == status && (code == nil || codes.contains(code!))
    }
}
