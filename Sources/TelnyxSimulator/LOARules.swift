import Foundation

/// What the LOA renderer checks in its optional `agent` and `signature` blocks.
enum LOARules {
    static func check(_ body: Schemas.EnterpriseReputationLoaRender?) throws(SimulatorError) {
        var problems: [SimulatorError.Entry] = []
        func fail(_ pointer: String, _ detail: String) {
            problems.append(.init(code: "10005", title: "Invalid parameters", detail: detail, pointer: "/body/\(pointer)"))
        }
        func limit(_ value: String?, _ pointer: String, _ max: Int) {
            guard let value else { return }
            if value.trimmingCharacters(in: .whitespaces).isEmpty { fail(pointer, "must not be blank") }
            if value.count > max { fail(pointer, "must be at most \(max) characters") }
        }
        if let agent = body?.agent {
            limit(agent.legalName, "agent/legal_name", 200)
            limit(agent.streetAddress, "agent/street_address", 255)
            limit(agent.city, "agent/city", 120)
            limit(agent.administrativeArea, "agent/administrative_area", 120)
            limit(agent.postalCode, "agent/postal_code", 30)
            limit(agent.contactName, "agent/contact_name", 200)
            limit(agent.contactTitle, "agent/contact_title", 200)
            if agent.country.range(of: #"^[A-Z]{2}$"#, options: .regularExpression) == nil {
                fail("agent/country", "must be an ISO 3166-1 alpha-2 country code such as US")
            }
            if agent.contactEmail.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) == nil {
                fail("agent/contact_email", "must be an email address")
            }
            if agent.contactPhone.range(of: #"^\+[1-9][0-9]{7,14}$"#, options: .regularExpression) == nil {
                fail("agent/contact_phone", "must be an E.164 phone number such as +13125550000")
            }
        }
        if let signature = body?.signature {
            let png: [UInt8] = [0x89, 0x50, 0x4e, 0x47]
            guard let image = Data(base64Encoded: signature.imageBase64), image.starts(with: png) else {
                fail("signature/image_base64", "must be a base64-encoded PNG image")
                throw .invalid(problems)
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }
}
