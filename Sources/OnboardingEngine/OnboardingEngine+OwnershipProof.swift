import Foundation
import Onboarding
import TelnyxAPI

extension OnboardingEngine {
    /// Uploads each evidence document (one already uploaded for this onboarding, found by its
    /// content through `customer_reference`, is not uploaded again) and submits them as the
    /// enterprise's ownership proof. After a rejection, the same evidence is refused here,
    /// before anything is sent.
    func submitOwnershipProof(enterpriseId: String, documents: [String], numbers: [String]) async throws -> Event {
        let effect = Effect.submitOwnershipProof(enterpriseId: enterpriseId, documents: documents, numbers: numbers)
        var files: [(bytes: Data, filename: String)] = []
        for path in documents { files.append(try OwnershipEvidenceFile.read(path)) }
        let digests = files.map { SignedLOADigest.hex($0.bytes) }
        if state.gates?.externalVerificationStatus == .rejected, let sent = state.submittedProofSHA256, Set(sent) == Set(digests) {
            let reason = state.gates?.externalVerificationRejection.map { " (\(RemoteText.clause($0)))" } ?? ""
            return .effectFailed(
                effect,
                Failure(
                    message:
                        "Telnyx rejected this evidence\(reason); give another document (a recent carrier invoice or statement that shows the numbers).",
                    fieldProblems: ["ownership_proof": Self.sameEvidence]))
        }
        let ids = try await uploadOnce(Array(zip(files, digests)))
        // The numbers only guide the reviewer: the first thousand say enough.
        let proof = try await client.submitExternalVerification(
            enterpriseId: enterpriseId, documentIds: ids, phoneNumbers: numbers.isEmpty ? nil : Array(numbers.prefix(1000)))
        return .ownershipProofSubmitted(status: ReviewStatus(proof.status?.rawValue ?? "pending"), sha256: digests)
    }

    /// The document at `path` (evidence: PDF, PNG or JPEG) uploaded once for this onboarding:
    /// one already uploaded with the same content (found through `customer_reference`) is
    /// used again. Answers its document id.
    func uploadOnce(_ path: String) async throws -> String {
        let file = try OwnershipEvidenceFile.read(path)
        return try await uploadOnce([(file, SignedLOADigest.hex(file.bytes))])[0]
    }

    /// Each file's document id, the uploads of this onboarding listed once for all of them.
    func uploadOnce(_ files: [((bytes: Data, filename: String), sha256: String)]) async throws -> [String] {
        let uploads = (try? await client.documents(customerReference: state.id).items) ?? []
        var ids: [String] = []
        for (file, sha256) in files {
            if let id = uploads.first(where: { $0.value2.sha256?.lowercased() == sha256 })?.value1.id {
                ids.append(id)
                continue
            }
            let document = try await client.uploadDocument(Array(file.bytes), filename: file.filename, customerReference: state.id)
            ids.append(document.value1.id ?? "")
        }
        return ids
    }

    /// The field problem of evidence sent again after Telnyx rejected it.
    static let sameEvidence = "the same documents Telnyx rejected"

    /// The numbers set aside because they are hosted at another carrier and the ownership proof
    /// was not approved: those to add once it is. From the store's table, in number order.
    /// - Throws: `StoreError`.
    public func numbersAwaitingOwnershipProof() throws -> [String] {
        // A number monitored since (added by another way) waits no more.
        let monitored = Set(state.monitoredNumbers)
        return try store.setAsideNumbers(state.id, reason: NumberHosting.awaitingProof).filter { !monitored.contains($0) }
    }
}
