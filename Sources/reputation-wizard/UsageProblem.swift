import ArgumentParser
import Foundation
import Onboarding

/// A command line that names something that is not there (an unknown `--id`, several
/// onboardings and none chosen): said in full on stderr, without the usage text, and exit 64
/// (`EX_USAGE`), as a malformed command line.
enum UsageProblem {
    /// Prints the message and stops the command with exit code 64.
    static func stop(_ message: String) -> ExitCode {
        // Ids and paths typed by a person (or a script) may carry escape sequences too.
        Output.say("\(RemoteText.sanitizedLines(message))\n")
        return ExitCode(64)
    }

    /// A request the onboarding cannot take now (a number Telnyx does not ask about or that is
    /// not monitored, reputation not enabled, a call purpose too long): the state machine's
    /// words on stderr and exit 10, as the run's "input needed", not 64 (the command line was
    /// well formed).
    static func refused(_ message: String) -> ExitCode {
        Output.say("\(RemoteText.sanitizedLines(message))\n")
        return ExitCode(10)
    }
}
