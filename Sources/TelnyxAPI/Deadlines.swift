/// How long a call may take, so that a silent or dripping server can never hold a run: each
/// limit a person would accept while watching a progress line. README's "Deadlines" section
/// states the defaults. (Opening a connection is bounded by the shared HTTP client: 10 s.)
public struct Deadlines: Sendable, Equatable {
    /// From sending the request to the answer's status line and headers.
    public var firstByte: Duration
    /// One attempt, whole: connect, send, and read the complete body.
    public var attempt: Duration
    /// The call, whole: every attempt and every wait between retries.
    public var call: Duration
    /// The largest answer read, in bytes (an LOA PDF is well under 1 MB; a 250-item page under 1 MB).
    public var maximumBodyBytes: Int

    public init(
        firstByte: Duration = .seconds(15), attempt: Duration = .seconds(30), call: Duration = .seconds(45),
        maximumBodyBytes: Int = 16 * 1024 * 1024
    ) {
        self.firstByte = firstByte
        self.attempt = attempt
        self.call = call
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// 15 s to the first byte, 30 s an attempt, 45 s a call, 16 MB an answer.
    public static let standard = Deadlines()

    /// The limit in words, for messages: `15 s`, `500 ms`.
    static func words(_ duration: Duration) -> String {
        duration < .seconds(1) ? "\(milliseconds(duration)) ms" : "\(duration.components.seconds) s"
    }

    /// Whole milliseconds, at least 1.
    static func milliseconds(_ duration: Duration) -> Int64 { max(1, Int64(duration / .milliseconds(1))) }
}
