import Foundation

/// The text of a numbers file as spreadsheets and exports write it: a UTF-8 byte-order mark
/// ignored, UTF-16 with its mark (Excel's "Unicode Text") decoded, and CRLF, LF and bare CR
/// line ends all read as one line end, so lines are counted as the file's editor counts them.
public enum NumberFileText {
    /// Why the bytes cannot be read as text, with the fix.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case utf16WithoutMark
        /// `line` holds the first byte that is not UTF-8 (1-based).
        case notText(line: Int)

        public var description: String {
            switch self {
            case .utf16WithoutMark:
                "looks like UTF-16 text without a byte-order mark; save it as “CSV UTF-8” (or UTF-16 with its mark) and try again"
            case .notText(let line):
                "is not UTF-8 or UTF-16 text (line \(line) holds the first byte that is not; Latin-1 or Windows-1252, say); save it as “CSV UTF-8” and try again"
            }
        }
    }

    /// The file's text with `\n` line ends.
    public static func decode(_ data: Data) -> Result<String, Problem> {
        let bytes = [UInt8](data)
        let text: String?
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(bytes: bytes.dropFirst(3), encoding: .utf8)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            text = String(bytes: bytes.dropFirst(2), encoding: .utf16LittleEndian)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            text = String(bytes: bytes.dropFirst(2), encoding: .utf16BigEndian)
        } else {
            // Every other byte NUL: UTF-16 that lost its mark.
            let nuls = bytes.prefix(512).filter { $0 == 0 }.count
            if bytes.count >= 4, nuls * 3 >= min(bytes.count, 512) { return .failure(.utf16WithoutMark) }
            text = String(bytes: bytes, encoding: .utf8)
        }
        guard let text else { return .failure(.notText(line: firstInvalidLine(bytes))) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// The line (1-based, `\n` counted) of the first byte that does not decode as UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var lines = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { lines += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return lines
    }
}
