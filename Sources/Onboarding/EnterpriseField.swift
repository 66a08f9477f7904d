/// Every field of Telnyx's `EnterpriseCreate`, grouped as the form shows them, with the rules
/// each must meet. The `key` is the field's path in the API body (`organization_contact.email`),
/// which is also how Telnyx's `source.pointer` names it (`/body/organization_contact/email`).
public enum EnterpriseField: String, CaseIterable, Sendable, Codable, Hashable {
    case legalName = "legal_name"
    case doingBusinessAs = "doing_business_as"
    case organizationType = "organization_type"
    case organizationLegalType = "organization_legal_type"
    case industry
    case numberOfEmployees = "number_of_employees"
    case fein
    case jurisdictionOfIncorporation = "jurisdiction_of_incorporation"
    case website
    case countryCode = "country_code"
    case roleType = "role_type"

    case contactFirstName = "organization_contact.first_name"
    case contactLastName = "organization_contact.last_name"
    case contactJobTitle = "organization_contact.job_title"
    case contactEmail = "organization_contact.email"
    case contactPhone = "organization_contact.phone_number"

    case billingFirstName = "billing_contact.first_name"
    case billingLastName = "billing_contact.last_name"
    case billingEmail = "billing_contact.email"
    case billingPhone = "billing_contact.phone_number"

    case physicalStreet = "organization_physical_address.street_address"
    case physicalExtended = "organization_physical_address.extended_address"
    case physicalCity = "organization_physical_address.city"
    case physicalState = "organization_physical_address.administrative_area"
    case physicalPostalCode = "organization_physical_address.postal_code"
    case physicalCountry = "organization_physical_address.country"

    case billingStreet = "billing_address.street_address"
    case billingExtended = "billing_address.extended_address"
    case billingCity = "billing_address.city"
    case billingState = "billing_address.administrative_area"
    case billingPostalCode = "billing_address.postal_code"
    case billingCountry = "billing_address.country"

    case corporateRegistrationNumber = "corporate_registration_number"
    case dunBradstreetNumber = "dun_bradstreet_number"
    case sicCode = "primary_business_domain_sic_code"
    case professionalLicenseNumber = "professional_license_number"

    public enum Section: String, CaseIterable, Sendable {
        case business = "Business"
        case organizationContact = "Organisation contact"
        case billingContact = "Billing contact"
        case physicalAddress = "Physical address"
        case billingAddress = "Billing address"
        case identifiers = "Optional identifiers"
    }

    public enum Kind: Equatable, Sendable {
        case text(minimum: Int, maximum: Int)
        case choice([String])
        case fein
        case email
        case phone
        case website
        case country
        case usState
        case postalCode
        case digits(count: Int)
    }

    public var key: String { rawValue }

    /// How Telnyx's `source.pointer` names this field.
    public var pointer: String { "/body/" + rawValue.replacingOccurrences(of: ".", with: "/") }

    public init?(pointer: String) {
        let key = pointer.split(separator: "/").filter { $0 != "body" }.joined(separator: ".")
        self.init(rawValue: key)
    }

    public var section: Section {
        switch self {
        case .legalName, .doingBusinessAs, .organizationType, .organizationLegalType, .industry, .numberOfEmployees, .fein,
            .jurisdictionOfIncorporation, .website, .countryCode, .roleType:
            .business
        case .contactFirstName, .contactLastName, .contactJobTitle, .contactEmail, .contactPhone: .organizationContact
        case .billingFirstName, .billingLastName, .billingEmail, .billingPhone: .billingContact
        case .physicalStreet, .physicalExtended, .physicalCity, .physicalState, .physicalPostalCode, .physicalCountry:
            .physicalAddress
        case .billingStreet, .billingExtended, .billingCity, .billingState, .billingPostalCode, .billingCountry:
            .billingAddress
        case .corporateRegistrationNumber, .dunBradstreetNumber, .sicCode, .professionalLicenseNumber: .identifiers
        }
    }

    public var isRequired: Bool {
        switch self {
        case .roleType, .physicalExtended, .billingExtended, .corporateRegistrationNumber, .dunBradstreetNumber, .sicCode,
            .professionalLicenseNumber:
            false
        default: true
        }
    }

    /// Fixed once the enterprise exists (changing them is refused by Telnyx).
    public var isImmutable: Bool { self == .organizationType || self == .countryCode || self == .roleType }

    /// Identity fields: once reputation is enabled, `PUT /enterprises/{id}` refuses a new value
    /// for them with 400 (api-notes, step 2: legal name, DBA, website, FEIN, industry, headcount,
    /// physical address, organization contact, D-U-N-S), so changing one means disabling first.
    public var isIdentity: Bool {
        switch self {
        case .legalName, .doingBusinessAs, .website, .fein, .industry, .numberOfEmployees, .dunBradstreetNumber: true
        case .contactFirstName, .contactLastName, .contactJobTitle, .contactEmail, .contactPhone: true
        case .physicalStreet, .physicalExtended, .physicalCity, .physicalState, .physicalPostalCode, .physicalCountry: true
        case .organizationType, .organizationLegalType, .jurisdictionOfIncorporation, .countryCode, .roleType: false
        case .billingFirstName, .billingLastName, .billingEmail, .billingPhone: false
        case .billingStreet, .billingExtended, .billingCity, .billingState, .billingPostalCode, .billingCountry: false
        case .corporateRegistrationNumber, .sicCode, .professionalLicenseNumber: false
        }
    }

