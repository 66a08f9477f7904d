/// Why a number cannot be monitored, checked one number at a time so a batch can name each bad
/// number, as Telnyx does.
enum NumberRules {
    static let canadianAreaCodes: Set<Int> = [
        204, 226, 236, 249, 250, 257, 263, 289, 306, 343, 354, 365, 367, 368, 382, 387, 403, 416, 418, 428,
        431, 437, 438, 450, 460, 468, 474, 506, 514, 519, 548, 579, 581, 584, 587, 604, 613, 639, 647, 672,
        683, 705, 709, 742, 753, 778, 780, 782, 807, 819, 825, 867, 873, 879, 902, 905, 942,
    ]
    static let tollFreeAreaCodes: Set<Int> = [800, 833, 844, 855, 866, 877, 888]

    /// Whether a well-formed number is toll-free (monitored only when Telnyx hosts it).
    static func isTollFree(_ number: String) -> Bool {
        number.count == 12 && Int(number.dropFirst(2).prefix(3)).map(tollFreeAreaCodes.contains) == true
    }

    /// The problem with the number's shape, or nil when it is a well-formed US number (local or
    /// toll-free).
    static func shapeProblem(_ number: String) -> String? {
        let digits = number.dropFirst()
        guard number.first == "+", !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return "'\(number)' is not an E.164 phone number; write it as +1 followed by 10 digits, e.g. +13125550134."
        }
        guard digits.first == "1", digits.count == 11 else {
            return "'\(number)' is not a US number; only US numbers (+1 and 10 digits) can be monitored."
        }
        let areaCode = Int(digits.dropFirst().prefix(3))!
        let exchange = Int(digits.dropFirst(4).prefix(3))!
        guard areaCode >= 200, exchange >= 200 else {
            return "'\(number)' is not a valid North American number: area code and exchange cannot start with 0 or 1."
        }
        if canadianAreaCodes.contains(areaCode) {
            return "'\(number)' is a Canadian number; only US numbers can be monitored."
        }
        return nil
    }
}
