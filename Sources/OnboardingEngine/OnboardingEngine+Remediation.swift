import Foundation
import Onboarding
import OnboardingStore
import TelnyxAPI

extension OnboardingEngine {
    /// Asks to send `numbers` to remediation: those in an unfinished request, or remediated or
    /// found ineligible within the last 30 days, are set aside first; the rest wait for the
    /// person's confirmation with the estimate ($1.00 a number, 2,000 a request).
    /// - Returns: the state machine's refusal, or nil with a confirmation pending.
    /// - Throws: `StoreError`.
    public func remediate(_ numbers: [String], callPurpose: String, contactEmail: String?) async throws(StoreError) -> String? {
        try await send(
            .remediate(numbers: numbers, callPurpose: callPurpose, contactEmail: contactEmail, setAside: remediationSetAside(numbers)))
    }

    /// Sends `numbers` to remediation, 2,000 a request, one request after another: a request
    /// that fails after others went through leaves its numbers for the state machine to name.
    func submitRemediation(enterpriseId: String, numbers: [String], callPurpose: String, contactEmail: String?) async throws -> Event {
        var records: [RemediationRecord] = []
        for start in stride(from: 0, to: numbers.count, by: BillableAction.remediationBatch) {
            let batch = Array(numbers[start..<min(start + BillableAction.remediationBatch, numbers.count)])
            do {
                let request = try await client.submitRemediation(
                    enterpriseId: enterpriseId, phoneNumbers: batch, callPurpose: callPurpose, contactEmail: contactEmail)
                records.append(Self.record(request, numbers: batch))
            } catch {
                // Requests taken before a plain failure are the outcome; a lost answer is reconciled.
                guard !error.mayHaveBeenApplied, !records.isEmpty else { throw error }
                break
            }
        }
        return .remediationsSubmitted(records)
    }

    /// Each request as Telnyx reports it now (free reads).
    func readRemediations(enterpriseId: String, ids: [String]) async throws -> Event {
        let known = Dictionary((state.remediations ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [RemediationRecord] = []
        for id in ids {
            let request = try await client.remediation(enterpriseId: enterpriseId, id: id)
            records.append(Self.record(request, numbers: known[id]?.numbers ?? []))
        }
        return .remediationsRead(records)
    }

    /// A lost answer to a remediation: a request Telnyx listed after the intent (allowing for
    /// its clock) with the same call purpose and as many numbers as a batch, and not yet known
    /// here, is that batch's (inferred: the list carries no numbers).
    func reconciledRemediation(enterpriseId: String, numbers: [String], callPurpose: String, since intentAt: Date) async throws -> Event? {
        let known = Set((state.remediations ?? []).map(\.id))
        let listed = try await client.allRemediations(enterpriseId: enterpriseId, createdFrom: intentAt.addingTimeInterval(-600))
        var candidates = listed.filter { !known.contains($0.id) && $0.callPurpose == callPurpose }.sorted { $0.createdAt < $1.createdAt }
        var records: [RemediationRecord] = []
        for start in stride(from: 0, to: numbers.count, by: BillableAction.remediationBatch) {
            let batch = Array(numbers[start..<min(start + BillableAction.remediationBatch, numbers.count)])
            guard let index = candidates.firstIndex(where: { $0.phoneNumbersCount == batch.count }) else { break }
            let found = candidates.remove(at: index)
            records.append(Self.record(try await client.remediation(enterpriseId: enterpriseId, id: found.id), numbers: batch))
        }
        return records.isEmpty ? nil : .remediationsSubmitted(records)
    }

    static func record(_ request: Remediation, numbers: [String]) -> RemediationRecord {
        var results: [String: String]?
        if let lists = request.results {
            var outcome: [String: String] = [:]
            for (name, list) in [
                ("remediated", lists.remediated), ("not_flagged", lists.notFlagged), ("requires_review", lists.requiresReview),
                ("ineligible", lists.ineligible), ("refused", lists.refused),
            ] {
                for number in list ?? [] { outcome[number] = name }
            }
            results = outcome
        }
        return RemediationRecord(
            id: request.id, numbers: numbers, status: request.status.rawValue, submitted: request.phoneNumbersSubmitted,
            ineligible: request.phoneNumbersIneligible, callPurpose: request.callPurpose, createdAt: request.createdAt, results: results)
    }

    /// Numbers not to send now, with why: in an unfinished request, or remediated or found
    /// ineligible by a request created within the last 30 days (Telnyx's cooldown is not
    /// stated; the simulator's is 30 days: inferred).
    public func remediationSetAside(_ numbers: [String]) -> [String: String] {
        let recent = now().addingTimeInterval(-30 * 24 * 3600)
        var aside: [String: String] = [:]
        for record in state.remediations ?? [] where record.isFinished && (record.createdAt ?? .distantPast) >= recent {
            for (number, outcome) in record.results ?? [:] where outcome == "remediated" || outcome == "ineligible" {
                aside[number] =
                    "\(outcome.replacingOccurrences(of: "_", with: " ")) by a remediation request of the last 30 days (cooldown)"
            }
        }
        let wanted = Set(numbers)
        return aside.filter { wanted.contains($0.key) }
    }
}
