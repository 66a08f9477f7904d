import Foundation
import Testing
import Onboarding

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
            do { _ = try USPhoneNumber(text); return nil } catch { return error }
        }
        #expect(problem("") == .empty)
        #expect(problem("1-800-FLOWERS") == .letters)
        #expect(problem("312 555 0134 x12") == .extensionGiven)
        #expect(problem("555-0134") == .wrongLength(digits: 7))
        #expect(problem("+44 20 7123 4567") == .notNorthAmerican(countryCode: "44"))
        #expect(problem("011 44 20 7123 4567") == .notNorthAmerican(countryCode: "44"))
        #expect(problem("(112) 555-0134") == .invalidAreaCode("112"))
        #expect(problem("(911) 555-0134") == .invalidAreaCode("911"))
        #expect(problem("(312) 055-0134") == .invalidExchange("055"))
        #expect(problem("(416) 555-0134") == .otherNANPCountry(areaCode: "416", country: "Canada"))
        #expect(problem("(876) 555-0134") == .otherNANPCountry(areaCode: "876", country: "Jamaica"))
        #expect(problem("(800) 555-0134") == .tollFree(areaCode: "800"))
        #expect(problem("(787) 555-0134") == nil, "Puerto Rico is in the US")
        #expect(USPhoneNumber.Problem.otherNANPCountry(areaCode: "416", country: "Canada").description.contains("only US numbers"))
    }

    @Test func pastedListsGetAVerdictPerLine() throws {
        let lines = NumberListParser.parse("""
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
}
