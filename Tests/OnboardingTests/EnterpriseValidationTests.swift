import Foundation
import Onboarding
import TelnyxAPI
import Testing

@Suite struct EnterpriseValidationTests {
    static let complete: [String: String] = [
        "legal_name": "Acme Plumbing LLC", "doing_business_as": "Acme Plumbing", "organization_type": "commercial",
        "organization_legal_type": "llc", "industry": "technology", "number_of_employees": "51-200", "fein": "12-3456789",
        "jurisdiction_of_incorporation": "Delaware", "website": "https://acme.example.com", "country_code": "US",
        "organization_contact.first_name": "Sam", "organization_contact.last_name": "Owner",
        "organization_contact.job_title": "Compliance Lead", "organization_contact.email": "sam@acme.example.com",
        "organization_contact.phone_number": "(312) 555-0000", "billing_contact.first_name": "Alex",
        "billing_contact.last_name": "Bill", "billing_contact.email": "billing@acme.example.com",
        "billing_contact.phone_number": "+1 312 555 0001", "organization_physical_address.street_address": "100 Main St",
        "organization_physical_address.city": "Chicago", "organization_physical_address.administrative_area": "il",
        "organization_physical_address.postal_code": "60601", "organization_physical_address.country": "US",
        "billing_address.street_address": "100 Main St", "billing_address.city": "Chicago",
        "billing_address.administrative_area": "IL", "billing_address.postal_code": "60601", "billing_address.country": "USA",
    ]

    @Test func aCompleteFormHasNoProblems() {
        #expect(EnterpriseValidation.problems(in: Self.complete).isEmpty)
    }

    @Test func acceptedValuesAreWrittenAsTelnyxWantsThem() throws {
        #expect(try EnterpriseValidation.check(.contactPhone, "(312) 555-0000").get() == "+13125550000")
        #expect(try EnterpriseValidation.check(.contactPhone, "+44 20 7123 4567").get() == "+442071234567")
        #expect(try EnterpriseValidation.check(.physicalState, "il").get() == "IL")
        #expect(try EnterpriseValidation.check(.billingCountry, "USA").get() == "US")
        #expect(try EnterpriseValidation.check(.fein, "123456789").get() == "12-3456789")
        // Digits of any script, full-width forms and any dash: never sent as they were typed.
        #expect(try EnterpriseValidation.check(.fein, "１２－３４５６７８９").get() == "12-3456789")
        #expect(try EnterpriseValidation.check(.fein, "١٢–٣٤٥٦٧٨٩").get() == "12-3456789")
        #expect(try EnterpriseValidation.check(.physicalPostalCode, "６０６０１").get() == "60601")
        #expect(try EnterpriseValidation.check(.physicalPostalCode, "60601\u{2011}1234").get() == "60601-1234")
        #expect(try EnterpriseValidation.check(.website, "acme.example.com").get() == "https://acme.example.com")
        #expect(try EnterpriseValidation.check(.industry, "Real Estate").get() == "real estate")
        #expect(try EnterpriseValidation.check(.dunBradstreetNumber, "").get() == "")
    }

