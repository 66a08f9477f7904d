import ArgumentParser
import Foundation
import Onboarding
import Testing

@testable import reputation_wizard

/// What the command does with keys, ids and text from Telnyx, before anything is sent.
@Suite struct SecurityTests {
    func keyFile(_ text: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        return path
    }

    @Test func aKeyFileHoldsOneKeyOnOneLine() throws {
        #expect(try KeyFileCheck.key(in: Data("KEYabc\n\n".utf8), named: "k").description == "APIKey(redacted)")
        let twoLines = #expect(throws: ExitCode.self) { try KeyFileCheck.key(in: Data("KEYabc\nKEYdef\n".utf8), named: "k") }
        #expect(twoLines?.rawValue == 64)
        let empty = #expect(throws: ExitCode.self) { try KeyFileCheck.key(in: Data("\n  \n".utf8), named: "k") }
        #expect(empty?.rawValue == 64)
    }

    @Test func aKeyFileOthersCanReadIsWarnedAbout() throws {
        let open = try keyFile("KEYabc\n", mode: 0o644)
        let closed = try keyFile("KEYabc\n", mode: 0o600)
        defer { for path in [open, closed] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(
            KeyFileCheck.permissionWarning(path: open)
                == "Warning: --api-key-file \(open) can be read by others (mode 644); make it private with `chmod 600 \(open)`.")
        #expect(KeyFileCheck.permissionWarning(path: closed) == nil)
    }

    @Test func aProcessHoldingAKeyCannotDumpCore() {
        #expect(CoreDumpGuard.engage())
        #expect(!CoreDumpGuard.canDumpCore)
    }

    @Test func anIdIsNeverAPath() {
        #expect(OnboardingId.problem("3f2a9c1e-0b7d-4e0a-9a55-1c2d3e4f5a6b") == nil)
        #expect(OnboardingId.problem("onb_1") == nil)
        for bad in ["../../x", "a/b", ".hidden", "", "-flag", "naïve", String(repeating: "a", count: 65)] {
            #expect(OnboardingId.problem(bad) != nil, "\(bad)")
        }
    }

    /// JSON output escapes what a terminal would act on, and still reads back the same text.
    @Test func jsonOutputEscapesHiddenControls() throws {
        let hostile = "Rejected\u{1B}[2J\u{9B}31m\u{202E}gnp.exe\u{85}"
        let json = try Output.json(["reason": hostile])
        #expect(json == "{\n  \"reason\" : \"Rejected\\u001b[2J\\u009B31m\\u202Egnp.exe\\u0085\"\n}")
        #expect(try JSONDecoder().decode([String: String].self, from: Data(json.utf8)) == ["reason": hostile])
    }
}
