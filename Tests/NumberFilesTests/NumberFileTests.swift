import Foundation
import NumberFiles
import Onboarding
import Testing

/// Numbers files as carrier portals, dialers, CRMs and spreadsheets export them.
@Suite struct NumberFileTests {
    typealias Line = NumberListParser.Line
    let n = { (text: String) in try! USPhoneNumber(text) }

    @Test func aCRLFExportWithAHeadingQuotedCellsAndSpreadsheetDamage() throws {
        let lines = [
            "Name,Phone,Notes",
            "\"Acme, Inc.\",(904) 961-0048,\"two",
            "lines\"",
            "",
            "Bob,'7757190590,",
            "Carol,\"=\"\"9049610048\"\"\",dup",
            "Dan,=\"3125550134\",",
            "Eve,1.77572E+10,",
            "Fay,,no number",
            "Gus,19049610049.0,",
        ]
        let file = lines.joined(separator: "\r\n") + "\r\n"
        let read = try NumberFile.read(Data(file.utf8)).get()
        let phone = NumberColumn(index: 2, heading: "Phone")
        #expect(read.delimiter == .comma)
        #expect(read.heading?.line == 1)
        #expect(read.column == phone)
        #expect(
            read.lines == [
                Line(lineNumber: 2, column: phone, text: "(904) 961-0048", verdict: .number(n("9049610048"))),
                Line(lineNumber: 5, column: phone, text: "'7757190590", verdict: .number(n("7757190590"))),
                Line(lineNumber: 6, column: phone, text: "=\"9049610048\"", verdict: .duplicate(of: n("9049610048"), firstLine: 2)),
                Line(lineNumber: 7, column: phone, text: "=\"3125550134\"", verdict: .number(n("3125550134"))),
                Line(lineNumber: 8, column: phone, text: "1.77572E+10", verdict: .invalid(.scientificNotation("1.77572E+10"))),
                Line(lineNumber: 9, column: phone, text: "", verdict: .invalid(.empty)),
                Line(lineNumber: 10, column: phone, text: "19049610049.0", verdict: .number(n("9049610049"))),
            ])
        #expect(read.lines[0].place == "line 2, column 2 (Phone)")
    }

    @Test func semicolonAndTabFilesAreDetected() throws {
        let semicolon = NumberFile.read("Kunde;Rufnummer;Wert\nA;312-555-0134;12,5\nB;312-555-0135;3,0\n")
        #expect(semicolon.delimiter == .semicolon)
        #expect(semicolon.column == NumberColumn(index: 2, heading: "Rufnummer"))
        #expect(NumberListParser.numbers(in: semicolon.lines).map(\.e164) == ["+13125550134", "+13125550135"])

        let tab = NumberFile.read("DID\tCampaign\n3125550134\tspring\n3125550135\tfall\n")
        #expect(tab.delimiter == .tab)
        #expect(tab.column == NumberColumn(index: 1, heading: "DID"))
        #expect(tab.lines.map(\.lineNumber) == [2, 3])
    }

    @Test func theHeadingNamesTheColumnNotTheFirstCellWithADigit() {
        let read = NumberFile.read("id,room,Caller ID\n17,204,3125550134\n18,2041,3125550135\n")
        #expect(read.column == NumberColumn(index: 3, heading: "Caller ID"))
        #expect(NumberListParser.numbers(in: read.lines).map(\.e164) == ["+13125550134", "+13125550135"])
        // The named column is read even where it is wrong: never another column's digits.
        let wrong = NumberFile.read("ref,phone_number\n3125550134,call later\n")
        #expect(
            wrong.lines == [
                Line(
                    lineNumber: 2, column: NumberColumn(index: 2, heading: "phone_number"), text: "call later", verdict: .invalid(.letters))
            ])
    }

    @Test func everyKnownHeadingNameIsRecognisedInOneAndManyColumns() {
        for heading in ["Phone", "phone_number", "PHONE NUMBER", "Number", "caller id", "Caller-ID", "DID", "tn", "TN ", "Telephone"] {
            let one = NumberFile.read("\(heading)\n3125550134\n")
            #expect(one.heading?.line == 1, "\(heading)")
            #expect(one.lines == [Line(lineNumber: 2, text: "3125550134", verdict: .number(n("3125550134")))], "\(heading)")
            let many = NumberFile.read("Account,\(heading)\n42,3125550134\n")
            #expect(many.column == NumberColumn(index: 2, heading: heading.trimmingCharacters(in: .whitespaces)), "\(heading)")
        }
    }

    @Test func withoutAHeadingTheColumnWhereMostRowsAreNumbers() {
        let read = NumberFile.read("17,3125550134,x\n18,3125550135,y\n19,bad,z\n")
        #expect(read.heading == nil)
        #expect(read.column == NumberColumn(index: 2))
        #expect(read.lines.map(\.place) == ["line 1, column 2", "line 2, column 2", "line 3, column 2"])
        #expect(read.lines[2].verdict == .invalid(.letters))
    }

    @Test func aOneColumnListKeepsItsLineNumbersQuotesAndComments() {
        let read = NumberFile.read("# from the portal, 2026\n\"(312) 555-0134\"\n\n312.555.0135\n904-961-0048, 775-719-0590\n")
        #expect(read.delimiter == nil)
        #expect(read.column == nil)
        #expect(
            read.lines == [
                Line(lineNumber: 2, text: "(312) 555-0134", verdict: .number(n("3125550134"))),
                Line(lineNumber: 4, text: "312.555.0135", verdict: .number(n("3125550135"))),
                Line(lineNumber: 5, text: "904-961-0048, 775-719-0590", verdict: .invalid(.severalNumbers(2))),
            ])
    }

    @Test func anUnclosedQuoteIsNamedWithTheLinesItSwallowed() {
        let read = NumberFile.read("name,phone\nA,\"3125550134\nB,3125550135\nC,3125550136\n")
        #expect(
            read.lines == [
                Line(
                    lineNumber: 2, column: NumberColumn(index: 2, heading: "phone"), text: "3125550134",
                    verdict: .invalid(.unclosedQuote(lastLine: 4)))
            ])
        #expect(
            USPhoneNumber.Problem.unclosedQuote(lastLine: 4).description
                == "opens a quote (\") that is not closed, so every line to line 4 was read as one cell; close the quote or remove it")
    }

    /// The quote opens in another column than the numbers: named there, not "is empty".
    @Test func anUnclosedQuoteInAnotherColumnIsNamed() {
        let read = NumberFile.read("Name,Phone\n\"Smith, John,(775) 719-0590\nJane,904.961.0048\n")
        #expect(
            read.lines == [
                Line(
                    lineNumber: 2, column: NumberColumn(index: 1, heading: "Name"), text: "Smith, John,(775) 719-0590",
                    verdict: .invalid(.unclosedQuote(lastLine: 3)))
            ])
    }

    /// A `tel:` URI's `;ext=` is not a semicolon delimiter: the extension is refused.
    @Test func telURIParametersAreNotDelimiters() {
        let read = NumberFile.read("tel:+1-320-937-3870;ext=12\ntel:+1-312-555-0134\n")
        #expect(read.delimiter == nil)
        #expect(read.lines.map(\.verdict) == [.invalid(.extensionGiven), .number(n("3125550134"))])
        #expect(NumberListParser.reading(of: "tel:+1-320-937-3870;ext=12") == .invalid(.extensionGiven))
    }

    @Test func twoNumbersInOneCellAreSaidToBeTwo() {
        let read = NumberFile.read("Name,Phone\nAcme,\"(775) 719-0590, (904) 961-0048\"\n")
        #expect(read.lines.map(\.verdict) == [.invalid(.severalNumbers(2))])
    }

    /// An unclosed quote in another column than the numbers swallows the rest of the file: it is
    /// named where it opens, never taken as a file of one number.
    @Test func anUnclosedQuoteAfterTheNumberIsNamedWhereItOpens() {
        let read = NumberFile.read("Phone,Name\n+17757190590,\"oops\n+19049610048,x\n+17167336520,y\n")
        #expect(
            read.lines == [
                Line(
                    lineNumber: 2, column: NumberColumn(index: 2, heading: "Name"), text: "oops",
                    verdict: .invalid(.unclosedQuote(lastLine: 4)))
            ])
    }

    /// A quoted cell that spans lines, before the number or as the number.
    @Test func cellsSpanningLinesAreCountedAsTheFileCountsThem() {
        let before = NumberFile.read("Note,Phone\n\"a\nb\nc\",3125550134\n3125550135 note,3125550135\n")
        #expect(before.lines.map(\.lineNumber) == [4, 5])
        let inside = NumberFile.read("Name,Phone\nA,\"+1775\n7190590\"\n")
        #expect(
            inside.lines == [
                Line(
                    lineNumber: 2, column: NumberColumn(index: 2, heading: "Phone"), text: "+1775",
                    verdict: .invalid(.unexpectedCharacter("U+000A")))
            ])
    }

    @Test func anotherColumnOfNumbersIsSaid() {
        let read = NumberFile.read("Phone,Phone\n+17757190590,+19049610048\n+13125550134,+13125550135\n")
        #expect(read.column == NumberColumn(index: 1, heading: "Phone"))
        #expect(read.otherNumberColumns == [NumberColumn(index: 2, heading: "Phone")])
        #expect(
            read.otherColumnsNote
                == "column 2 (Phone) also holds numbers; only column 1 (Phone) is read (put every number in one column to add them all)")
        #expect(NumberFile.read("Name,Phone,Room\nA,3125550134,204\n").otherNumberColumns == [])
    }

    /// Spreadsheet damage undone in a one-column file too, and scientific notation named.
    @Test func spreadsheetDamageInAOneColumnFile() {
        let read = NumberFile.read("Phone\n19049610048.0\n'7757190590\n=\"3125550134\"\n1.77572E+10\n")
        #expect(read.column == nil)
        #expect(
            read.lines == [
                Line(lineNumber: 2, text: "19049610048.0", verdict: .number(n("9049610048"))),
                Line(lineNumber: 3, text: "'7757190590", verdict: .number(n("7757190590"))),
                Line(lineNumber: 4, text: "=\"3125550134\"", verdict: .number(n("3125550134"))),
                Line(lineNumber: 5, text: "1.77572E+10", verdict: .invalid(.scientificNotation("1.77572E+10"))),
            ])
    }
}