    @Test func contactPhonesFollowE164NotTheMonitoringRules() throws {
        func check(_ text: String) -> Result<String, FieldProblem> { EnterpriseValidation.check(.contactPhone, text) }
        // Toll-free, Canadian and Caribbean contacts are reachable people: accepted.
        #expect(try check("1-800-555-0134").get() == "+18005550134")
        #expect(try check("(888) 555 0134").get() == "+18885550134")
        #expect(try check("+1 416 555 0134").get() == "+14165550134")
        #expect(try check("604.555.0134").get() == "+16045550134")
        #expect(try check("+1 (876) 555-0134").get() == "+18765550134")
        #expect(try check("tel:+1-312-555-0134").get() == "+13125550134")
        #expect(try check("＋４４ ２０ ７１２３ ４５６７").get() == "+442071234567")
        #expect(try check("+49 30 901820").get() == "+4930901820")
        #expect(try check("+44 (0)20 7946 0958").get() == "+442079460958")
        // An extension is refused with the fix.
        let ext = "has an extension; Telnyx takes the number alone: remove the extension (and say it in the job title if it matters)"
        for written in [
            "(312) 555-0134 x12", "312-555-0134 ext. 7", "tel:+1-312-555-0134;ext=12", "+44 20 7123 4567 ext 3", "+1 312 555 0000;ext=22",
        ] {
            #expect(check(written).failureMessage == ext, "\(written)")
        }
        #expect(check("1-800-FLOWERS").failureMessage == "contains letters; write the number in digits")
        #expect(
            check("555-0134").failureMessage
                == "has 7 digits; write a North American number with its 10 digits, or another country's with + and its country code")
        #expect(
            check("(112) 555-0134").failureMessage
                == "has area code 112, which does not exist; area codes start with 2 to 9 and are not N11")
        #expect(check("+0 123 456 789").failureMessage == "must have 8 to 15 digits after the + (the country code, then the number)")
        #expect(
            check("+44 20 7123 4567 8901 23").failureMessage == "must have 8 to 15 digits after the + (the country code, then the number)")
    }

    @Test func aStateIsItsCodeOrItsName() throws {
        #expect(try EnterpriseValidation.check(.physicalState, "Illinois").get() == "IL")
        #expect(try EnterpriseValidation.check(.physicalState, "new  york").get() == "NY")
        #expect(try EnterpriseValidation.check(.physicalState, "Washington, D.C.").get() == "DC")
        #expect(try EnterpriseValidation.check(.physicalState, "Puerto Rico").get() == "PR")
        #expect(try EnterpriseValidation.check(.billingState, "WEST VIRGINIA").get() == "WV")
        #expect(
            EnterpriseValidation.check(.physicalState, "Ontario").failureMessage
                == "must be a US state: its two-letter code such as IL, or its name such as Illinois")
    }

    @Test func everyProblemNamesItsFieldAndTheFix() {
        var values = Self.complete
        values["legal_name"] = "AB"
        values["fein"] = "12-345"
        values["organization_contact.email"] = "sam-at-acme"
        values["organization_physical_address.administrative_area"] = "Ill"
        values["organization_physical_address.postal_code"] = "6060"
        values["industry"] = "alchemy"
        values["website"] = "not a site"
        values["country_code"] = "CA"
        values["billing_contact.first_name"] = " "
        let problems = EnterpriseValidation.problems(in: values)
        #expect(
            problems.map(\.field) == [
                .legalName, .industry, .fein, .website, .countryCode, .contactEmail, .billingFirstName, .physicalState,
                .physicalPostalCode,
            ])
        #expect(problems.first?.description == "Business › Legal name needs at least 3 characters")
        #expect(problems.first { $0.field == .fein }?.message.contains("NN-NNNNNNN") == true)
        #expect(problems.first { $0.field == .billingFirstName }?.message == "is required")
    }

    @Test func fieldsMapToTelnyxPointers() {
        #expect(EnterpriseField.contactEmail.pointer == "/body/organization_contact/email")
        #expect(EnterpriseField(pointer: "/body/billing_address/postal_code") == .billingPostalCode)
        #expect(EnterpriseField.physicalCity.billingCounterpart == .billingCity)
        #expect(EnterpriseField.allCases.filter(\.isImmutable) == [.organizationType, .countryCode, .roleType])
    }

    /// The domain keeps its own lists (it imports Foundation only); they must match the spec's.
    @Test func choiceListsMatchTheAPI() throws {
        func options(_ field: EnterpriseField) -> [String] {
            if case .choice(let options) = field.kind { return options }
            return []
        }
        #expect(options(.industry) == EnterpriseCreate.IndustryPayload.allCases.map(\.rawValue))
        #expect(options(.numberOfEmployees) == EnterpriseCreate.NumberOfEmployeesPayload.allCases.map(\.rawValue))
        #expect(options(.organizationLegalType) == EnterpriseCreate.OrganizationLegalTypePayload.allCases.map(\.rawValue))
        #expect(options(.organizationType) == EnterpriseCreate.OrganizationTypePayload.allCases.map(\.rawValue))
        #expect(options(.roleType) == EnterpriseCreate.RoleTypePayload.allCases.map(\.rawValue))
        #expect(Onboarding.CheckFrequency.allCases.map(\.rawValue) == TelnyxAPI.CheckFrequency.Known.allCases.map(\.rawValue))
        // Every field of EnterpriseCreate is in the form.
        let encoded = try JSONEncoder().encode(sampleEnterprise())
        let object = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]
        var keys: [String] = []
        for (key, value) in object {
            if let nested = value as? [String: Any] { keys += nested.keys.map { "\(key).\($0)" } } else { keys.append(key) }
        }
        let formKeys = Set(EnterpriseField.allCases.map(\.key) + ["customer_reference"])
        #expect(Set(keys).subtracting(formKeys).isEmpty, "\(Set(keys).subtracting(formKeys))")
    }

    func sampleEnterprise() -> EnterpriseCreate {
        let address = PhysicalAddress(
            administrativeArea: "IL", city: "Chicago", country: "US", extendedAddress: "Suite 1", postalCode: "60601",
            streetAddress: "100 Main St")
        return EnterpriseCreate(
            billingAddress: address,
            billingContact: .init(email: "b@example.com", firstName: "A", lastName: "B", phoneNumber: "+13125550001"),
            corporateRegistrationNumber: "x", countryCode: "US", customerReference: "r", doingBusinessAs: "A",
            dunBradstreetNumber: "123456789", fein: "12-3456789", industry: .technology, jurisdictionOfIncorporation: "DE",
            legalName: "Acme", numberOfEmployees: ._110,
            organizationContact: .init(email: "s@example.com", firstName: "S", jobTitle: "T", lastName: "O", phoneNumber: "+13125550000"),
            organizationLegalType: .llc, organizationPhysicalAddress: address, organizationType: .commercial,
            primaryBusinessDomainSicCode: "1234", professionalLicenseNumber: "p", roleType: .enterprise,
            website: "https://example.com")
    }
}

