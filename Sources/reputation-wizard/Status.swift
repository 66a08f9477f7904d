import ArgumentParser
import Foundation
import OnboardingEngine
import OnboardingStore

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where an onboarding stands: step, both reviews, rejection reasons, what is needed next, costs.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: the most recently active).") var id: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try global.store(sandbox: global.sandbox)
        guard let id = try id ?? store.list().first?.state.id else {
            throw ValidationError("There is no onboarding in \(store.directory.path) yet; start one with `reputation-wizard run`.")
        }
        let report = try store.report(id)
        print(json ? try Output.json(report) : report.text)
    }
}

struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every onboarding in the state directory, and whether it is stalled.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try global.store(sandbox: global.sandbox)
        let reports = try store.list().map { try store.report($0.state.id) }
        if json { return print(try Output.json(reports)) }
        if reports.isEmpty { return print("No onboardings in \(store.directory.path).") }
        for report in reports {
            print("\(report.id)  step \(report.step) \(report.stepTitle)  \(report.enterpriseName ?? "-")  \(report.stalled.map { "stalled: \($0)" } ?? (report.complete ? "complete" : "in progress"))")
        }
    }
}

struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit log: who did what, when, and what it cost.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: all).") var id: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let entries = try global.store(sandbox: global.sandbox).auditLog(id)
        if json { return print(try Output.json(entries)) }
        let formatter = ISO8601DateFormatter()
        for entry in entries {
            print("\(formatter.string(from: entry.at))  \(entry.osUser)  \(entry.onboardingId)  \(entry.action)  \(entry.cost.map { "\($0)" } ?? "-")  \(entry.result)")
        }
    }
}