/// What the wizard writes for spreadsheets.
@Suite struct SpreadsheetCSVTests {
    @Test func numbersStayTextAndTextThatLooksLikeAFormulaIsShownNotRun() throws {
        let bytes = try SpreadsheetCSV.bytes(
            header: ["phone_number", "note", "score"],
            rows: [
                [.phoneNumber("+13125550134"), .text("=HYPERLINK(\"http://x\")"), .integer(7)],
                [.phoneNumber("+13125550135"), .text("a, \"quoted\"\nline"), .integer(nil)],
                [.phoneNumber("+13125550136"), .text("-5 @home +1"), .integer(100)],
            ])
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "\u{FEFF}phone_number,note,score\r\n"
                + "\"=\"\"+13125550134\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\",7\r\n"
                + "\"=\"\"+13125550135\"\"\",\"a, \"\"quoted\"\"\nline\",\r\n"
                + "\"=\"\"+13125550136\"\"\",'-5 @home +1,100\r\n")
    }
}

@Suite struct SpreadsheetPathTests {
    @Test func aPathThatCannotBeWrittenIsSaidBeforeAnyWork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SpreadsheetCSV.problem(writingTo: folder.appendingPathComponent("w.csv").path) == nil)
        #expect(SpreadsheetCSV.problem(writingTo: "-") == nil)
        #expect(SpreadsheetCSV.problem(writingTo: folder.path) == "\(folder.path) is a folder; give a file's path")
        let missing = folder.appendingPathComponent("nodir/w.csv").path
        #expect(
            SpreadsheetCSV.problem(writingTo: missing)
                == "\(missing) cannot be written: the folder \(folder.appendingPathComponent("nodir").path) does not exist")
    }
}

@Suite struct SpreadsheetSpecialFileTests {
    @Test func aLinkIsFollowedAndADeviceIsWrittenIntoNeverReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv")
        let link = folder.appendingPathComponent("link.csv")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        try SpreadsheetCSV.write(Array("a,b\r\n".utf8), to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path, "the link stays a link")
        #expect(try String(contentsOf: target, encoding: .utf8) == "a,b\r\n")
        try SpreadsheetCSV.write(Array("x\r\n".utf8), to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
        #expect(SpreadsheetCSV.problem(writingTo: "") == "is empty; give a file's path")
        #expect(SpreadsheetCSV.problem(writingTo: "/proc/x.csv")?.hasPrefix("/proc/x.csv cannot be written: ") == true)
    }
}
