import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@Suite struct TermsOfServiceTests {
    @Test func statusDefaultsToBrandedCallingWhileClientAsksForNumberReputation() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            let raw = try await simulator.raw(.GET, "/v2/terms_of_service/status")
            #expect(raw.status == 200)
            #expect(raw.body.contains(#""product_type":"branded_calling""#))
            #expect(raw.body.contains(#""has_agreed":false"#))
            let status = try await client.termsStatus()
            #expect(status.productType == .numberReputation)
            #expect(status.hasAgreed)
            #expect(status.agreedVersion == "v1.0.0")
        }
    }

    @Test func agreeingIsIdempotentAndAnswers201() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            #expect(try await client.termsStatus().hasAgreed == false)
            #expect(try await client.termsStatus().agreementRequired)
            let first = try await client.agreeToTerms()
            let second = try await client.agreeToTerms()
            #expect(first.id == second.id)
            let raw = try await simulator.raw(.POST, "/v2/terms_of_service/number_reputation/agree")
            #expect(raw.status == 201)
            let agreements = try await simulator.raw(.GET, "/v2/terms_of_service/agreements?product_type=number_reputation")
            #expect(agreements.body.contains(first.id!))
            let one = try await simulator.raw(.GET, "/v2/terms_of_service/agreements/\(first.id!)")
            #expect(one.status == 200)
            let missing = try await simulator.raw(.GET, "/v2/terms_of_service/agreements/550e8400-e29b-41d4-a716-446655440000")
            #expect(missing.status == 404)
            let info = try await simulator.raw(.GET, "/v2/terms_of_service/info?product_type=number_reputation")
            #expect(info.body.contains("https://telnyx.com/terms/reputation-services"))
        }
    }

    @Test func everyRouteNeedsABearerKey() async throws {
        try await withSimulator { simulator in
            for path in ["/v2/terms_of_service/status", "/v2/enterprises", "/v2/reputation/numbers", "/v2/phone_numbers"] {
                let answer = try await simulator.raw(.GET, path, key: nil)
                #expect(answer.status == 401, "\(path)")
                #expect(answer.body.contains(#""code":"10009""#))
                #expect(answer.headers.first(name: "x-ratelimit-limit") != nil)
            }
            let unknownRoute = try await simulator.raw(.GET, "/v2/no_such_thing")
            #expect(unknownRoute.status == 404)
            #expect(unknownRoute.body.contains(#""errors""#))
        }
    }
}

@Suite struct EnterpriseTests {
    @Test func createsGetsListsAndUpdates() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let created = try await client.createEnterprise(Fixtures.enterprise())
            #expect(created.legalName == "Acme Plumbing LLC")
            #expect(created.numberReputationEnabled == false)
            #expect(created.customerReference == "onboarding-1")
            _ = try await client.createEnterprise(Fixtures.enterprise("Bravo Widgets Inc"))
            let fetched = try await client.enterprise(id: created.id!)
            #expect(fetched.id == created.id)
            let acme = try await client.listEnterprises(legalNameContains: "acme")
            #expect(acme.items.map(\.id) == [created.id])
            #expect(try await client.allEnterprises().count == 2)
            var change = EnterpriseUpdate()
            change.legalName = "Acme Plumbing Holdings LLC"
            let updated = try await client.updateEnterprise(id: created.id!, change)
            #expect(updated.legalName == "Acme Plumbing Holdings LLC")
            #expect(updated.fein == "12-3456789")
        }
    }

    @Test func aMissingFieldIsNamedBySourcePointer() async throws {
        try await withSimulator { simulator in
            var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixtures.enterprise())) as! [String: Any]
            json["legal_name"] = nil
            let body = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            let answer = try await simulator.raw(.POST, "/v2/enterprises", json: body)
            #expect(answer.status == 422)
            #expect(answer.body.contains(#""pointer":"/body/legal_name""#))
            #expect(answer.body.contains(#""code":"10005""#))
            let notJSON = try await simulator.raw(.POST, "/v2/enterprises", json: "{not json")
            #expect(notJSON.status == 422)
            json["legal_name"] = "Acme"
            json["industry"] = "alchemy"
            let badEnum = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            let enumAnswer = try await simulator.raw(.POST, "/v2/enterprises", json: badEnum)
            #expect(enumAnswer.status == 422)
            #expect(enumAnswer.body.contains("/body/industry"))
        }
    }

    @Test func everyBadFieldGetsItsOwnEntryAndAMessageNamingIt() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            var bad = Fixtures.enterprise("AB")
            bad.fein = "123456789"
            bad.organizationContact.phoneNumber = "312-555-0000"
            bad.organizationContact.email = "sam-at-acme"
            bad.organizationPhysicalAddress.administrativeArea = "Illinois"
            bad.website = "acme"
            let error = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(bad) }
            #expect(error?.status == 422)
            let pointers = Set(error?.entries.compactMap(\.pointer) ?? [])
            #expect(
                pointers == [
                    "/body/legal_name", "/body/fein", "/body/organization_contact/phone_number", "/body/organization_contact/email",
                    "/body/organization_physical_address/administrative_area", "/body/website",
                ])
            #expect(error?.message.contains("organization_contact.phone_number") == true)
            #expect(error?.message.contains("Correct the named fields") == true)
            #expect(try await client.allEnterprises().isEmpty)
        }
    }

    @Test func duplicatesConflictAndUnknownIdsAreNotFound() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.createEnterprise(Fixtures.enterprise())
            let duplicate = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
            #expect(duplicate?.status == 409)
            #expect(duplicate?.has(code: "10021") == true)
            let missing = await #expect(throws: TelnyxError.self) {
                try await client.enterprise(id: "4a6192a4-573d-446d-b3ce-aff9117272a6")
            }
            #expect(missing?.status == 404)
        }
    }

    @Test func immutableFieldsAreRefusedOnUpdate() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let created = try await client.createEnterprise(Fixtures.enterprise())
            let answer = try await simulator.raw(
                .PUT, "/v2/enterprises/\(created.id!)", json: #"{"legal_name": "New Name LLC", "organization_type": "government"}"#)
            #expect(answer.status == 400)
            #expect(answer.body.contains("/body/organization_type"))
            #expect(try await client.enterprise(id: created.id!).legalName == "Acme Plumbing LLC")
        }
    }

    @Test func deletingNeedsReputationDisabledFirst() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            let refused = try await simulator.raw(.DELETE, "/v2/enterprises/\(enterprise.id!)")
            #expect(refused.status == 400)
            try await client.disableReputation(enterpriseId: enterprise.id!)
            let deleted = try await simulator.raw(.DELETE, "/v2/enterprises/\(enterprise.id!)")
            #expect(deleted.status == 204)
        }
    }
}
