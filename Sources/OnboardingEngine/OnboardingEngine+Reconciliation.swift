import Foundation
import Onboarding
import TelnyxAPI

extension OnboardingEngine {
    /// What became of an effect whose answer was lost, found by reading Telnyx only. Nothing
    /// here creates or bills: numbers are read through the free list, never a live lookup.
    func reconciled(_ effect: Effect, since intentAt: Date) async throws -> Event {
        // What went wrong with the call, so the person knows why it is to be done again.
        let cause = state.lastError.map { $0.status.map { "Telnyx answered HTTP \($0)" } ?? "no answer came" } ?? "its answer was lost"
        let notApplied = Event.effectFailed(
            effect,
            // Not "did not happen": a request Telnyx was still working on may land later.
            Failure(
                message: "“\(effect.name)” did not go through (\(cause)); Telnyx shows no sign of it. Do it again when ready.",
                retryable: true))
        switch effect {
        case .checkTerms, .checkGates, .renderLOA, .readEnterprise, .readOwnership, .readRemediations:
            return notApplied
        case .submitRemediation(let id, let numbers, let callPurpose, _):
            return try await reconciledRemediation(enterpriseId: id, numbers: numbers, callPurpose: callPurpose, since: intentAt)
                ?? notApplied
        case .agreeToTerms:
            let status = try await client.termsStatus()
            return status.hasAgreed ? .termsAgreed(version: status.agreedVersion ?? status.currentTermsVersion) : notApplied
        case .createEnterprise(let fields):
            // Created enterprises carry the onboarding's id as their customer_reference.
            let candidates = try await client.allEnterprises(legalNameContains: fields["legal_name"])
            guard let mine = candidates.first(where: { $0.customerReference == state.id }), let id = mine.id else { return notApplied }
            return .enterpriseReady(id: id, legalName: mine.legalName ?? "")
        case .updateEnterprise(let id, let fields):
            let enterprise = try await client.enterprise(id: id)
            let current = TelnyxMapping.fields(of: enterprise)
            let applied = fields.allSatisfy { key, value in (current[key] ?? "") == value }
            return applied ? .enterpriseReady(id: id, legalName: enterprise.legalName ?? "") : notApplied
        case .uploadSignedLOA(let path):
            // Uploads carry the onboarding's id as their customer_reference: the newest with the
            // same content is the one sent. A listing that fails or finds none: uploading again
            // is harmless (Telnyx deletes an unused copy after 30 minutes).
            guard let bytes = try? SignedLOAFile.read(path) else { return notApplied }
            let digest = SignedLOADigest.hex(bytes)
            let uploads = (try? await client.documents(customerReference: state.id).items) ?? []
            guard let sent = uploads.first(where: { $0.value2.sha256?.lowercased() == digest }), let id = sent.value1.id else {
                return notApplied
            }
            return .signedLOAUploaded(documentId: id, sha256: digest)
        case .enableReputation(let id, _, _):
            let settings = try await unlessNotFound { () async throws(TelnyxError) in try await client.reputationSettings(enterpriseId: id)
            }
            return settings.map { .reputationEnabled(TelnyxMapping.gates($0)) } ?? notApplied
        case .replaceLOA(let id, let documentId):
            let settings = try await client.reputationSettings(enterpriseId: id)
            return settings.loaDocumentId == documentId ? .loaReplaced(TelnyxMapping.gates(settings)) : notApplied
        case .disableReputation(let id):
            let settings = try await unlessNotFound { () async throws(TelnyxError) in try await client.reputationSettings(enterpriseId: id)
            }
            return settings == nil ? .reputationDisabled : notApplied
        case .associateNumbers(let id, let numbers):
            let monitored = Set(try await client.allNumbers(enterpriseId: id).compactMap(\.phoneNumber))
            let present = numbers.filter(monitored.contains)
            if present.isEmpty { return notApplied }
            var missing: [String: String] = [:]
            for number in numbers where !monitored.contains(number) {
                missing[number] = "not added (the request was interrupted); add it again"
            }
            return .numbersAssociated(present, setAside: missing)
        case .queryNumbers(let id, let numbers, let fresh):
            // A live read leaves newer data in the free list; a cached read of a number read
            // before bills nothing and changes nothing, so it is simply read again later. A
            // number without data shows no newer data after a live (billed) read.
            let listed = try await client.allNumbers(enterpriseId: id)
            let refreshed = refreshed(listed, since: intentAt).union(mayHaveBeenRead(listed, fresh: fresh))
            let read = numbers.filter { refreshed.contains($0) && (fresh || state.nextReadIsBilled($0)) }
            if read.isEmpty { return notApplied }
            let withoutData = try await recordListedReadings(id, of: read)
            return .numbersQueried(read, withoutData: withoutData.isEmpty ? nil : withoutData)
        case .refreshNumbers(let id, let numbers):
            let listed = try await client.allNumbers(enterpriseId: id)
            let refreshed = refreshed(listed, since: intentAt).union(mayHaveBeenRead(listed, fresh: true))
            if refreshed.isDisjoint(with: numbers) { return notApplied }
            let withoutData = listed.filter { $0.reputationData == nil }.compactMap(\.phoneNumber).filter(numbers.contains)
            return .numbersRefreshed(
                succeeded: numbers.filter(refreshed.contains), failed: numbers.filter { !refreshed.contains($0) },
                withoutData: withoutData.isEmpty ? nil : withoutData)
        case .confirmOwnership(let id, let numbers, _):
            // A confirmation that reached Telnyx left the number verified again.
            let wanted = Set(numbers)
            let verified = try await client.allNumbers(enterpriseId: id).filter {
                wanted.contains($0.phoneNumber ?? "") && ($0.ownershipStatus == nil || $0.ownershipStatus == .verified)
            }
            let confirmed = numbers.filter { number in verified.contains { $0.phoneNumber == number } }
            return confirmed.isEmpty ? notApplied : .ownershipConfirmed(confirmed)
        case .submitOwnershipProof(let id, let documents, _):
            // Taken when Telnyx's proof names exactly the uploads (found by content) of these documents.
            guard let digests = try? documents.map({ SignedLOADigest.hex(try OwnershipEvidenceFile.read($0).bytes) }),
                let proof = try await client.externalVerification(enterpriseId: id)
            else { return notApplied }
            let uploads = try await client.documents(customerReference: state.id).items
            let sent = Set(digests.compactMap { digest in uploads.first { $0.value2.sha256?.lowercased() == digest }?.value1.id })
            guard sent.count == Set(digests).count, Set(proof.documentIds ?? []) == sent else { return notApplied }
            return .ownershipProofSubmitted(status: ReviewStatus(proof.status?.rawValue ?? "pending"), sha256: digests)
        case .setWebhook(let id, let url):
            let settings = try await client.reputationSettings(enterpriseId: id)
            return settings.webhookUrl == url ? .webhookSet(url: url) : notApplied
        case .changeFrequency(let id, let frequency):
            let settings = try await client.reputationSettings(enterpriseId: id)
            return settings.checkFrequency?.rawValue == frequency.rawValue ? .frequencyChanged(frequency) : notApplied
        case .removeNumbers(let id, let numbers):
            let monitored = Set(try await client.allNumbers(enterpriseId: id).compactMap(\.phoneNumber))
            let removed = numbers.filter { !monitored.contains($0) }
            return removed.isEmpty ? notApplied : .numbersRemoved(removed)
        }
    }

