import Foundation

/// The simulator's own reading of Telnyx's enterprise rules (api-notes, step 2). Written apart
/// from any client-side validation on purpose: the simulator must catch what a client misses.
struct EnterpriseRules {
    private(set) var problems: [SimulatorError.Entry] = []

    static let usStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
        "PR", "GU", "VI", "AS", "MP",
    ]

    mutating func fail(_ pointer: String, _ detail: String) {
        problems.append(.init(code: "10005", title: "Invalid parameters", detail: detail, pointer: "/body/\(pointer)"))
    }

    mutating func text(_ value: String?, _ pointer: String, min: Int = 1, max: Int) {
        guard let value else { return }
        let count = value.trimmingCharacters(in: .whitespaces).count
        if count < min {
            fail(pointer, min <= 1 ? "must not be blank" : "must be at least \(min) characters")
        } else if value.count > max {
            fail(pointer, "must be at most \(max) characters")
        }
    }

    mutating func matches(_ value: String?, _ pattern: String, _ pointer: String, _ detail: String) {
        guard let value else { return }
        if value.range(of: pattern, options: .regularExpression) == nil { fail(pointer, detail) }
    }

    mutating func fein(_ value: String?) {
        matches(value, #"^[0-9]{2}-[0-9]{7}$"#, "fein", "must be a FEIN written NN-NNNNNNN")
    }

    mutating func website(_ value: String?) {
        guard let value else { return }
        text(value, "website", max: 255)
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            let host = url.host, host.contains(".")
        else { return fail("website", "must be an http or https URL") }
    }

    mutating func isoCountry(_ value: String?, _ pointer: String) {
        matches(value, #"^[A-Z]{2}$"#, pointer, "must be an ISO 3166-1 alpha-2 country code such as US")
    }

    mutating func phone(_ value: String?, _ pointer: String) {
        matches(value, #"^\+[1-9][0-9]{7,14}$"#, pointer, "must be an E.164 phone number such as +13125550000")
    }

    mutating func email(_ value: String?, _ pointer: String) {
        matches(value, #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, pointer, "must be an email address")
    }

    mutating func address(_ address: Schemas.PhysicalAddress?, _ pointer: String) {
        guard let address else { return }
        isoCountry(address.country, "\(pointer)/country")
        if address.country == "US" {
            if !Self.usStates.contains(address.administrativeArea) {
                fail("\(pointer)/administrative_area", "must be a two-letter US state code such as IL")
            }
            matches(address.postalCode, #"^[0-9]{5}(-[0-9]{4})?$"#, "\(pointer)/postal_code", "must be a US ZIP code such as 60601")
        } else {
            text(address.administrativeArea, "\(pointer)/administrative_area", max: 120)
        }
        text(address.city, "\(pointer)/city", max: 100)
        text(address.postalCode, "\(pointer)/postal_code", max: 20)
        text(address.streetAddress, "\(pointer)/street_address", max: 255)
        if let extended = address.extendedAddress { text(extended, "\(pointer)/extended_address", min: 0, max: 255) }
    }

    mutating func billingContact(_ contact: Schemas.BillingContact?) {
        guard let contact else { return }
        text(contact.firstName, "billing_contact/first_name", max: 255)
        text(contact.lastName, "billing_contact/last_name", max: 255)
        email(contact.email, "billing_contact/email")
        phone(contact.phoneNumber, "billing_contact/phone_number")
    }

    mutating func organizationContact(_ contact: Schemas.OrganizationContact?) {
        guard let contact else { return }
        text(contact.firstName, "organization_contact/first_name", max: 255)
        text(contact.lastName, "organization_contact/last_name", max: 255)
        text(contact.jobTitle, "organization_contact/job_title", max: 255)
        email(contact.email, "organization_contact/email")
        phone(contact.phoneNumber, "organization_contact/phone_number")
    }

    mutating func common(
        legalName: String?, doingBusinessAs: String?, fein: String?, website: String?, jurisdiction: String?,
        customerReference: String?, organizationContact: Schemas.OrganizationContact?,
        billingContact: Schemas.BillingContact?, physicalAddress: Schemas.PhysicalAddress?,
        billingAddress: Schemas.PhysicalAddress?
    ) {
        text(legalName, "legal_name", min: 3, max: 64)
        text(doingBusinessAs, "doing_business_as", max: 255)
        self.fein(fein)
        self.website(website)
        text(jurisdiction, "jurisdiction_of_incorporation", max: 255)
        if let customerReference { text(customerReference, "customer_reference", min: 0, max: 255) }
        self.organizationContact(organizationContact)
        self.billingContact(billingContact)
        address(physicalAddress, "organization_physical_address")
        address(billingAddress, "billing_address")
    }

    static func check(_ body: Schemas.EnterpriseCreate) throws(SimulatorError) {
        var rules = EnterpriseRules()
        rules.common(
            legalName: body.legalName, doingBusinessAs: body.doingBusinessAs, fein: body.fein, website: body.website,
            jurisdiction: body.jurisdictionOfIncorporation, customerReference: body.customerReference,
            organizationContact: body.organizationContact, billingContact: body.billingContact,
            physicalAddress: body.organizationPhysicalAddress, billingAddress: body.billingAddress)
        rules.isoCountry(body.countryCode, "country_code")
        if !rules.problems.isEmpty { throw .invalid(rules.problems) }
    }

    static let employeeRanges: Set<String> = ["1-10", "11-50", "51-200", "201-500", "501-2000", "2001-10000", "10001+"]
    static let legalTypes: Set<String> = ["corporation", "llc", "partnership", "nonprofit", "other"]

    static func check(_ body: Schemas.EnterpriseUpdate) throws(SimulatorError) {
        var rules = EnterpriseRules()
        rules.common(
            legalName: body.legalName, doingBusinessAs: body.doingBusinessAs, fein: body.fein, website: body.website,
            jurisdiction: body.jurisdictionOfIncorporation, customerReference: body.customerReference,
            organizationContact: body.organizationContact, billingContact: body.billingContact,
            physicalAddress: body.organizationPhysicalAddress, billingAddress: body.billingAddress)
        if let employees = body.numberOfEmployees, !employeeRanges.contains(employees) {
            rules.fail("number_of_employees", "must be one of \(employeeRanges.sorted().joined(separator: ", "))")
        }
        if let legalType = body.organizationLegalType, !legalTypes.contains(legalType) {
            rules.fail("organization_legal_type", "must be one of \(legalTypes.sorted().joined(separator: ", "))")
        }
        if !rules.problems.isEmpty { throw .invalid(rules.problems) }
    }
}
