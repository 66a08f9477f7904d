import Foundation

/// A US phone number in E.164 (`+1NPANXXXXXX`), read from any common writing:
/// `(312) 555-0134`, `312.555.0134`, `+1 312 555 0134`, `13125550134`.
public struct USPhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let e164: String

    public var description: String { e164 }

    /// `(312) 555-0134`, for people.
    public var display: String {
        let digits = Array(e164.dropFirst(2))
        return "(\(String(digits[0..<3]))) \(String(digits[3..<6]))-\(String(digits[6..<10]))"
    }

    /// Why a line is not a number we can monitor, in words that say how to fix it.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case letters
        case extensionGiven
        case wrongLength(digits: Int)
        case notNorthAmerican(countryCode: String)
        case invalidAreaCode(String)
        case invalidExchange(String)
        case otherNANPCountry(areaCode: String, country: String)
        /// A spreadsheet wrote the number as `1.77572E+10`: its last digits are gone.
        case scientificNotation(String)
        /// A character that is neither a digit, a letter nor a separator (`✓`, `*`).
        case unexpectedCharacter(String)
        /// A CSV cell whose opening quote is never closed runs on over the lines after it.
        case unclosedQuote(lastLine: Int)
        /// One cell or line holds several numbers (`(775) 719-0590, (904) 961-0048`).
        case severalNumbers(Int)

        public var description: String {
            switch self {
            case .empty: "is empty"
            case .letters: "contains letters; write the number in digits"
            case .extensionGiven: "has an extension; monitoring works on the main number only, without the extension"
            case .wrongLength(let digits):
                "has \(digits) digits; a US number has 10 digits, or 11 starting with 1"
            case .notNorthAmerican(let code): "is not a US number (country code +\(code)); only US numbers (+1) can be monitored"
            case .invalidAreaCode(let code): "has area code \(code), which does not exist; US area codes start with 2 to 9 and are not N11"
            case .invalidExchange(let code):
                "has exchange \(code), which cannot exist; the three digits after the area code start with 2 to 9"
            case .otherNANPCountry(let code, let country):
                "is in \(country) (area code \(code)), not the US; only US numbers can be monitored"
            case .scientificNotation(let text):
                "was turned into scientific notation (\(text)) by a spreadsheet, which lost its last digits; format the column as text and export again"
            case .unexpectedCharacter(let character):
                "contains “\(character)”, which is not part of a phone number; remove it"
            case .severalNumbers(let count):
                "holds \(count) numbers; put each on its own line (or row)"
            case .unclosedQuote(let lastLine):
                "opens a quote (\") that is not closed, so every line to line \(lastLine) was read as one cell; close the quote or remove it"
            }
        }
    }

    /// Area codes of the North American Numbering Plan outside the US and its territories.
    static let otherNANPCountries: [String: String] = {
        var countries: [String: String] = [:]
        let canada = [
            "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354", "365", "367", "368", "382",
            "387", "403", "416", "418", "428", "431", "437", "438", "450", "460", "468", "474", "506", "514", "519",
            "548", "579", "581", "584", "587", "604", "613", "639", "647", "672", "683", "705", "709", "742", "753",
            "778", "780", "782", "807", "819", "825", "867", "873", "879", "902", "905", "942",
        ]
        for code in canada { countries[code] = "Canada" }
        let caribbean: [String: String] = [
            "242": "the Bahamas", "246": "Barbados", "264": "Anguilla", "268": "Antigua and Barbuda",
            "284": "the British Virgin Islands", "345": "the Cayman Islands", "441": "Bermuda", "473": "Grenada",
            "649": "the Turks and Caicos Islands", "658": "Jamaica", "664": "Montserrat", "721": "Sint Maarten",
            "758": "Saint Lucia", "767": "Dominica", "784": "Saint Vincent and the Grenadines",
            "809": "the Dominican Republic", "829": "the Dominican Republic", "849": "the Dominican Republic",
            "868": "Trinidad and Tobago", "869": "Saint Kitts and Nevis", "876": "Jamaica",
        ]
        countries.merge(caribbean) { first, _ in first }
        return countries
    }()

    static let tollFreeAreaCodes: Set<String> = ["800", "833", "844", "855", "866", "877", "888"]

    public init(_ text: String) throws(Problem) {
        let trimmed = try Self.normalized(text)
        guard !trimmed.isEmpty else { throw .empty }
        // A control character first: the letters of an escape sequence are not the person's.
        if let control = trimmed.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }) {
            throw .unexpectedCharacter(String(format: "U+%04X", control.value))
        }
        // Several numbers in one cell, each valid alone: said as such, never "remove the comma".
        let parts = trimmed.contains(where: { ",;|/".contains($0) }) ? trimmed.split(whereSeparator: { ",;|/".contains($0) }) : []
        if parts.count > 1, parts.allSatisfy({ (try? USPhoneNumber(String($0))) != nil }) { throw .severalNumbers(parts.count) }
        if Self.hasExtension(trimmed) { throw .extensionGiven }
        if trimmed.contains(where: \.isLetter) { throw .letters }
        let allowed = CharacterSet(charactersIn: "0123456789+-.() /")
        if let stray = trimmed.unicodeScalars.first(where: { !allowed.contains($0) }) {
            // A control or invisible character is named by its code point, never echoed.
            let shown = RemoteText.sanitized(String(stray))
            throw .unexpectedCharacter(shown.trimmingCharacters(in: .whitespaces).isEmpty ? String(format: "U+%04X", stray.value) : shown)
        }
        let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        var national: Substring
        if trimmed.hasPrefix("+") {
            guard digits.hasPrefix("1") else {
                throw .notNorthAmerican(countryCode: Self.countryCode(of: digits))
            }
            national = digits.dropFirst()
            guard national.count == 10 else { throw .wrongLength(digits: digits.count) }
        } else if digits.hasPrefix("011") {
            throw .notNorthAmerican(countryCode: Self.countryCode(of: digits.dropFirst(3)))
        } else if digits.count == 11 && digits.hasPrefix("1") {
            national = digits.dropFirst()
        } else if digits.count == 10 {
            national = Substring(digits)
        } else {
            throw .wrongLength(digits: digits.count)
        }
        let areaCode = String(national.prefix(3))
        let exchange = String(national.dropFirst(3).prefix(3))
        guard let first = areaCode.first, first >= "2", areaCode.dropFirst() != "11" else { throw .invalidAreaCode(areaCode) }
        guard let exchangeFirst = exchange.first, exchangeFirst >= "2" else { throw .invalidExchange(exchange) }
        if let country = Self.otherNANPCountries[areaCode] { throw .otherNANPCountry(areaCode: areaCode, country: country) }
        national = national.prefix(10)
        e164 = "+1" + national
    }

    /// Whether it is toll-free (800, 833…): Telnyx monitors a toll-free number only when it
    /// hosts it (api-notes, since SDK 4.189.0).
    public var isTollFree: Bool { Self.tollFreeAreaCodes.contains(String(e164.dropFirst(2).prefix(3))) }

    /// A number followed by an extension: `312-555-0134 x12`, `ext. 12`, `;ext=12`, `extension 12`, `#12`
    /// (at least seven digits before the marker, at most six after it).
    static func hasExtension(_ text: String) -> Bool {
        // Most numbers have no marker at all: the regular expression only when one may be there.
        guard text.contains(where: { "xXeE#".contains($0) }) else { return false }
        guard let marker = text.range(of: #"(?i)(extension|ext\.?|x|#)\s*[:=]?\s*[0-9]{1,6}\s*$"#, options: .regularExpression) else {
            return false
        }
        return text[..<marker.lowerBound].filter(\.isNumber).count >= 7
    }

    /// The text as the rest of the reading expects it: `DigitText.folded` (every script's
    /// digits, dashes and spaces made plain), a `tel:` URI (RFC 3966) unwrapped, and what spreadsheets do to numbers undone (`19049610048.0`,
    /// `'7757190590`, `="9049610048"`).
    /// - Throws: `.extensionGiven` for a `tel:` URI with `;ext=`, `.scientificNotation` for
    ///   `1.77572E+10`.
    static func normalized(_ text: String) throws(Problem) -> String {
        let folded = DigitText.folded(text)
        var value = folded.trimmingCharacters(in: .whitespacesAndNewlines)
        // tel:+1-312-555-0134;phone-context=…  (RFC 3966): parameters dropped, an extension refused.
        if value.lowercased().hasPrefix("tel:") {
            let parts = value.dropFirst(4).split(separator: ";", omittingEmptySubsequences: false)
            if parts.dropFirst().contains(where: { $0.lowercased().hasPrefix("ext=") }) { throw .extensionGiven }
            value = String(parts.first ?? "")
        }
        // Spreadsheet damage: a formula, a text marker, a float.
        if value.hasPrefix("=\""), value.hasSuffix("\""), value.count >= 3 { value = String(value.dropFirst(2).dropLast()) }
        if value.hasPrefix("'") { value = String(value.dropFirst()) }
        if let dot = value.firstIndex(of: "."), value[value.index(after: dot)...].allSatisfy({ $0 == "0" }),
            value[..<dot].allSatisfy(\.isNumber), value[..<dot].count >= 10
        {
            value = String(value[..<dot])
        }
        let scientific = value.uppercased()
        if let e = scientific.firstIndex(of: "E"), scientific[..<e].allSatisfy({ $0.isNumber || $0 == "." }),
            scientific[scientific.index(after: e)...].allSatisfy({ $0.isNumber || $0 == "+" }), scientific[..<e].contains(".")
        {
            throw .scientificNotation(value)
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// A best guess at the country code of an international number, for the message only.
    static func countryCode(of digits: some StringProtocol) -> String {
        let twoDigitCodes: Set<String> = [
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53",
            "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
            "95", "98",
        ]
        if digits.hasPrefix("7") { return "7" }
        let two = String(digits.prefix(2))
        return twoDigitCodes.contains(two) ? two : String(digits.prefix(3))
    }
}
