import Foundation

/// Checks enterprise fields before anything is sent, with a message per field that says how to
/// fix it, and writes accepted values the way Telnyx wants them (`+13125550000`, `IL`, `US`).
public enum EnterpriseValidation {
    public static let usStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
        "AS", "MP",
    ]

    /// The value as Telnyx should receive it, or why it cannot be accepted.
    public static func check(_ field: EnterpriseField, _ raw: String) -> Result<String, FieldProblem> {
        check(field.kind, raw, required: field.isRequired, usOnly: field == .countryCode).mapError { message in
            FieldProblem(field: field, message: message.description)
        }
    }

    /// A value checked by the rule of its kind (shared by the enterprise and the LOA's agent).
    static func check(_ kind: EnterpriseField.Kind, _ raw: String, required: Bool, usOnly: Bool = false) -> Result<String, ValueProblem> {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            return required ? .failure(ValueProblem("is required")) : .success("")
        }
        func fail(_ message: String) -> Result<String, ValueProblem> { .failure(ValueProblem(message)) }
        switch kind {
        case .text(let minimum, let maximum):
            if value.count < minimum { return fail("needs at least \(minimum) characters") }
            if value.count > maximum { return fail("must be at most \(maximum) characters (it has \(value.count))") }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return fail("contains control characters")
            }
            return .success(value)
        case .choice(let options):
            if let match = options.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) { return .success(match) }
            let shown = options.count > 8 ? options.prefix(8).joined(separator: ", ") + ", …" : options.joined(separator: ", ")
            return fail("must be one of: \(shown)")
        case .fein:
            let value = DigitText.folded(value)
            let digits = value.filter(\.isNumber)
            guard digits.count == 9, value.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) else {
                return fail("must be the 9-digit FEIN written NN-NNNNNNN, e.g. 12-3456789")
            }
            return .success("\(digits.prefix(2))-\(digits.dropFirst(2))")
        case .email:
            guard value.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil, value.count <= 255 else {
                return fail("must be an email address such as name@example.com")
            }
            return .success(value)
        case .phone:
            return ContactPhoneNumber.check(value)
        case .website:
            var candidate = value
            if !candidate.lowercased().hasPrefix("http://") && !candidate.lowercased().hasPrefix("https://") {
                candidate = "https://" + candidate
            }
            guard let url = URL(string: candidate), let host = url.host, host.contains("."), !host.hasSuffix("."),
                candidate.count <= 255
            else { return fail("must be the business's website, such as https://example.com") }
            return .success(candidate)
        case .country:
            let upper = value.uppercased()
            if ["USA", "UNITED STATES", "UNITED STATES OF AMERICA"].contains(upper) { return .success("US") }
            guard upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return fail("must be a two-letter country code such as US")
            }
            if usOnly && upper != "US" { return fail("must be US: Number Reputation covers US businesses") }
            return .success(upper)
        case .usState:
            let upper = value.uppercased()
            if usStates.contains(upper) { return .success(upper) }
            if let code = USStateName.code(for: value) { return .success(code) }
            return fail("must be a US state: its two-letter code such as IL, or its name such as Illinois")
        case .postalCode:
            let value = DigitText.folded(value).trimmingCharacters(in: .whitespaces)
            guard value.range(of: #"^[0-9]{5}(-[0-9]{4})?$"#, options: .regularExpression) != nil else {
                return fail("must be a US ZIP code such as 60601 or 60601-1234")
            }
            return .success(value)
        case .digits(let count):
            let value = DigitText.folded(value)
            let digits = value.filter(\.isNumber)
            guard digits.count == count, value.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) else {
                return fail("must be \(count) digits")
            }
            return .success(digits)
        }
    }

    /// Every problem of a whole form, in form order; `values` is keyed by `EnterpriseField.key`.
    public static func problems(in values: [String: String]) -> [FieldProblem] {
        EnterpriseField.allCases.compactMap { field in
            if case .failure(let problem) = check(field, values[field.key] ?? "") { return problem }
            return nil
        }
    }
}

/// Why a value cannot be accepted, in words that name the fix.
public struct ValueProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

/// One field that cannot be accepted, and why.
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: EnterpriseField
    public var message: String

    public init(field: EnterpriseField, message: String) {
        self.field = field
        self.message = message
    }

    /// "Organisation contact › Email must be an email address such as name@example.com"
    public var description: String { "\(field.section.rawValue) › \(field.label) \(message)" }
}
