import Foundation
import NumberFiles
import Onboarding
import TerminalUI

/// The file system work the wizard asks for (`Command.readNumbersFile`, `.checkFile`,
/// `.completePath`), each answered by the message that carries its result. Run off the key
/// loop by `WizardRuntime`; synchronous, so tests can call it directly.
public enum LocalFileWork {
    /// Reads and parses a numbers file (at most `NumberFile.maximumBytes`); a file that cannot
    /// be read or is not text is a failure naming the file.
    public static func numbersFile(_ typed: String) -> WizardMessage {
        let data: Data
        do { data = try LocalFile.contents(typed, limit: NumberFile.maximumBytes) } catch {
            return .numbersFile(typed: typed, .failure(CommandFailure(error.description)))
        }
        switch NumberFile.read(data) {
        case .success(let file): return .numbersFile(typed: typed, .success(file))
        case .failure(let problem):
            return .numbersFile(typed: typed, .failure(CommandFailure("\(RemoteText.sanitized(LocalFile.expanded(typed))) \(problem)")))
        }
    }

    /// Checks a signature image (PNG) or a signed LOA (PDF) before it is used.
    public static func check(_ check: FileCheck) -> WizardMessage {
        switch check {
        case .signatureImage(let path, _):
            do {
                _ = try SignatureImage.read(path)
                return .fileChecked(check, problem: nil)
            } catch {
                return .fileChecked(check, problem: error.reason)
            }
        case .signedLOA(let path):
            do {
                _ = try SignedLOAFile.read(path)
                return .fileChecked(check, problem: nil)
            } catch {
                return .fileChecked(check, problem: error.description)
            }
        }
    }

    /// Completes a typed path from its directory's entries.
    public static func complete(_ field: PathField, typed: String) -> WizardMessage {
        .pathCompleted(field, typed: typed, completed: PathCompletion.complete(typed))
    }
}
