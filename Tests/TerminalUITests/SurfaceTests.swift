import Onboarding
import Testing

@testable import TerminalUI

@Suite struct SurfaceTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var surface = Surface(width: 6, height: 1)
        #expect(surface.put("日本語", x: 0, y: 0) == 6)
        #expect(surface.lines == ["日本語"])
        var narrow = Surface(width: 5, height: 1)
        narrow.put("日本語", x: 0, y: 0)
        #expect(narrow.lines == ["日本"], "half a wide character is never drawn")
    }

    @Test func onlyChangedRowsAreRedrawn() {
        var first = Surface(width: 10, height: 3)
        first.put("a", x: 0, y: 0)
        var second = first
        second.put("b", x: 0, y: 2)
        #expect(second.changedRows(since: first) == [2])
        #expect(second.changedRows(since: second) == [])
        #expect(second.changedRows(since: Surface(width: 9, height: 3)) == [0, 1, 2])
    }

    @Test func remoteTextCannotDriveTheTerminal() {
        let hostile = "Rejected\u{1B}[2J\u{1B}]0;pwned\u{07} now\u{9B}31m\tred\u{202E}evil\r\n"
        #expect(RemoteText.sanitized(hostile) == "Rejected now redevil  ")
    }
}