@Suite struct CostEstimateTests {
    @Test func moneyIsExactAndReadable() {
        #expect(Money(cents: 1_510_000).description == "$15,100.00")
        #expect(Money(cents: 10).description == "$0.10")
        #expect((Money(cents: 10) * 3).cents == 30)
    }

    @Test func estimatesNameTheirBasis() {
        #expect(CostEstimate.enabling().amount == .dollars(100))
        let association = CostEstimate.associating(250)
        #expect(association.amount == .dollars(25))
        #expect(association.description == "$25.00 (250 numbers × $0.10)")
        #expect(CostEstimate.liveChecks(1).description == "$0.10 (1 live check × $0.10)")
    }

    @Test func monthlyProjectionFollowsTheFrequency() {
        // api-notes: daily on 5,000 numbers is 5,000 × 30 × $0.10 = $15,000 of checks.
        #expect(CostEstimate.monthly(.daily, numbers: 5000).amount == .dollars(15_100))
        #expect(CostEstimate.monthly(.never, numbers: 5000).amount == .dollars(100))
        #expect(CostEstimate.monthly(.monthly, numbers: 1000).amount == .dollars(200))
        #expect(CostEstimate.monthly(.businessDaily, numbers: 100).amount == Money(cents: 10_000 + 21_750))
        var negotiated = PriceTable()
        negotiated.liveCheck = Money(cents: 5)
        #expect(CostEstimate.monthly(.daily, numbers: 5000, negotiated).amount == .dollars(7_600))
    }
}

