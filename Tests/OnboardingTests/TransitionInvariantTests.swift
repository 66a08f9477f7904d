import Foundation
import Testing
@testable import Onboarding

/// Explores every sequence of a representative alphabet of events from the start, as the engine
/// can produce them (any decision; an outcome only as the answer to the effect in flight), and
/// checks the rules that keep money safe on every transition.
@Suite struct TransitionInvariantTests {
    static let alphabet: [Event] = [
        .begin, .agreeToTerms, .termsChecked(agreed: true, version: "v1"), .termsChecked(agreed: false, version: "v1"),
        .termsAgreed(version: "v1"), .submitEnterprise(fields: enterpriseFields), .useExistingEnterprise(id: "ent-1", legalName: "Acme"),
        .enterpriseReady(id: "ent-1", legalName: "Acme"), .renderLOA(agent: nil, signerName: nil), .loaRendered(path: "/loa.pdf"),
        .useSignedLOA(path: "/signed.pdf"), .signedLOAUploaded(documentId: "doc"), .chooseFrequency(.daily, plannedNumbers: 10),
        .confirm, .cancel, .reputationEnabled(pending), .gatesChecked(approved, at: at),
        .gatesChecked(GateReport(status: "rejected", loaStatus: "approved", rejectionReasons: ["x"]), at: at),
        .gatesChecked(GateReport(status: "approved", loaStatus: "rejected"), at: at), .startLOAReplacement,
        .correctEnterprise(fields: ["fein": "98-7654321"]), .reputationDisabled, .loaReplaced(pending),
        .addNumbers(["+13125550134"]), .numbersAssociated(["+13125550134"]),
        .query(numbers: ["+13125550134"], fresh: false, uncached: ["+13125550134"]), .numbersQueried(["+13125550134"]),
        .refresh(["+13125550134"]), .changeFrequency(.weekly), .disable,
        .effectFailed(.enableReputation(enterpriseId: "ent-1", documentId: "doc", frequency: .daily), Failure(status: 403, message: "terms")),
        .effectFailed(.checkGates(enterpriseId: "ent-1"), Failure(status: 404, message: "gone")),
        .effectFailed(.associateNumbers(enterpriseId: "ent-1", numbers: ["+13125550134"]), Failure(message: "lost", outcomeUnknown: true)),
        .effectFailed(.enableReputation(enterpriseId: "ent-1", documentId: "doc", frequency: .daily), Failure(status: 400, codes: ["10015"], message: "enabled")),
        .effectFailed(.enableReputation(enterpriseId: "ent-1", documentId: "doc", frequency: .daily), Failure(status: 422, message: "expired")),
        .effectFailed(.replaceLOA(enterpriseId: "ent-1", documentId: "doc"), Failure(status: 400, message: "approved")),
        .effectFailed(.createEnterprise(fields: normalizedFields), Failure(status: 409, codes: ["10021"], message: "duplicate")),
        .frequencyChanged(.weekly), .numbersRefreshed(succeeded: ["+13125550134"], failed: []),
        .numbersRemoved(["+13125550134"]), .removeNumbers(["+13125550134"]),
    ]

    static var normalizedFields: [String: String] {
        guard case .success(let fields) = normalizedEnterprise(enterpriseFields, partial: false) else { return [:] }
        return fields
    }

    /// Deep enough to reach every step, the rejection branches and a resubmission.
    static let depth = 24

    @Test func moneyRulesHoldOnEveryTransition() throws {
        try explore(depth: Self.depth, outOfTurnOutcomes: false)
    }

    /// Outcomes that arrive out of turn (late, duplicated, or news from polling) never release a
    /// billable effect: only the answer to the effect in flight does.
    @Test func outcomesOutOfTurnNeverBill() throws {
        // A resubmission with the confirmed enable queued behind the disable of the rejected one.
        var queued = walkToGates()
        queued.on(.gatesChecked(GateReport(status: "rejected", loaStatus: "approved"), at: at))
        queued.on(.correctEnterprise(fields: ["fein": "98-7654321"]), .enterpriseReady(id: "ent-1", legalName: "Acme"))
        queued.on(.renderLOA(agent: nil, signerName: nil), .loaRendered(path: "/p"), .useSignedLOA(path: "/s"))
        queued.on(.signedLOAUploaded(documentId: "doc"), .chooseFrequency(.daily, plannedNumbers: 10), .confirm)
        #expect(queued.state.queued != nil)
        let seeds = [OnboardingState(id: "onb-1"), walkToEnable().state, walkToGates().state, walkToAssociate().state, queued.state]
        try explore(from: seeds, depth: 3, outOfTurnOutcomes: true)
    }

    func explore(from seeds: [OnboardingState] = [OnboardingState(id: "onb-1")], depth: Int, outOfTurnOutcomes: Bool) throws {
        var frontier = seeds
        var seen = Set<Data>()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var transitions = 0
        var billableSeen = 0
        for _ in 0..<depth {
            var nextFrontier: [OnboardingState] = []
            for state in frontier {
                for event in Self.alphabet where outOfTurnOutcomes || event.isDecision || event.answers(state.inFlight) {
                    let result = transition(state, event)
                    transitions += 1
                    #expect(result.effects.count <= 1)
                    if let effect = result.effects.first {
                        #expect(result.state.inFlight == effect, "effect \(effect.name) not marked in flight")
                        #expect(state.inFlight == nil || !event.isDecision, "decision sent \(effect.name) while another was in flight")
                    }
                    for effect in result.effects where effect.isBillable {
                        billableSeen += 1
                        let queuedEnable = event == .reputationDisabled && state.queued == effect
                        #expect(event == .confirm || queuedEnable, "\(effect.name) billed without confirmation after \(event) queued=\(String(describing: state.queued))")
                        if event == .confirm { #expect(state.confirmation != nil) }
                    }
                    if result.refusal != nil { #expect(result.state == state) }
                    let data = try encoder.encode(result.state)
                    if seen.insert(data).inserted {
                        #expect(try JSONDecoder().decode(OnboardingState.self, from: data) == result.state)
                        nextFrontier.append(result.state)
                    }
                }
            }
            frontier = nextFrontier
        }
        #expect(transitions > 1_000)
        #expect(billableSeen > 0)
        #expect(seen.count > 100)
        if !outOfTurnOutcomes {
            #expect(seen.contains { String(decoding: $0, as: UTF8.self).contains(#""step":9"#) }, "the exploration never reached step 9")
        }
    }
}
