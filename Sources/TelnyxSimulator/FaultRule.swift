import Foundation

/// One injected misbehaviour, matched against incoming API requests. Set through
/// `PUT /_simulator/faults` as a JSON list of these.
public struct FaultRule: Codable, Sendable, Equatable {
    public enum Drop: String, Codable, Sendable {
        /// Close the connection without touching the world: the request never happened.
        case beforeCommit = "before_commit"
        /// Apply the request, then close the connection before answering: the caller cannot
        /// know that it succeeded.
        case afterCommit = "after_commit"
    }

    public enum Malformation: String, Codable, Sendable {
        /// The body is cut in the middle of its JSON.
        case truncated
        /// The body is an HTML error page, as a proxy in front of an API might answer.
        case html
    }

    /// HTTP method to match (`GET`, `POST`…); any when absent.
    public var method: String?
    /// Path to match, starting at `/v2`; `*` matches one segment, a trailing `**` any rest.
    /// Any path when absent.
    public var path: String?
    /// Extra delay before answering.
    public var latencyMs: Int?
    /// Answer with this status (429, 500, 503…) and the error envelope, without applying the request.
    public var status: Int?
    /// The envelope's error code for `status`; the usual one for the status when absent.
    public var code: String?
    public var drop: Drop?
    /// Apply the request, then replace the answer's body.
    public var malformedBody: Malformation?
    /// How many matching requests the rule affects; forever when absent.
    public var times: Int?
    /// A silent server: hold the request this long without a byte of answer, then close the
    /// connection without applying it.
    public var silentMs: Int?
    /// A dripping server: apply the request, then send the answer's body 8 bytes at a time,
    /// waiting this long before each piece.
    public var dripMs: Int?

    public init(
        method: String? = nil, path: String? = nil, latencyMs: Int? = nil, status: Int? = nil, code: String? = nil,
        drop: Drop? = nil, malformedBody: Malformation? = nil, times: Int? = nil, silentMs: Int? = nil, dripMs: Int? = nil
    ) {
        self.silentMs = silentMs
        self.dripMs = dripMs
        self.method = method
        self.path = path
        self.latencyMs = latencyMs
        self.status = status
        self.code = code
        self.drop = drop
        self.malformedBody = malformedBody
        self.times = times
    }

    enum CodingKeys: String, CodingKey {
        case method, path, status, code, drop, times
        case latencyMs = "latency_ms"
        case malformedBody = "malformed_body"
        case silentMs = "silent_ms"
        case dripMs = "drip_ms"
    }

    func matches(method requestMethod: String, path requestPath: String) -> Bool {
        if let method, method.uppercased() != requestMethod.uppercased() { return false }
        guard let path else { return true }
        return Self.glob(path, matches: requestPath)
    }

    static func glob(_ pattern: String, matches path: String) -> Bool {
        let patternSegments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, segment) in patternSegments.enumerated() {
            if segment == "**" { return true }
            guard index < pathSegments.count else { return false }
            if segment != "*" && segment != pathSegments[index] { return false }
        }
        return patternSegments.count == pathSegments.count
    }
}
