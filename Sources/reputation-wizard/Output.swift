import CProcessGuard
import Foundation
import Onboarding
import TerminalUI

/// What commands print for scripts.
enum Output {
    /// Writes `text` to stderr as it is (callers end it with a newline). A closed pipe (`run
    /// … 2>&1 | head -1`) loses the text instead of stopping the command mid-effect: SIGPIPE is
    /// ignored (see `ReputationWizard.main`) and a failed write is not an error.
    static func say(_ text: String) {
        let bytes = Array((asciiOnly ? ASCIIStandIn.text(text) : text).utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// Writes a line for people to stdout: in ASCII under a locale that is not UTF-8 (JSON is
    /// printed as it is: it is data, not text for a terminal).
    static func line(_ text: String) {
        print(asciiOnly ? ASCIIStandIn.text(text) : text)
    }

    /// Flushes stdout and says whether everything printed so far reached it (false for a full
    /// disk, a closed file…): a report that did not get out must not be marked read.
    static func flushedStandardOutput() -> Bool { cpg_stdout_flushed() != 0 }

    /// Under a locale that is not UTF-8 (`LANG=C`) messages are written in ASCII (`…` as `...`).
    static let asciiOnly = !ASCIIStandIn.localeIsUTF8(ProcessInfo.processInfo.environment)

    /// `value` as pretty JSON with snake_case keys as encoded, ISO 8601 dates, and every
    /// character a terminal would act on escaped (`\u001b` by the encoder; DEL, C1 controls and
    /// bidirectional overrides here, which the encoder leaves raw).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return escapingHiddenControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Such characters can only stand inside JSON strings, where `\uXXXX` means the same.
    static func escapingHiddenControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: RemoteText.isHiddenControl) else { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if RemoteText.isHiddenControl(scalar) {
                escaped.append(contentsOf: String(format: "\\u%04X", scalar.value).unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
