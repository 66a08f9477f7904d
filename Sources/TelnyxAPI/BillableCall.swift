/// Marks the calls of the current task as ones that may bill, whatever their HTTP method: a
/// reputation read is a `GET`, yet a `fresh=true` read and the first read of a number are
/// billed (api-notes, "Billing"). A call that may bill is retried only when it provably did not
/// reach Telnyx (connection refused, 429), like a `POST`; any other failure of it is an
/// unknown outcome, reconciled by reading the free list.
public enum BillableCall {
    /// True inside `whileBilling`; read by the retry and response-check middlewares.
    @TaskLocal public static var isActive = false

    /// Runs `body` with its calls treated as billable when `billable` is true.
    public static func whileBilling<Result>(
        _ billable: Bool, _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await $isActive.withValue(billable || isActive) { try await body() }
    }
}
