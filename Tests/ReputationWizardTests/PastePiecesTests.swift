import Foundation
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
