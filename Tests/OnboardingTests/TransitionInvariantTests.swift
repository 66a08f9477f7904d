import Foundation
import Testing

@testable import Onboarding

/// Explores every sequence of a representative alphabet of events from the start, as the engine
/// can produce them (any decision; an outcome only as the answer to the effect in flight), and
/// checks the rules that keep money safe on every transition.
@Suite struct TransitionInvariantTests {
    /// The diagram's events, and failures the diagram does not draw because the step stays.
    static let alphabet: [Event] =
        StateMachineDiagram.representativeEvents + [
            .effectFailed(
                .associateNumbers(enterpriseId: "ent-1", numbers: ["+13125550134"]), Failure(message: "lost", outcomeUnknown: true)),
            .effectFailed(.createEnterprise(fields: submittedFields), Failure(status: 409, codes: ["10021"], message: "duplicate")),
            .effectFailed(.createEnterprise(fields: submittedFields), Failure(status: 422, message: "bad", fieldProblems: ["fein": "x"])),
        ]

    /// The fields of the diagram's enterprise as they are sent, so a failure answers the create.
    static var submittedFields: [String: String] {
        for case .submitEnterprise(let fields) in StateMachineDiagram.representativeEvents {
            if case .success(let normalized) = normalizedEnterprise(fields, partial: false) { return normalized }
        }
        return [:]
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
        queued.on(.renderLOA(agent: nil, signature: nil), .loaRendered(path: "/p"), .useSignedLOA(path: "/s"))
        queued.on(.signedLOAUploaded(documentId: "doc"), .chooseFrequency(.daily, plannedNumbers: 10), .confirm)
        #expect(queued.state.queued != nil)
        let seeds = [OnboardingState(id: "onb-1"), walkToEnable().state, walkToGates().state, walkToAssociate().state, queued.state]
        try explore(from: seeds, depth: 3, outOfTurnOutcomes: true)
    }

    /// A read of numbers that all have data is served from Telnyx's cache, free (api-notes, step 8).
    static func isCachedRead(_ effect: Effect, _ state: OnboardingState) -> Bool {
        guard case .queryNumbers(_, let numbers, false) = effect else { return false }
        return numbers.allSatisfy(state.queriedNumbers.contains)
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
                    for effect in result.effects where effect.isBillable && !Self.isCachedRead(effect, state) {
                        billableSeen += 1
                        let queuedEnable = event == .reputationDisabled && state.queued == effect
                        #expect(
                            event == .confirm || queuedEnable,
                            "\(effect.name) billed without confirmation after \(event) queued=\(String(describing: state.queued))")
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
