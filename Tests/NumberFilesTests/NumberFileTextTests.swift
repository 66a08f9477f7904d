import Foundation
import Onboarding
import Testing

/// Numbers files as spreadsheets, dialers and CRMs export them.
@Suite struct NumberFileTextTests {
    let lines = "# exported\n(312) 555-0134\n312.555.0135\n"

    @Test func everyCommonEncodingAndLineEndReadsTheSame() throws {
        let crlf = lines.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = lines.replacingOccurrences(of: "\n", with: "\r")
        var utf16LE = Data([0xFF, 0xFE])
        utf16LE.append(crlf.data(using: .utf16LittleEndian)!)
        var utf16BE = Data([0xFE, 0xFF])
        utf16BE.append(crlf.data(using: .utf16BigEndian)!)
        let withMark = Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8))
        for data in [Data(lines.utf8), Data(crlf.utf8), Data(cr.utf8), withMark, utf16LE, utf16BE] {
            #expect(try NumberFileText.decode(data).get() == lines)
        }
        // Counted as the file's editor counts them: a CRLF file has as many lines as an LF one.
        let parsed = NumberListParser.parse(try NumberFileText.decode(Data(crlf.utf8)).get())
        #expect(parsed.map(\.lineNumber) == [2, 3])
        #expect(NumberListParser.numbers(in: parsed).map(\.e164) == ["+13125550134", "+13125550135"])
    }

    @Test func whatIsNotTextIsRefusedByName() {
        let utf16WithoutMark = lines.data(using: .utf16LittleEndian)!
        #expect(NumberFileText.decode(utf16WithoutMark) == .failure(.utf16WithoutMark))
        #expect(NumberFileText.decode(Data([0x33, 0x31, 0x32, 0xE9, 0xFF, 0x0A])) == .failure(.notText(line: 1)))
        // Latin-1 "Café" on line 3.
        #expect(NumberFileText.decode(Data("Name\n3125550134\nCaf".utf8) + Data([0xE9, 0x0A])) == .failure(.notText(line: 3)))
        #expect(
            NumberFileText.Problem.notText(line: 3).description
                == "is not UTF-8 or UTF-16 text (line 3 holds the first byte that is not; Latin-1 or Windows-1252, say); save it as “CSV UTF-8” and try again"
        )
    }
}
