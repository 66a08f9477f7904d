import Foundation

/// Where the client sends requests and with which key.
public struct TelnyxConfiguration: Sendable, CustomStringConvertible {
    public static let productionBaseURL = URL(string: "https://api.telnyx.com/v2")!

    public let baseURL: URL
    public let apiKey: APIKey
    /// How long a call, an attempt and its first byte may take, and the largest answer read.
    public var deadlines: Deadlines = .standard
    public var retry: RetryPolicy = .standard
    /// Keeps requests inside the rate limit Telnyx reports; one per configuration.
    public var pacer = RateLimitPacer()

    /// Refuses plain `http` except to this machine: the key must never cross a network in clear.
    /// - Throws: `TelnyxError.invalidRequest` for a URL that is not http(s) with a host, that
    ///   carries credentials (`https://user:pass@…`, refused without echoing them), or that uses
    ///   plain http to anything but a loopback address (see `isLoopback`).
    public init(baseURL: URL = productionBaseURL, apiKey: APIKey) throws(TelnyxError) {
        if baseURL.user != nil || baseURL.password != nil || baseURL.query != nil || baseURL.fragment != nil {
            throw TelnyxError(
                .invalidRequest(
                    reason:
                        "the base URL carries a user name, password, query or fragment (user:pass@, ?token=…); leave them out: the API key is the only credential, from TELNYX_API_KEY or --api-key-file"
                ),
                operation: "configure")
        }
        let scheme = baseURL.scheme?.lowercased()
        guard let host = baseURL.host, !host.isEmpty, scheme == "https" || scheme == "http" else {
            throw TelnyxError(
                .invalidRequest(
                    reason: "the base URL '\(baseURL.absoluteString)' must be an http(s) URL with a host, e.g. https://api.telnyx.com/v2"),
                operation: "configure")
        }
        if scheme == "http" && !Self.isLoopback(host) {
            throw TelnyxError(
                .invalidRequest(
                    reason:
                        "the base URL '\(baseURL.absoluteString)' uses plain http to another machine; use https (plain http is allowed only to 127.0.0.1, ::1 or localhost)"
                ),
                operation: "configure")
        }
        self.baseURL = baseURL
        self.apiKey = apiKey
    }

    /// An IPv4 literal in 127.0.0.0/8, the IPv6 literal ::1 (in any spelling), or the name
    /// `localhost`. A name that merely begins with `127.` (`127.0.0.1.attacker.example`) is not.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    public var description: String { "TelnyxConfiguration(baseURL: \(baseURL.absoluteString), apiKey: \(apiKey))" }
}
