import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator

enum Fixtures {
    static func enterprise(_ legalName: String = "Acme Plumbing LLC", reference: String? = "onboarding-1") -> EnterpriseCreate {
        let address = PhysicalAddress(
            administrativeArea: "IL", city: "Chicago", country: "US", postalCode: "60601", streetAddress: "100 Main St")
        return EnterpriseCreate(
            billingAddress: address,
            billingContact: .init(email: "billing@acme.example.com", firstName: "Alex", lastName: "Bill", phoneNumber: "+13125550001"),
            countryCode: "US", customerReference: reference, doingBusinessAs: "Acme Plumbing", fein: "12-3456789",
            industry: .technology, jurisdictionOfIncorporation: "Delaware", legalName: legalName, numberOfEmployees: ._51200,
            organizationContact: .init(
                email: "sam@acme.example.com", firstName: "Sam", jobTitle: "Compliance Lead", lastName: "Owner",
                phoneNumber: "+13125550000"),
            organizationLegalType: .llc, organizationPhysicalAddress: address, organizationType: .commercial,
            roleType: .enterprise, website: "https://acme.example.com")
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// An enterprise with terms agreed, a signed LOA uploaded and reputation enabled.
    static func enabledEnterprise(_ client: TelnyxClient, name: String = "Acme Plumbing LLC") async throws -> Enterprise {
        _ = try await client.agreeToTerms()
        let enterprise = try await client.createEnterprise(Fixtures.enterprise(name))
        let document = try await client.uploadDocument(pdf, filename: "loa.pdf")
        _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
        return enterprise
    }

    /// Same, with both gates approved (the happy scenario's reviewers have had their time).
    static func approvedEnterprise(
        _ simulator: RunningSimulator, _ client: TelnyxClient, name: String = "Acme Plumbing LLC"
    ) async throws -> Enterprise {
        let enterprise = try await enabledEnterprise(client, name: name)
        try await simulator.advanceClock(seconds: 301)
        return enterprise
    }

    static func usableNumbers(_ simulator: RunningSimulator, count: Int) -> [String] {
        Array(simulator.world.inventory.prefix(count))
    }
}