@Suite struct SignedLOAFileTests {
    @Test func onlyASanePDFIsAccepted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("signed.pdf")
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: pdf)
        #expect(try SignedLOAFile.read(pdf.path).count == 15)
        let text = directory.appendingPathComponent("signed.txt")
        try Data("hello".utf8).write(to: text)
        #expect(throws: SignedLOAFile.Problem.notPDF(path: text.path)) { try SignedLOAFile.read(text.path) }
        #expect(throws: SignedLOAFile.Problem.file(.missing(path: "/nowhere/x.pdf"))) { try SignedLOAFile.read("/nowhere/x.pdf") }
        #expect(throws: SignedLOAFile.Problem.file(.directory(path: directory.path))) { try SignedLOAFile.read(directory.path) }
        #expect(
            SignedLOAFile.Problem.file(.directory(path: "/tmp/loas")).description
                == "/tmp/loas is a directory; give the path of a file in it")
        let empty = directory.appendingPathComponent("empty.pdf")
        try Data().write(to: empty)
        #expect(throws: SignedLOAFile.Problem.empty(path: empty.path)) { try SignedLOAFile.read(empty.path) }
        var big = Data("%PDF-".utf8)
        big.append(Data(count: SignedLOAFile.maximumBytes))
        #expect(throws: SignedLOAFile.Problem.file(.tooLarge(path: "big.pdf", bytes: big.count, limit: SignedLOAFile.maximumBytes))) {
            try SignedLOAFile.check(big, path: "big.pdf")
        }
    }

    @Test func aHeaderWithinTheFirstKilobyteIsAPDF() throws {
        for prefix in [0, 1, 512, 1019] {
            #expect(throws: Never.self, "\(prefix) bytes before the header") {
                try SignedLOAFile.check(Data(count: prefix) + Data("%PDF-1.7\n".utf8), path: "scan.pdf")
            }
        }
        #expect(throws: SignedLOAFile.Problem.notPDF(path: "scan.pdf")) {
            try SignedLOAFile.check(Data(count: 1024) + Data("%PDF-1.7\n".utf8), path: "scan.pdf")
        }
        // What is uploaded starts at the header: Telnyx's check sees a PDF.
        let scanned = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: scanned) }
        try (Data("GATEWAY-BANNER\r\n".utf8) + Data("%PDF-1.7\n%%EOF\n".utf8)).write(to: scanned)
        #expect(try SignedLOAFile.read(scanned.path) == Data("%PDF-1.7\n%%EOF\n".utf8))
    }

    @Test func aHugeFileIsRefusedUnreadWithItsSizeToOneDecimal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A sparse 200 MB file: refused from its size alone (reading it would take seconds).
        let huge = directory.appendingPathComponent("huge.pdf")
        _ = FileManager.default.createFile(atPath: huge.path, contents: Data("%PDF-".utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200 * 1_048_576)
        try handle.close()
        #expect(throws: SignedLOAFile.Problem.file(.tooLarge(path: huge.path, bytes: 200 * 1_048_576, limit: SignedLOAFile.maximumBytes))) {
            try SignedLOAFile.read(huge.path)
        }
        #expect(
            SignedLOAFile.Problem.file(.tooLarge(path: "a.pdf", bytes: 10_905_190, limit: SignedLOAFile.maximumBytes)).description
                == "a.pdf is 10.4 MB; the limit is 10 MB. Save it with smaller images, or scan in black and white")
        // One byte over is never said as the limit itself.
        #expect(LocalFile.size(SignedLOAFile.maximumBytes + 1) == "10.1 MB")
        #expect(LocalFile.size(SignedLOAFile.maximumBytes) == "10 MB")
        #expect(LocalFile.size(1_048_577) == "1.1 MB")
        #expect(LocalFile.size(524_800) == "512.5 KB")
    }

    @Test func aPathDraggedIntoATerminalIsThePath() {
        #expect(LocalFile.dropped("'/tmp/my numbers.csv'") == "/tmp/my numbers.csv")
        #expect(LocalFile.dropped("\"/tmp/my numbers.csv\" ") == "/tmp/my numbers.csv")
        #expect(LocalFile.dropped("/tmp/my\\ numbers.csv") == "/tmp/my numbers.csv")
        #expect(LocalFile.dropped("file:///tmp/my%20numbers.csv") == "/tmp/my numbers.csv")
        #expect(LocalFile.dropped("/tmp/plain.csv") == "/tmp/plain.csv")
    }

    @Test func aTildeExpandsWithHomeAndARelativePathWithItsBase() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        #expect(LocalFile.expanded("~/loa/signed.pdf") == home + "/loa/signed.pdf")
        #expect(LocalFile.expanded("~") == home)
        #expect(LocalFile.expanded("loa/signed.pdf", relativeTo: "/srv/answers") == "/srv/answers/loa/signed.pdf")
        #expect(LocalFile.expanded("../loa/signed.pdf", relativeTo: "/srv/answers") == "/srv/loa/signed.pdf")
        #expect(LocalFile.expanded("/abs/signed.pdf", relativeTo: "/srv/answers") == "/abs/signed.pdf")
        #expect(LocalFile.expanded("~/x.pdf", relativeTo: "/srv/answers") == home + "/x.pdf")
        #expect(throws: LocalFile.Problem.notAFile(path: "/dev/zero")) { try LocalFile.contents("/dev/zero", limit: 10) }
        #expect(throws: LocalFile.Problem.missing(path: home + "/no-such-loa-4711.pdf")) {
            try LocalFile.contents("~/no-such-loa-4711.pdf", limit: 10)
        }
    }
}

extension Result where Failure == FieldProblem {
    /// The problem's message without the field's name, or nil when accepted.
    var failureMessage: String? {
        if case .failure(let problem) = self { problem.message } else { nil }
    }
}

@Suite struct LocalFileTests {
    @Test func aSymbolicLinkToAFileIsThatFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("numbers.csv")
        try Data("3125550134\n".utf8).write(to: file)
        let link = directory.appendingPathComponent("latest.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(try LocalFile.contents(link.path, limit: 100) == Data("3125550134\n".utf8))
        let loop = directory.appendingPathComponent("loop.csv")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        #expect(throws: LocalFile.Problem.danglingLink(path: loop.path)) { try LocalFile.contents(loop.path, limit: 100) }
    }
}
