import Foundation

/// Remediation: flagged numbers sent to the carriers for review ($1.00 a number sent).
extension TelnyxClient {
    /// At most this many numbers in one remediation request.
    public static let maximumNumbersPerRemediation = 2000

    /// Billable: $1.00 for each number sent to the carriers (not for those found ineligible).
    /// Telnyx answers 202 and works through its tiers; `remediation(enterpriseId:id:)` follows
    /// it. `callPurpose`: 1 to 2,000 characters. 409 when a number is in an unfinished request.
    public func submitRemediation(
        enterpriseId: String, phoneNumbers: [String], callPurpose: String, contactEmail: String? = nil, webhookURL: String? = nil
    ) async throws(TelnyxError) -> Remediation {
        let operation = "POST /enterprises/\(enterpriseId)/reputation/remediation"
        guard !phoneNumbers.isEmpty, phoneNumbers.count <= Self.maximumNumbersPerRemediation else {
            throw TelnyxError(
                .invalidRequest(
                    reason: "a remediation request takes 1 to \(Self.maximumNumbersPerRemediation) numbers, not \(phoneNumbers.count)"),
                operation: operation)
        }
        return try await call(operation, billable: true) {
            try await client.submitReputationRemediation(
                path: .init(enterpriseId: enterpriseId),
                body: .json(.init(callPurpose: callPurpose, contactEmail: contactEmail, phoneNumbers: phoneNumbers, webhookUrl: webhookURL))
            ).accepted.body.json.data
        }
    }

    /// One remediation request with its tiers and, once known, its per-number results.
    public func remediation(enterpriseId: String, id: String) async throws(TelnyxError) -> Remediation {
        try await call("GET /enterprises/\(enterpriseId)/reputation/remediation/\(id)") {
            try await client.getReputationRemediation(path: .init(enterpriseId: enterpriseId, remediationId: id)).ok.body.json.data
        }
    }

    /// Remediation requests, newest first (without results): a page of them, filtered by status
    /// and by when they were created (inclusive).
    public func remediations(
        enterpriseId: String, page: Int = 1, pageSize: Int = 100, status: RemediationStatus.Known? = nil, createdFrom: Date? = nil,
        createdTo: Date? = nil
    ) async throws(TelnyxError) -> Page<RemediationSummary> {
        try await call("GET /enterprises/\(enterpriseId)/reputation/remediation") {
            let answer = try await client.listReputationRemediations(
                path: .init(enterpriseId: enterpriseId),
                query: .init(
                    page_lbrack_number_rbrack_: page, page_lbrack_size_rbrack_: pageSize,
                    filter_lbrack_status_rbrack_: status.map(RemediationStatus.init),
                    filter_lbrack_createdAt_rbrack__lbrack_gte_rbrack_: createdFrom,
                    filter_lbrack_createdAt_rbrack__lbrack_lte_rbrack_: createdTo)
            ).ok.body.json
            return Page(
                items: answer.data, pageNumber: answer.meta.pageNumber, totalPages: answer.meta.totalPages,
                totalResults: answer.meta.totalResults, requestedPage: page)
        }
    }

    /// Every remediation request of the enterprise (all pages).
    public func allRemediations(enterpriseId: String, createdFrom: Date? = nil) async throws(TelnyxError) -> [RemediationSummary] {
        try await collect { page, size in
            try await remediations(enterpriseId: enterpriseId, page: page, pageSize: size, createdFrom: createdFrom)
        }
    }
}
