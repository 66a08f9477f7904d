import ArgumentParser
import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI

/// `watch [ID | --all]`: for cron or a systemd timer. Reads the monitored numbers through the
/// free list, keeps the readings Telnyx refreshed, and says what changed since the last watch.
/// Exit 0: nothing new; 20: changes found; 21: something needs attention now; 1: an onboarding
/// could not be watched (the others are still reported).
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what changed in the monitored numbers since the last watch (free; for cron).",
        discussion: """
            Reads the numbers through Telnyx's free list (pages of 250) and never bills, unless --refresh is given \
            (billed, asked first; without a terminal it needs --yes and --max-cost). Reports a risk worse or \
            better, a category that appeared or changed, a score that fell by --score-drop points or more, numbers \
            still without data, numbers no longer monitored, and Telnyx's ownership questions with their deadline. \
            Exit codes: 0 nothing new, 20 changes found, 21 needs attention now (a number turned high risk, Telnyx \
            asks about ownership or removed a number), 1 an error.
            """)

    static let changesFound: Int32 = 20
    static let needsAttention: Int32 = 21
    /// `--refresh` stopped by a limit with nothing new found (as `run`'s confirmation needed).
    static let refreshStopped: Int32 = 12
    /// Seconds a watch waits for another watch of the same onboarding to finish.
    static let longestWaitForAnotherWatch: Double = 600
    /// The longest `--keep-days`: a century of readings.
    static let mostDaysKept = 36_500

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: the most recently active).") var id: String?
    @Flag(help: "Every onboarding with Number Reputation enabled (archived ones left out).") var all = false
    @Flag(help: "One JSON array, one object per change (snake_case keys).") var json = false
    @Option(help: "Also write the changes to this CSV file (UTF-8, numbers kept as text).") var csv: String?
    // Unconditional: `--score-drop -5` is a wrong value to name, not a missing one.
    @Option(parsing: .unconditional, help: "Report a score that fell by at least this many points (1 to 100).")
    var scoreDrop = WatchComparison.defaultScoreDrop
    @Option(parsing: .unconditional, help: "Keep readings this many days (each number's latest is always kept).")
    var keepDays = 400
    @Flag(help: "First refresh every number (billed $0.10 a number): asks at a terminal; else needs --yes and --max-cost.")
    var refresh = false
    @Flag(help: "With --refresh: go ahead without asking (needs --max-cost).") var yes = false
    @Option(name: .customLong("max-cost"), parsing: .unconditional, help: "With --refresh --yes: the most this run may pay in US dollars.")
    var maxCost: String?
    @Flag(name: .customLong("over-budget"), help: "With --refresh --yes: go ahead even past the monthly budget.")
    var overBudget = false

    func validate() throws {
        if all && id != nil { throw ValidationError("Give an onboarding id or --all, not both.") }
        guard (1...100).contains(scoreDrop) else { throw ValidationError("--score-drop must be 1 to 100 (points of a 0–100 score).") }
        guard (1...Self.mostDaysKept).contains(keepDays) else {
            throw ValidationError(
                "--keep-days must be 1 to \(Self.mostDaysKept) (days of readings kept; \(Self.mostDaysKept) is a century).")
        }
        if !refresh && (yes || maxCost != nil || overBudget) {
            throw ValidationError("--yes, --max-cost and --over-budget go with --refresh; watch alone never bills.")
        }
        if refresh && yes && maxCost == nil {
            throw ValidationError("--refresh --yes needs --max-cost USD: the most this run may pay.")
        }
        if let maxCost, Money(dollarsText: maxCost) == nil {
            throw ValidationError(
                "--max-cost \(RemoteText.sanitized(String(maxCost.prefix(40)))) is not an amount in US dollars; give one such as 25 or 1200.50."
            )
        }
    }

    func run() async throws {
        // Checked first: a watch whose report cannot be kept must not use up its changes.
        if let csv, let problem = SpreadsheetCSV.problem(writingTo: csv) { throw UsageProblem.stop("--csv \(problem).") }
        let store = try global.existingStore(sandbox: global.sandbox)
        let chosen = try onboardings(in: store)
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let watch = NumberWatch(store: store, client: client)
        var reports: [WatchReport] = []
        var failed = false
        // A refresh a limit stopped (12): the watch still reports, and its changes outrank it.
        var stopped = false
        var refresher = WatchRefresh(yes: yes, maxCost: maxCost.flatMap(Money.init(dollarsText:)), overBudget: overBudget)
        let startedAt = Date()
        // Held until the report is out and marked: another watch then reports only what came after.
        var locks: [HeldLock] = []
        defer { for lock in locks { lock.release() } }
        for onboardingId in chosen {
            do {
                locks.append(
                    try store.watchLock(onboardingId, wait: Self.longestWaitForAnotherWatch) {
                        Output.say("Onboarding \(onboardingId): another watch of it is running; waiting for it to finish.\n")
                    })
            } catch {
                failed = true
                Output.say("Onboarding \(onboardingId) was not watched: another watch of it has run for 10 minutes; try again later.\n")
                continue
            }
            if refresh, let other = try refreshedMeanwhile(onboardingId, since: startedAt, in: store) {
                // Two refreshes asked at once (cron and a person): the one that waited is not billed again.
                Output.say(
                    "Onboarding \(onboardingId): not refreshed: another watch refreshed it at \(ReportTime.stamp(other)) while this one waited; nothing billed again.\n"
                )
            } else if refresh, let problem = try await refresher.refresh(onboardingId, store: store, client: client) {
                Output.say("Onboarding \(onboardingId): \(problem.said)\n")
                if problem.failed { failed = true }
                if problem.stopped { stopped = true }
            }
            do {
                reports.append(try await watch.watch(onboardingId, scoreDrop: scoreDrop, markNow: false))
            } catch {
                failed = true
                Output.say("Onboarding \(onboardingId) was not watched: \((error as? TelnyxError)?.message ?? "\(error)")\n")
                continue
            }
        }
        if json {
            print(try Output.json(reports.flatMap(\.lines)))
        } else {
            for report in reports { Output.line(report.text(now: Date()).trimmingCharacters(in: .newlines)) }
        }
        // A report that did not reach its reader leaves the changes unmarked: the next watch says them again.
        var written = Output.flushedStandardOutput()
        if !written { Output.say("The report could not be written to standard output.\n") }
        if let csv, !reports.isEmpty, written {
            do {
                try SpreadsheetCSV.write(
                    try SpreadsheetCSV.bytes(header: WatchReport.csvHeader, rows: reports.flatMap(\.csvRows)), to: csv)
            } catch {
                Output.say("--csv \(error)\n")
                written = false
            }
        }
        guard written else {
            Output.say("Nothing was marked seen: the next watch reports these changes again.\n")
            throw ExitCode(1)
        }
        for report in reports {
            guard let mark = report.pendingMark else { continue }
            try store.recordWatch(report.onboardingId, at: mark.at, ownership: mark.ownership, through: mark.through)
            // Old readings failing to go must not hide what the watch found.
            do {
                try store.forgetReadings(report.onboardingId, before: Date().addingTimeInterval(-Double(keepDays) * 86400))
            } catch {
                failed = true
                Output.say("Onboarding \(report.onboardingId): readings older than \(keepDays) days were not forgotten: \(error)\n")
            }
        }
        if failed { throw ExitCode(1) }
        switch reports.compactMap(\.severity).max() {
        case .attention?: throw ExitCode(Self.needsAttention)
        case .change?: throw ExitCode(Self.changesFound)
        case .info?, nil: if stopped { throw ExitCode(Self.refreshStopped) }
        }
    }

    /// When another watch (or the wizard) billed a refresh of the onboarding since `startedAt`
    /// (read from the audit log); nil when none did.
    func refreshedMeanwhile(_ onboardingId: String, since startedAt: Date, in store: OnboardingStore) throws -> Date? {
        try store.auditLog(onboardingId).last { entry in
            entry.at >= startedAt && (entry.action.hasPrefix("refresh ") || entry.action.hasPrefix("reconcile refresh "))
                && (entry.cost ?? .zero) > .zero
        }?.at
    }

    /// The onboardings to watch: the one named, every enabled one with `--all`, else the most
    /// recently active.
    func onboardings(in store: OnboardingStore) throws -> [String] {
        if let id {
            guard try store.list(includingArchived: true).contains(where: { $0.state.id == id }) else {
                throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
            }
            return [id]
        }
        let summaries = try store.list()
        if all { return summaries.filter { $0.state.reputationEnabled }.map(\.state.id) }
        guard let latest = summaries.first?.state.id else {
            throw UsageProblem.stop("There is no onboarding in \(store.whereabouts) yet; start one with `reputation-wizard run`.")
        }
        return [latest]
    }
}
