import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the terminal back on every way out: normal exit, SIGINT, SIGTERM, SIGHUP, and a crash
/// (the crash path only writes bytes and resets termios, which is safe inside a signal handler).
enum TerminalRestoration {
    // Written once before ncurses starts and read by the crash handler, which can capture nothing.
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// Remembers the terminal's settings as they are before the wizard changes anything.
    static func saveOriginalSettings() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
    }

    /// `restore` runs for SIGINT, SIGTERM and SIGHUP, then the process exits 128 + signal.
    static func installHandlers(restore: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                restore()
                exit(128 + signalNumber)
            }
            source.resume()
            signalSources.append(source)
        }
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(signalNumber) { number in
                TerminalRestoration.restoreAfterCrash()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Leaves the alternate screen, shows the cursor, resets attributes and the line discipline.
    static func restoreAfterCrash() {
        let reset: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?2004l\u{1B}[?1049l\r\n".utf8)
        _ = reset.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }
}
