import Foundation

/// A contact's phone number (the enterprise's organization and billing contacts, the LOA's
/// agent), checked by E.164's rules for reaching a person, not by the monitoring rules: any
/// North American number (US, Canada, the Caribbean, toll-free) and any other country's
/// number with its `+` country code. Written as people write it (`DigitText`, `tel:` URIs);
/// an extension is refused with the fix, since Telnyx takes the number alone.
public enum ContactPhoneNumber {
    /// The number in E.164 (`+14165550134`, `+18005550134`, `+442071234567`), or why not.
    public static func check(_ raw: String) -> Result<String, ValueProblem> {
        let value: String
        do { value = try USPhoneNumber.normalized(raw) } catch {
            if error == .extensionGiven { return .failure(extensionProblem) }
            return .failure(ValueProblem("must be a phone number such as (312) 555-0134, or +44 20 7123 4567 outside North America"))
        }
        if USPhoneNumber.hasExtension(value) { return .failure(extensionProblem) }
        if value.contains(where: \.isLetter) { return .failure(ValueProblem("contains letters; write the number in digits")) }
        guard value.allSatisfy({ $0.isNumber || " +-.()/".contains($0) }), value.filter({ $0 == "+" }).count <= 1,
            !value.contains("+") || value.hasPrefix("+")
        else {
            return .failure(ValueProblem("must be a phone number such as (312) 555-0134, or +44 20 7123 4567 outside North America"))
        }
        // `+44 (0)20 …`: the trunk 0 in parentheses is dialled at home only, never after the +.
        let international = value.hasPrefix("+") ? value.replacingOccurrences(of: "(0)", with: "") : value
        let digits = international.filter(\.isASCII).filter(\.isNumber)
        let national: Substring
        if value.hasPrefix("+") {
            if digits.hasPrefix("1") {
                national = digits.dropFirst()
            } else {
                // E.164: a country code that does not start with 0, at most 15 digits in all.
                guard let first = digits.first, first != "0", (8...15).contains(digits.count) else {
                    return .failure(ValueProblem("must have 8 to 15 digits after the + (the country code, then the number)"))
                }
                return .success("+" + digits)
            }
        } else if digits.count == 11 && digits.hasPrefix("1") {
            national = digits.dropFirst()
        } else if digits.count == 10 {
            national = Substring(digits)
        } else {
            return .failure(
                ValueProblem(
                    "has \(digits.count) digits; write a North American number with its 10 digits, or another country's with + and its country code"
                ))
        }
        guard national.count == 10 else {
            return .failure(ValueProblem("has \(national.count) digits after +1; a North American number has 10"))
        }
        let areaCode = national.prefix(3)
        let exchange = national.dropFirst(3).prefix(3)
        guard let a = areaCode.first, a >= "2", areaCode.dropFirst() != "11" else {
            return .failure(ValueProblem("has area code \(areaCode), which does not exist; area codes start with 2 to 9 and are not N11"))
        }
        guard let e = exchange.first, e >= "2" else {
            return .failure(
                ValueProblem("has exchange \(exchange), which cannot exist; the three digits after the area code start with 2 to 9"))
        }
        return .success("+1" + national)
    }

    static let extensionProblem = ValueProblem(
        "has an extension; Telnyx takes the number alone: remove the extension (and say it in the job title if it matters)")
}
