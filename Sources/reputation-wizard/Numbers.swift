import ArgumentParser
import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI

/// `numbers [ID] --csv FILE`: every monitored number with risk, category, the four scores, last
/// refreshed, source and ownership, read from Telnyx's free list, for a spreadsheet.
struct Numbers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every monitored number, with its reputation and ownership, to a CSV file (free).",
        discussion: """
            Read from Telnyx's free list (nothing billed). The file is UTF-8 with a byte-order mark and keeps numbers \
            as text (="+13125550134"), so spreadsheets neither drop the + nor turn them into 1.31256E+10; it reads \
            back as a numbers list (`run`, or F2 at step 7).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: the most recently active).") var id: String?
    @Option(help: "The CSV file to write (replaced whole).") var csv: String

    func run() async throws {
        if let problem = SpreadsheetCSV.problem(writingTo: csv) { throw UsageProblem.stop("--csv \(problem).") }
        let store = try global.existingStore(sandbox: global.sandbox)
        guard let id = try id ?? store.list().first?.state.id else {
            throw UsageProblem.stop("There is no onboarding in \(store.whereabouts) yet; start one with `reputation-wizard run`.")
        }
        let state: OnboardingState
        do { state = try store.load(id) } catch { throw UsageProblem.stop("\(error)") }
        guard let enterpriseId = state.enterprise?.id, state.reputationEnabled else {
            throw UsageProblem.stop(
                "Onboarding \(id) monitors no numbers yet (step \(state.step.rawValue)); `status \(id)` says what is next.")
        }
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let rows: [NumberSheet.Row]
        do {
            rows = NumberSheet.rows(try await client.allNumbers(enterpriseId: enterpriseId))
        } catch {
            Output.say("The numbers could not be read from Telnyx: \(error.message)\n")
            throw ExitCode(1)
        }
        do {
            try SpreadsheetCSV.write(try NumberSheet.csv(rows), to: csv)
        } catch {
            Output.say("--csv \(error)\n")
            throw ExitCode(1)
        }
        Output.line("\(rows.count) monitored number\(rows.count == 1 ? "" : "s") of onboarding \(id) written to \(csv).")
    }
}
