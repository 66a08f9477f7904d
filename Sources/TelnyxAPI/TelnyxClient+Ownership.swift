import Foundation

/// Numbers hosted elsewhere and their ownership (Telnyx's API since SDK 4.189.0).
extension TelnyxClient {
    /// At most this many numbers in one `verify_ownership` call.
    public static let maximumNumbersPerOwnershipCheck = 1000

    /// Which of 1 to 1,000 numbers are in this account's inventory (`found`, with their ids) and
    /// which are not (`not_found`: hosted elsewhere, or not numbers at all). Free; nothing changes.
    public func verifyOwnership(_ phoneNumbers: [String]) async throws(TelnyxError) -> OwnershipCheck {
        let operation = "POST /phone_numbers/actions/verify_ownership"
        guard !phoneNumbers.isEmpty, phoneNumbers.count <= Self.maximumNumbersPerOwnershipCheck else {
            throw TelnyxError(
                .invalidRequest(
                    reason:
                        "one check takes 1 to \(Self.maximumNumbersPerOwnershipCheck) numbers, not \(phoneNumbers.count); split the list"),
                operation: operation)
        }
        return try await call(operation) {
            try await client.verifyPhoneNumberOwnership(body: .json(.init(phoneNumbers: phoneNumbers))).ok.body.json.data ?? .init()
        }
    }

    /// Submits the enterprise's ownership proof for numbers hosted elsewhere: uploaded evidence
    /// documents (a carrier invoice or statement) and, to guide the reviewer, the numbers. It
    /// replaces a proof pending or rejected; Telnyx refuses once one is approved. Any 2xx is
    /// success (the code is not stated; the contract says 201).
    public func submitExternalVerification(
        enterpriseId: String, documentIds: [String], phoneNumbers: [String]? = nil
    ) async throws(TelnyxError) -> ExternalVerification {
        try await call("POST /enterprises/\(enterpriseId)/reputation/external_verification") {
            try await client.createReputationExternalVerification(
                path: .init(enterpriseId: enterpriseId), body: .json(.init(documentIds: documentIds, phoneNumbers: phoneNumbers))
            ).created.body.json.data
        }
    }

    /// The ownership proof and its review; nil before any was submitted (Telnyx answers 404).
    public func externalVerification(enterpriseId: String) async throws(TelnyxError) -> ExternalVerification? {
        do {
            return try await call("GET /enterprises/\(enterpriseId)/reputation/external_verification") {
                try await client.getReputationExternalVerification(path: .init(enterpriseId: enterpriseId)).ok.body.json.data
            }
        } catch let error where error.status == 404 {
            return nil
        }
    }

    /// A monitored number's ownership tracking: its baseline carrier, the last daily check, a
    /// confirmation asked for (`confirm_by`), and its history, newest first.
    public func ownership(enterpriseId: String, phoneNumber: String) async throws(TelnyxError) -> OwnershipDetail {
        try await call("GET /enterprises/\(enterpriseId)/reputation/numbers/\(phoneNumber)/ownership") {
            try await client.getReputationNumberOwnership(path: .init(enterpriseId: enterpriseId, phoneNumber: phoneNumber)).ok.body.json
                .data
        }
    }

    /// Answers Telnyx's ownership question for a number: `stillOwn` true keeps it monitored
    /// (its carrier now the baseline); false removes it at once. `evidenceDocumentId`: an
    /// uploaded document backing the answer.
    public func confirmOwnership(
        enterpriseId: String, phoneNumber: String, stillOwn: Bool, evidenceDocumentId: String? = nil
    ) async throws(TelnyxError) -> ReputationNumber {
        try await call("POST /enterprises/\(enterpriseId)/reputation/numbers/\(phoneNumber)/ownership_confirm") {
            try await client.confirmReputationNumberOwnership(
                path: .init(enterpriseId: enterpriseId, phoneNumber: phoneNumber),
                body: .json(.init(evidenceDocumentId: evidenceDocumentId, stillOwn: stillOwn))
            ).ok.body.json.data
        }
    }

    /// Sets the enterprise's ownership webhook (a public HTTPS URL), or clears it with nil
    /// (sent as JSON `null`). The wizard itself polls and needs none.
    public func setOwnershipWebhook(enterpriseId: String, url: String?) async throws(TelnyxError) -> ReputationSettings {
        try await call("PATCH /enterprises/\(enterpriseId)/reputation/webhook") {
            try await client.updateReputationWebhook(path: .init(enterpriseId: enterpriseId), body: .json(.init(webhookUrl: url))).ok
                .body.json.data
        }
    }
}