    /// The monitored numbers Telnyx refreshed after the intent, read through the free list.
    /// Telnyx's clock is not ours: a number was refreshed when its data is newer than the last
    /// reading kept here before the intent (or when it has data and none was kept).
    func refreshedSince(_ intentAt: Date, in enterpriseId: String) async throws(TelnyxError) -> Set<String> {
        refreshed(try await client.allNumbers(enterpriseId: enterpriseId), since: intentAt)
    }

    /// Of the numbers `listed`, those whose data is newer than the last reading kept before `intentAt`.
    func refreshed(_ listed: [ReputationNumber], since intentAt: Date) -> Set<String> {
        Set(
            listed.filter { number in
                guard let refreshedAt = number.reputationData?.lastRefreshedAt, let phoneNumber = number.phoneNumber else { return false }
                return lastRefreshed(phoneNumber, before: intentAt).map { refreshedAt > $0 } ?? true
            }.compactMap(\.phoneNumber))
    }

    /// Numbers listed without data that a live read (billed) may have reached, since no newer
    /// data can show it: one never read here whose record Telnyx touched since it was added
    /// (inferred: a lookup stamps `updated_at`); with no way to tell (`fresh`, or read before),
    /// every one, counted as read and billed, so that nothing is read twice by itself.
    func mayHaveBeenRead(_ listed: [ReputationNumber], fresh: Bool) -> Set<String> {
        Set(
            listed.filter { number in
                guard number.reputationData == nil, let phoneNumber = number.phoneNumber else { return false }
                if fresh || state.queriedNumbers.contains(phoneNumber) { return true }
                guard let updatedAt = number.updatedAt, let createdAt = number.createdAt else { return true }
                return updatedAt > createdAt
            }.compactMap(\.phoneNumber))
    }

    /// When Telnyx last refreshed the number, as of the last reading kept here before `intentAt`.
    func lastRefreshed(_ phoneNumber: String, before intentAt: Date) -> Date? {
        guard let last = try? store.history(state.id, phoneNumber: phoneNumber).last(where: { $0.at < intentAt }) else { return nil }
        return (try? JSONDecoder().decode(ReputationData.self, from: Data(last.data.utf8)))?.lastRefreshedAt
    }
}
