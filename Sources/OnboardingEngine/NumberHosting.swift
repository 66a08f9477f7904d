import Foundation
import Onboarding
import TelnyxAPI

/// Where each number of a list is hosted, decided before anything is billed, so that no batch
/// is sent that Telnyx would refuse: a number active in the account's inventory (local or
/// toll-free) can be added; one hosted at another carrier only once the enterprise's ownership
/// proof is approved (else Telnyx refuses the whole batch with `external_verification_required`);
/// a toll-free number hosted elsewhere never (api-notes, since SDK 4.189.0).
public struct NumberHosting: Sendable {
    /// Why a number hosted at another carrier is set aside while the ownership proof is not
    /// approved: the store keeps it beside the number, so they can be added once it is.
    public static let awaitingProof =
        "hosted at another carrier, not in this Telnyx account: Telnyx monitors it once the enterprise's ownership proof (a carrier invoice or statement) is approved"

    /// Active numbers of the account, and the status of the others.
    let active: Set<String>
    let notInService: [String: String]
    /// Whether the enterprise's ownership proof is approved (numbers hosted elsewhere may go).
    let externalAllowed: Bool

    /// Reads the account's inventory and the enterprise's ownership proof (both free).
    static func read(enterpriseId: String, client: TelnyxClient) async throws -> NumberHosting {
        let inventory = try await client.allInventory()
        let proof = try await client.externalVerification(enterpriseId: enterpriseId)
        var notInService: [String: String] = [:]
        for number in inventory where !number.status.is(.active) { notInService[number.phoneNumber] = number.status.rawValue }
        return NumberHosting(
            active: Set(inventory.filter { $0.status.is(.active) }.map(\.phoneNumber)), notInService: notInService,
            externalAllowed: proof?.status == .approved)
    }

    /// Why `number` cannot be added now, or nil when it can.
    func refusal(_ number: String) -> String? {
        if active.contains(number) { return nil }
        if let status = notInService[number] { return "in this Telnyx account but not in service (status: \(status))" }
        if (try? USPhoneNumber(number))?.isTollFree == true {
            return "a toll-free number hosted at another carrier; Telnyx monitors only the toll-free numbers it hosts"
        }
        return externalAllowed ? nil : Self.awaitingProof
    }
}
