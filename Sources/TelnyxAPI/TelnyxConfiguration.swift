import Foundation

/// Where the client sends requests and with which key.
public struct TelnyxConfiguration: Sendable, CustomStringConvertible {
    public static let productionBaseURL = URL(string: "https://api.telnyx.com/v2")!

    public let baseURL: URL
    public let apiKey: APIKey
    /// Deadline for one attempt of one request.
    public var timeout: Duration = .seconds(60)
    public var retry: RetryPolicy = .standard
    /// Keeps requests inside the rate limit Telnyx reports; one per configuration.
    public var pacer = RateLimitPacer()

    /// Refuses plain `http` except to this machine: the key must never cross a network in clear.
    public init(baseURL: URL = productionBaseURL, apiKey: APIKey) throws(TelnyxError) {
        let scheme = baseURL.scheme?.lowercased()
        guard let host = baseURL.host, !host.isEmpty, scheme == "https" || scheme == "http" else {
            throw TelnyxError(
                .invalidRequest(reason: "the base URL '\(baseURL.absoluteString)' must be an http(s) URL with a host, e.g. https://api.telnyx.com/v2"),
                operation: "configure")
        }
        if scheme == "http" && !Self.isLoopback(host) {
            throw TelnyxError(
                .invalidRequest(reason: "the base URL '\(baseURL.absoluteString)' uses plain http to another machine; use https (plain http is allowed only to 127.0.0.1, ::1 or localhost)"),
                operation: "configure")
        }
        self.baseURL = baseURL
        self.apiKey = apiKey
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    public var description: String { "TelnyxConfiguration(baseURL: \(baseURL.absoluteString), apiKey: \(apiKey))" }
}
