import Foundation
import Onboarding
import Testing

@Suite struct USPhoneNumberTests {
    @Test(arguments: [
        "(312) 555-0134", "312.555.0134", "+1 312 555 0134", "13125550134", "312-555-0134", "3125550134",
        "+1 (312) 555-0134", " 1 312 555 0134 ", "1-312-555-0134",
    ])
    func commonWritingsNormalise(_ text: String) throws {
        #expect(try USPhoneNumber(text).e164 == "+13125550134")
    }

    @Test func displayIsTheUsualUSWriting() throws {
        #expect(try USPhoneNumber("+13125550134").display == "(312) 555-0134")
    }

    @Test func problemsSayWhatIsWrong() {
        func problem(_ text: String) -> USPhoneNumber.Problem? {
            do {
                _ = try USPhoneNumber(text)
                return nil
            } catch { return error }
        }
        #expect(problem("") == .empty)
        #expect(problem("1-800-FLOWERS") == .letters)
        #expect(problem("312 555 0134 x12") == .extensionGiven)
        for written in [
            "312-555-0134 ext. 12", "312-555-0134 Ext 12", "(312) 555-0134 extension 7", "3125550134#12", "312.555.0134 X 123456",
            "+1 312 555 0000;ext=22",
        ] {
            #expect(problem(written) == .extensionGiven, "\(written)")
        }
        #expect(problem("(775) 719-0590, (904) 961-0048") == .severalNumbers(2))
        #expect(problem("775-719-0590 / 904-961-0048 / 716-733-6520") == .severalNumbers(3))
        #expect(USPhoneNumber.Problem.severalNumbers(2).description == "holds 2 numbers; put each on its own line (or row)")
        // An x that is not an extension is a letter.
        #expect(problem("call me 1 xxxx") == .letters)
        #expect(problem("box 5") == .letters)
        #expect(problem("555-0134") == .wrongLength(digits: 7))
        #expect(problem("+44 20 7123 4567") == .notNorthAmerican(countryCode: "44"))
        #expect(problem("011 44 20 7123 4567") == .notNorthAmerican(countryCode: "44"))
        #expect(problem("(112) 555-0134") == .invalidAreaCode("112"))
        #expect(problem("(911) 555-0134") == .invalidAreaCode("911"))
        #expect(problem("(312) 055-0134") == .invalidExchange("055"))
        #expect(problem("(416) 555-0134") == .otherNANPCountry(areaCode: "416", country: "Canada"))
        #expect(problem("(876) 555-0134") == .otherNANPCountry(areaCode: "876", country: "Jamaica"))
        // Toll-free numbers are numbers: Telnyx monitors those it hosts (the inventory decides).
        #expect(problem("(800) 555-0134") == nil)
        #expect((try? USPhoneNumber("(800) 555-0134"))?.isTollFree == true)
        #expect((try? USPhoneNumber("(312) 555-0134"))?.isTollFree == false)
        #expect(problem("(787) 555-0134") == nil, "Puerto Rico is in the US")
        #expect(USPhoneNumber.Problem.otherNANPCountry(areaCode: "416", country: "Canada").description.contains("only US numbers"))
    }

    /// Rows pasted from a spreadsheet arrive tab-separated, heading first.
    @Test func pastedSpreadsheetRowsSkipTheHeadingAndReadTheNumberCell() throws {
        let lines = NumberListParser.parse(lines: [
            "Phone", "Account\tCaller ID\tRoom", "Acme\t(312) 555-0134\t204", "17\t2041\t312.555.0135", "Bolt\t1.77572E+10\t9",
        ])
        #expect(
            lines == [
                .init(lineNumber: 3, text: "Acme\t(312) 555-0134\t204", verdict: .number(try USPhoneNumber("3125550134"))),
                .init(lineNumber: 4, text: "17\t2041\t312.555.0135", verdict: .number(try USPhoneNumber("3125550135"))),
                .init(lineNumber: 5, text: "Bolt\t1.77572E+10\t9", verdict: .invalid(.scientificNotation("1.77572E+10"))),
            ])
    }

    @Test func pastedListsGetAVerdictPerLine() throws {
        let lines = NumberListParser.parse(
            """
            phone,label
            (312) 555-0134,front desk
            312.555.0134,again
            +44 20 7123 4567,london

            # a comment
            "773-555-0199";"sales"
            """)
        // The header row has no digits and is skipped, as are the blank line and the comment.
        #expect(lines.map(\.lineNumber) == [2, 3, 4, 7])
        #expect(lines[0].verdict == .number(try USPhoneNumber("3125550134")))
        #expect(lines[1].verdict == .duplicate(of: try USPhoneNumber("3125550134"), firstLine: 2))
        #expect(lines[2].verdict == .invalid(.notNorthAmerican(countryCode: "44")))
        #expect(NumberListParser.parse("call 1-800-FLOWERS").first?.verdict == .invalid(.letters))
        #expect(NumberListParser.numbers(in: lines).map(\.e164) == ["+13125550134", "+17735550199"])
    }

    /// Real files and pastes: every script's digits, every dash and space, `tel:` URIs, and what
    /// spreadsheets do to numbers.
    @Test(arguments: [
        "（３１２）５５５－０１３４", "+１ ３１２ ５５５ ０１３４", "٣١٢٥٥٥٠١٣٤", "۳۱۲۵۵۵۰۱۳۴", "३१२५५५०१३४",
        "312–555–0134", "312—555—0134", "312−555−0134", "312‐555‐0134", "312‒555‒0134", "312﹣555﹣0134",
        "312\u{2009}555\u{2009}0134", "312\u{00A0}555\u{00A0}0134", "312\u{202F}555\u{202F}0134", "312\u{00AD}555\u{200B}0134",
        "tel:+1-312-555-0134", "TEL:+13125550134;phone-context=example.com",
        "13125550134.0", "3125550134.00", "'3125550134", "=\"3125550134\"", "='3125550134'".replacingOccurrences(of: "'", with: "\""),
    ])
    func realWorldWritingsNormalise(_ text: String) throws {
        #expect(try USPhoneNumber(text).e164 == "+13125550134")
    }

    @Test func realWorldProblemsAreNamedForWhatTheyAre() {
        func problem(_ text: String) -> USPhoneNumber.Problem? {
            do {
                _ = try USPhoneNumber(text)
                return nil
            } catch { return error }
        }
        #expect(problem("1.77572E+10") == .scientificNotation("1.77572E+10"))
        #expect(
            problem("1.77572E+10")?.description
                == "was turned into scientific notation (1.77572E+10) by a spreadsheet, which lost its last digits; format the column as text and export again"
        )
        #expect(problem("tel:+1-312-555-0134;ext=1234") == .extensionGiven)
        #expect(problem("312 555 0134 ✓") == .unexpectedCharacter("✓"))
        #expect(problem("312*555*0134") == .unexpectedCharacter("*"))
        #expect(problem("312–555–0134 call") == .letters, "letters only when there are letters")
        #expect(problem("19049610048.5") == .wrongLength(digits: 12), "only a float's zero fraction is spreadsheet damage")
    }
}
