import Foundation
import TelnyxAPI

/// What a key file must be: one key on one line, readable by its owner only (as ssh asks of
/// private keys).
enum KeyFileCheck {
    /// The key of the file's one non-empty line.
    /// - Throws: `UsageProblem` naming the file when it holds no key, more than one non-empty
    ///   line, or characters a header cannot carry. The file's text is never echoed.
    static func key(in data: Data, named name: String) throws -> APIKey {
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count <= 1 else {
            throw UsageProblem.stop(
                "--api-key-file \(name) has \(lines.count) non-empty lines; it must hold the API key alone, on one line.")
        }
        guard let line = lines.first, let key = APIKey(line) else {
            throw UsageProblem.stop(
                "--api-key-file \(name) does not hold an API key (empty, or with spaces or characters a header cannot carry).")
        }
        return key
    }

    /// A warning when group or others may read the file; nil when only its owner can.
    static func permissionWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value, mode & 0o077 != 0
        else { return nil }
        return
            "Warning: --api-key-file \(path) can be read by others (mode \(String(mode & 0o777, radix: 8))); make it private with `chmod 600 \(path)`."
    }
}
