import Foundation
import TerminalUI
import Testing

@testable import WizardRuntime

/// A long bracketed paste is handled a frame's worth at a time, each piece ending after a line
/// break, so the list is drawn as it goes in and nothing of it is lost or split mid-line.
@Suite struct PastePiecesTests {
    @Test func aLongPasteIsCutAtLineBreaksIntoFrameSizedPieces() {
        let text = (0..<10_000).map { String(format: "+1312555%04d\r\n", $0) }.joined()
        let pieces = WizardRuntime.pieces(of: text)
        #expect(pieces.joined() == text)
        #expect(pieces.allSatisfy { $0.unicodeScalars.count <= WizardRuntime.keysPerFrame })
        #expect(pieces.allSatisfy { $0.hasSuffix("\r\n") })
        #expect(pieces.count == 10_000 * 14 / (WizardRuntime.keysPerFrame / 14 * 14) + 1)
        #expect(WizardRuntime.pieces(of: "312 555 0134") == ["312 555 0134"])
    }
}

/// A window too small to draw the wizard shows only how to enlarge it: keys pressed meanwhile
/// act on nothing (a `y` there once confirmed a refresh nobody could see), except quitting.
@Suite struct TooSmallWindowTests {
    @Test func onlyQuittingIsReadInAWindowTooSmall() {
        let keys: [Key] = [.character("R"), .character("y"), .paste("y"), .enter, .character("q"), .control("q")]
        #expect(WizardRuntime.keysRead(keys, width: 79, height: 24) == [.character("q"), .control("q")])
        #expect(WizardRuntime.keysRead(keys, width: 80, height: 23) == [.character("q"), .control("q")])
        #expect(WizardRuntime.keysRead(keys, width: 80, height: 24) == keys)
    }
}
