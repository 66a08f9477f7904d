import CNcursesw
import Foundation

/// The real terminal, through libncursesw: wide characters under the user's locale, colours
/// unless `NO_COLOR` is set, a short Esc delay so Esc works as Back, only changed rows redrawn,
/// and the terminal restored on every exit path.
public final class NcursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart(term: String)

        public var description: String {
            switch self {
            case .notATerminal: "The full-screen wizard needs a terminal; use `run --non-interactive --answers FILE` in scripts."
            case .cannotStart(let term): "The terminal type “\(term)” is unknown to ncurses; try TERM=xterm-256color."
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private var previous: Surface?
    /// The locale cannot show what is not ASCII (`LANG=C`, `LC_ALL=POSIX`): every symbol is
    /// drawn with its ASCII stand-in (`Surface.asciiOnly`).
    public let asciiOnly: Bool
    private var ended = false

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
        cn_set_locale()
        asciiOnly = !Self.localeIsUTF8(String(cString: cn_codeset()))
        // Drawn in ASCII, but typed and pasted text is still read whole: a terminal under
        // LANG=C almost always sends UTF-8, and the C locale would cut `Café` at the `é`.
        if asciiOnly { _ = cn_read_keys_as_utf8() }
        TerminalRestoration.saveOriginalSettings()
        // newterm, unlike initscr, reports failure instead of exiting the process.
        guard let screen = cn_newterm() else { throw StartError.cannotStart(term: environment["TERM"] ?? "") }
        self.screen = screen
        window = cn_stdscr()!
        raw()  // Ctrl-Q, Ctrl-S and Ctrl-C reach the wizard as keys (no flow control, quit handled in place)
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        // Bracketed paste: a paste arrives between ESC [200~ and ESC [201~, read as one `.paste`.
        Self.writeRaw(Self.bracketedPasteOn)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            let foregrounds: [ColorRole: Int32] = [
                .good: COLOR_GREEN, .warning: COLOR_YELLOW, .danger: COLOR_RED, .accent: COLOR_CYAN,
                .muted: COLOR_BLUE, .sandbox: COLOR_MAGENTA,
            ]
            for (role, color) in foregrounds { init_pair(Int16(role.rawValue), Int16(color), -1) }
        }
        TerminalRestoration.installHandlers {
            endwin()
            TerminalRestoration.restoreAfterCrash()
        }
    }

    public var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    /// Whether the terminal `TERM` names can address the cursor (terminfo's `cup`); an unknown
    /// or dumb terminal cannot, and gets the plain renderer.
    public static var canAddressCursor: Bool { cn_has_cursor_addressing() != 0 }

    /// Whether a codeset name (`nl_langinfo(CODESET)`) is UTF-8 (`UTF-8`, `utf8`).
    static func localeIsUTF8(_ codeset: String) -> Bool {
        codeset.lowercased().filter { $0 != "-" } == "utf8"
    }

    public func show(_ surface: Surface) {
        let surface = asciiOnly ? surface.asciiOnly() : surface
        let rows = surface.changedRows(since: previous)
        for row in rows { draw(row: row, of: surface) }
        previous = surface
        if !rows.isEmpty { wrefresh(window) }
    }

    private func draw(row: Int, of surface: Surface) {
        wmove(window, Int32(row), 0)
        var column = 0
        while column < surface.width {
            let style = surface[column, row].style
            var run = ""
            var end = column
            while end < surface.width && surface[end, row].style == style {
                run += surface[end, row].text
                end += 1
            }
            apply(style)
            // The last cell of the screen is written without moving past it (no scroll).
            let bytes = row == surface.height - 1 && end == surface.width ? String(run.dropLast()) : run
            waddnstr(window, bytes, -1)
            column = end
        }
        apply(.plain)
    }

    private func apply(_ style: Style) {
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.dim && !colors { attributes |= cn_a_dim() }
        if style.underline { attributes |= cn_a_underline() }
        let pair = colors ? Int16(style.color?.rawValue ?? 0) : 0
        wattr_set(window, attributes, pair, nil)
    }

    /// Polls standard input and the wake-up pipe together; a resize writes to the pipe too
    /// (`cn_wake_on_resize`), so the frame is redrawn at the new size without a key.
    public func waitForInput(timeoutMilliseconds: Int?, wake: WakeUp) {
        if resizeWake !== wake {
            resizeWake = wake
            _ = cn_wake_on_resize(wake.fileDescriptorToSignal)
        }
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: timeoutMilliseconds ?? -1))
        wake.drain()
    }

    /// The pipe a resize writes to, once the loop has given one.
    private var resizeWake: WakeUp?

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == cn_err() { return nil }
        if result == cn_key_code_yes() { return Self.functionKey(Int32(character)) }
        switch character {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return escapeOrSequence()
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(character) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Esc alone is `.escape`; Esc with a control sequence ncurses does not know right behind it
    /// (`\e[31m`, `\e]0;title\a`, a paste's `\e[200~`) is read whole and dropped, so text
    /// pasted with colours in it neither closes a box nor runs the rest as keys.
    private func escapeOrSequence() -> Key? {
        wtimeout(window, 0)
        var next: wint_t = 0
        let result = wget_wch(window, &next)
        if result == cn_err() { return .escape }
        if result == cn_key_code_yes() {
            // A key ncurses knows came right after: Esc, then that key on the next read.
            _ = ungetch(Int32(bitPattern: next))
            return .escape
        }
        switch next {
        case 0x5B:  // CSI: parameters and intermediates up to a final byte @…~
            var parameters = ""
            while wget_wch(window, &next) != cn_err(), !(0x40...0x7E).contains(next) {
                if let scalar = Unicode.Scalar(UInt32(next)) { parameters.unicodeScalars.append(scalar) }
            }
            if parameters == "200" && next == 0x7E { return .paste(readPaste()) }
            return nil
        case 0x5D:  // OSC: up to BEL or ESC \
            while wget_wch(window, &next) != cn_err(), next != 0x07 {
                if next == 27 {
                    _ = wget_wch(window, &next)
                    break
                }
            }
            return nil
        default:
            // Alt with a key, or Esc typed before another key: Esc now, the key next.
            _ = unget_wch(wchar_t(bitPattern: next))
            return .escape
        }
    }

    /// Turns the terminal's bracketed paste on and off (xterm's mode 2004; terminals without it
    /// ignore both).
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    static func writeRaw(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// A paste's text, up to ESC [201~ (or a pause of a second, should the end never come).
    private func readPaste() -> String {
        wtimeout(window, 1000)
        var text = ""
        var next: wint_t = 0
        let end = Array("\u{1B}[201~".unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        while case let result = wget_wch(window, &next), result != cn_err() {
            // A key ncurses decoded inside the paste (an arrow's sequence) is not text.
            guard result != cn_key_code_yes(), let scalar = Unicode.Scalar(UInt32(next)) else { continue }
            scalars.append(scalar)
            if scalars.count >= end.count, Array(scalars.suffix(end.count)) == end {
                scalars.removeLast(end.count)
                break
            }
        }
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case cn_key_f0() + 1...cn_key_f0() + 12: return .function(Int(code - cn_key_f0()))
        default: return nil
        }
    }

    public func restore() {
        guard !ended else { return }
        ended = true
        Self.writeRaw(Self.bracketedPasteOff)
        endwin()
        delscreen(screen)
    }
}
