import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// ^O at step 7: a file's numbers join the list, each remembering its file line and column.
@Suite struct LoadNumbersFileTests {
    func atStep7() -> WizardModel {
        model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
    }

    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aCRLFExportWithAHeadingJoinsTheList() throws {
        let path = try file("Name,Phone,Room\r\nAcme,(312) 555-0134,204\r\n\r\nBolt,,9\r\nCoil,1.77572E+10,7\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var wizard = atStep7()
        wizard.numberLines = ["3125550100"]
        _ = press(Key.typing(path) + [.control("o")], &wizard)
        let name = (path as NSString).lastPathComponent
        #expect(wizard.numberLines == ["3125550100", "(312) 555-0134", "1.77572E+10"])
        let phone = NumberColumn(index: 2, heading: "Phone")
        #expect(
            wizard.numberLineOrigins == [
                1: NumberLineOrigin(file: name, lineNumber: 2, column: phone),
                2: NumberLineOrigin(file: name, lineNumber: 5, column: phone),
            ])
        #expect(wizard.notice == "Loaded 2 lines of \(name) from column 2 (Phone); nothing in that column on line 4.")
        #expect(wizard.loadProblem == nil)
        #expect(wizard.numbersText.text == "")
        // Backspace on the empty line takes the last loaded line back, and its origin with it.
        _ = press([.backspace], &wizard)
        #expect(wizard.numberLineOrigins == [1: NumberLineOrigin(file: name, lineNumber: 2, column: phone)])
    }

    @Test func whatCannotBeLoadedIsSaidWhereThePersonLooks() throws {
        var wizard = atStep7()
        _ = press(Key.typing("/tmp") + [.control("o")], &wizard)
        #expect(wizard.loadProblem == "Load file: /tmp is a directory; give the path of a file in it. Nothing was loaded.")
        #expect(wizard.numberLines.isEmpty)
        let expected = """
             Telnyx Number Reputation · Acme Widgets Inc   SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Step 7 of 9 · Add numbers
                                        │
             ✓ 2 Enterprise             │ Type or paste US numbers, one per line, in any
                                        │ common writing; or ^O to load a CSV or text file.
             ✓ 3 Letter of authorization│ Reading your inventory…
                                        │
             ✓ 4 Sign and upload        │ /tmp                    a path: ^O loads it
                                        │
             ✓ 5 Enable reputation      │ ! Load file: /tmp is a directory; give the path
                                        │ of a file in it. Nothing was loaded.
             ✓ 6 Telnyx review          │ 0 to add in 0 batches of up to 100 · $0.00
                                        │ F2 asks before anything is billed.
             ▶ 7 Add numbers            │
                 current                │
               8 Check reputation       │
                                        │
               9 Manage                 │
                                        │
                                        │
            ✓ done ▶ now … waiting ! fix│

             Enter new line  F2 add  F3 inventory  ^O file  ^Q quit  F1 help
            """
        #expect(screen(wizard) == expected)
        // The next key clears it.
        _ = press([.character("x")], &wizard)
        #expect(wizard.loadProblem == nil)

        let unclosed = try file("Name,Phone\n\"Smith, John,(775) 719-0590\nJane,904.961.0048\n")
        defer { try? FileManager.default.removeItem(atPath: unclosed) }
        var again = atStep7()
        _ = press(Key.typing(unclosed) + [.control("o")], &again)
        let name = (unclosed as NSString).lastPathComponent
        #expect(
            again.loadProblem
                == "Load file: \(name) line 2, column 1 (Name) opens a quote (\") that is not closed, so every line to line 3 was read as one cell; close the quote or remove it. Nothing was loaded."
        )
        #expect(again.numberLines.isEmpty)
    }
}