    /// The nested object of the API body this field belongs to (`organization_contact`), or nil
    /// for a top-level field. A correction sends a nested object whole: Telnyx's schema
    /// requires all of its required fields.
    public var object: String? {
        let parts = rawValue.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? String(parts[0]) : nil
    }

    public var label: String {
        switch self {
        case .legalName: "Legal name"
        case .doingBusinessAs: "Doing business as"
        case .organizationType: "Organisation type"
        case .organizationLegalType: "Legal form"
        case .industry: "Industry"
        case .numberOfEmployees: "Employees"
        case .fein: "FEIN"
        case .jurisdictionOfIncorporation: "Jurisdiction of incorporation"
        case .website: "Website"
        case .countryCode: "Country"
        case .roleType: "Role"
        case .contactFirstName, .billingFirstName: "First name"
        case .contactLastName, .billingLastName: "Last name"
        case .contactJobTitle: "Job title"
        case .contactEmail, .billingEmail: "Email"
        case .contactPhone, .billingPhone: "Phone"
        case .physicalStreet, .billingStreet: "Street address"
        case .physicalExtended, .billingExtended: "Suite, floor"
        case .physicalCity, .billingCity: "City"
        case .physicalState, .billingState: "State"
        case .physicalPostalCode, .billingPostalCode: "ZIP code"
        case .physicalCountry, .billingCountry: "Country"
        case .corporateRegistrationNumber: "Corporate registration number"
        case .dunBradstreetNumber: "D-U-N-S number"
        case .sicCode: "SIC code"
        case .professionalLicenseNumber: "Professional licence number"
        }
    }

    /// The label with its section where the label alone is ambiguous ("Organisation contact
    /// email", "Physical address city").
    public var fullLabel: String {
        guard object != nil else { return label }
        return "\(section.rawValue) \(label.lowercased())"
    }

    public var kind: Kind {
        switch self {
        case .legalName: .text(minimum: 3, maximum: 64)
        case .organizationType: .choice(["commercial", "government", "non_profit"])
        case .organizationLegalType: .choice(["corporation", "llc", "partnership", "nonprofit", "other"])
        case .industry: .choice(Self.industries)
        case .numberOfEmployees: .choice(["1-10", "11-50", "51-200", "201-500", "501-2000", "2001-10000", "10001+"])
        case .roleType: .choice(["enterprise", "bpo"])
        case .fein: .fein
        case .contactEmail, .billingEmail: .email
        case .contactPhone, .billingPhone: .phone
        case .website: .website
        case .countryCode, .physicalCountry, .billingCountry: .country
        case .physicalState, .billingState: .usState
        case .physicalPostalCode, .billingPostalCode: .postalCode
        case .physicalCity, .billingCity: .text(minimum: 1, maximum: 100)
        case .dunBradstreetNumber: .digits(count: 9)
        case .sicCode: .digits(count: 4)
        default: .text(minimum: 1, maximum: 255)
        }
    }

    public static let industries = [
        "accounting", "finance", "billing", "collections", "business", "charity", "nonprofit", "communications", "telecom",
        "customer service", "support", "delivery", "shipping", "logistics", "education", "financial", "banking",
        "government", "public", "healthcare", "health", "pharmacy", "medical", "insurance", "legal", "law",
        "notifications", "scheduling", "real estate", "property", "retail", "ecommerce", "sales", "marketing", "software",
        "technology", "tech", "media", "surveys", "market research", "travel", "hospitality", "hotel",
    ]

    /// The fields a reviewer's reason names, by their labels: "Organization contact email
    /// domain…" names the organisation contact's email, "Legal name … FEIN" both. Contact and
    /// address fields count only when the reason names their object too.
    public static func named(in reason: String) -> Set<EnterpriseField> {
        let text = reason.lowercased().replacingOccurrences(of: "organisation", with: "organization")
        func mentions(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        var named: Set<EnterpriseField> = []
        for field in allCases {
            let label = field.label.lowercased()
            let said: Bool
            switch field.section {
            case .organizationContact: said = mentions("organization contact", "contact") && !mentions("billing") && text.contains(label)
            case .billingContact: said = mentions("billing contact") && text.contains(label)
            case .physicalAddress: said = mentions("physical address", "address") && !mentions("billing") && text.contains(label)
            case .billingAddress: said = mentions("billing address") && text.contains(label)
            case .business, .identifiers: said = text.contains(label) || (field == .dunBradstreetNumber && mentions("duns", "d-u-n-s"))
            }
            if said { named.insert(field) }
        }
        return named
    }

    /// The billing address field matching a physical address field, for "same as physical".
    public var billingCounterpart: EnterpriseField? {
        switch self {
        case .physicalStreet: .billingStreet
        case .physicalExtended: .billingExtended
        case .physicalCity: .billingCity
        case .physicalState: .billingState
        case .physicalPostalCode: .billingPostalCode
        case .physicalCountry: .billingCountry
        default: nil
        }
    }
}
