import Foundation
import Onboarding
import TelnyxAPI

/// Where each number of a list is hosted, decided before anything is billed, so that no batch
/// is sent that Telnyx would refuse for `external_verification_required`: one
/// `verify_ownership` pass (free, at most 1,000 numbers a call) splits the list into numbers in
/// the account's inventory (local or toll-free), which can be added, and numbers hosted at other
/// carriers, which can be added only once the enterprise's ownership proof is approved; a
/// toll-free number hosted elsewhere never can (api-notes, since SDK 4.189.0). A number in the
/// inventory but not in service is refused by Telnyx by name when its batch is sent (free:
/// a refused batch adds and bills nothing), and set aside then.
public struct NumberHosting: Sendable {
    /// Why a number hosted at another carrier is set aside while the ownership proof is not
    /// approved: the store keeps it beside the number, so they can be added once it is.
    public static let awaitingProof =
        "hosted at another carrier, not in this Telnyx account: Telnyx monitors it once the enterprise's ownership proof (a carrier invoice or statement) is approved"

    /// Why a toll-free number hosted elsewhere is set aside, for good.
    static let tollFreeElsewhere = "a toll-free number hosted at another carrier; Telnyx monitors only the toll-free numbers it hosts"

    /// The numbers of the list found in the account's inventory (E.164).
    let inTelnyx: Set<String>
    /// Whether the enterprise's ownership proof is approved (numbers hosted elsewhere may go).
    let externalAllowed: Bool

    /// Asks Telnyx where each of `numbers` (E.164) is hosted, in calls of at most 1,000 numbers,
    /// a few at once, and reads the enterprise's ownership proof only when some number is
    /// hosted elsewhere. Both free. Throws the client's `TelnyxError`.
    static func read(_ numbers: [String], enterpriseId: String, client: TelnyxClient) async throws -> NumberHosting {
        let unique = Array(Set(numbers)).sorted()
        let found = try await inTelnyx(unique, client: client)
        let elsewhere = unique.contains { !found.contains($0) }
        let proof = elsewhere ? try await client.externalVerification(enterpriseId: enterpriseId) : nil
        return NumberHosting(inTelnyx: found, externalAllowed: proof?.status == .approved)
    }

    /// Those of `numbers` that are active numbers of the account's inventory, by
    /// `verify_ownership` (free; in requests of `TelnyxClient.maximumNumbersPerOwnershipCheck`).
    static func inTelnyx(_ numbers: [String], client: TelnyxClient) async throws -> Set<String> {
        let size = TelnyxClient.maximumNumbersPerOwnershipCheck
        let chunks = stride(from: 0, to: numbers.count, by: size).map { Array(numbers[$0..<min($0 + size, numbers.count)]) }
        let answers = try await chunks.concurrentMap(inFlight: { client.inFlightAllowance }) { chunk in
            try await client.verifyOwnership(chunk)
        }
        return Set(answers.flatMap { $0.found ?? [] }.compactMap(\.numberValE164))
    }

    /// Why `number` cannot be added now, or nil when it can.
    func refusal(_ number: String) -> String? {
        if inTelnyx.contains(number) { return nil }
        if (try? USPhoneNumber(number))?.isTollFree == true { return Self.tollFreeElsewhere }
        return externalAllowed ? nil : Self.awaitingProof
    }
}
