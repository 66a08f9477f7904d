import ArgumentParser
import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import OnboardingStore

/// `history NUMBER [--id ID] [--json | --csv FILE]`: every reading of a number kept by the
/// wizard and `watch`, with risk and category changes, each score over time and what each
/// reading cost. Reads the state directory only (no key, nothing sent).
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every reading kept of a number: risk, category, the four scores over time, what each cost.",
        discussion: "Reads only what is kept here (the wizard's reads and `watch`); nothing is sent to Telnyx.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The number, in any common writing (+13125550134, (312) 555-0134).") var number: String
    @Option(help: "The onboarding (default: the one that monitors the number).") var id: String?
    @Flag(help: "Print JSON (Telnyx's field names).") var json = false
    @Option(help: "Write the readings to this CSV file (UTF-8, numbers kept as text).") var csv: String?

    func run() throws {
        let phoneNumber = try GlobalOptions.e164([number])[0]
        if let csv, let problem = SpreadsheetCSV.problem(writingTo: csv) { throw UsageProblem.stop("--csv \(problem).") }
        let store = try global.existingStore(sandbox: global.sandbox, readOnly: true)
        let summaries = try store.list(includingArchived: true)
        let onboardingId: String
        if let id {
            guard summaries.contains(where: { $0.state.id == id }) else {
                throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
            }
            onboardingId = id
        } else {
            // The onboarding monitoring it now, else the latest that kept a reading of it.
            let monitoring = summaries.first { $0.state.monitoredNumbers.contains(phoneNumber) }
            let reading = try monitoring ?? summaries.first { try !store.history($0.state.id, phoneNumber: phoneNumber).isEmpty }
            guard let found = reading?.state.id else {
                throw UsageProblem.stop(
                    "No onboarding in \(store.whereabouts) monitors or has read \(phoneNumber); check the number, or give --id.")
            }
            onboardingId = found
        }
        let history = try NumberHistory.kept(store: store, onboardingId: onboardingId, phoneNumber: phoneNumber)
        if let csv {
            do {
                try SpreadsheetCSV.write(try SpreadsheetCSV.bytes(header: NumberHistory.csvHeader, rows: history.csvRows), to: csv)
            } catch {
                Output.say("--csv \(error)\n")
                throw ExitCode(1)
            }
        }
        if json {
            struct Document: Encodable {
                var phoneNumber: String
                var onboardingId: String
                var readings: [NumberHistory.Line]
                enum CodingKeys: String, CodingKey {
                    case readings
                    case phoneNumber = "phone_number"
                    case onboardingId = "onboarding_id"
                }
            }
            return print(try Output.json(Document(phoneNumber: phoneNumber, onboardingId: onboardingId, readings: history.lines)))
        }
        guard csv == nil else { return Output.line("\(history.entries.count) readings of \(phoneNumber) written to \(csv!).") }
        let name = summaries.first { $0.state.id == onboardingId }?.state.enterprise?.legalName
        // Readings are Telnyx's words (or a hand-over file's): never raw to the terminal.
        Output.line(
            RemoteText.sanitizedLines(history.text(owner: "\(name ?? "onboarding") (\(onboardingId))")).trimmingCharacters(in: .newlines))
    }
}
