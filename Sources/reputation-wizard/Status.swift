import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where an onboarding stands: step, both reviews and since when, rejection reasons, what is needed next, costs.",
        discussion: """
            With a key at hand (TELNYX_API_KEY, --api-key-file, or --sandbox), an onboarding last read from \
            Telnyx more than 5 minutes ago is checked with Telnyx first (reads only, nothing billed); \
            --check always checks, --no-check never does.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: the most recently active).") var id: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(
        inversion: .prefixedNo,
        help: "Ask Telnyx now before reporting (default: when the state is older than 5 minutes and a key is at hand).")
    var check: Bool?
    @Flag(help: "Keep watching: print the report again each time the onboarding changes, here or at another desk (Ctrl-C stops).")
    var follow = false

    /// Older than this, the state is read again from Telnyx when a key is at hand.
    static let staleAfter: Double = 5 * 60

    func run() async throws {
        // A migrated state directory is a backup: read, never checked or changed.
        let backup =
            try global.sharedLocation(sandbox: global.sandbox) == nil
            && MigratedMarker.moved(global.directory(sandbox: global.sandbox)) != nil
        let store = try global.existingStore(sandbox: global.sandbox, readOnly: backup)
        // Every onboarding, read once: the one asked for, or the most recently active listed one.
        let (everyOne, unreadable) = try store.listing(includingArchived: true)
        if let id, let problem = unreadable.first(where: { $0.unreadableId == id }) {
            Output.say("\(problem)\n")
            throw ExitCode(1)
        }
        if id == nil { GlobalOptions.sayUnreadable(unreadable) }
        let listed = everyOne.filter { $0.archivedAt == nil }
        guard let id = id ?? listed.first?.state.id else {
            throw UsageProblem.stop(
                !everyOne.isEmpty
                    ? "Every onboarding in \(store.whereabouts) is archived; `list --all` shows them, `status ID` one of them."
                    : "There is no onboarding in \(store.whereabouts) yet; start one with `reputation-wizard run`.")
        }
        guard let summary = everyOne.first(where: { $0.state.id == id }) else {
            throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
        }
        let lastRead = summary.state.gatesCheckedAt ?? summary.updatedAt
        let keyAtHand = global.sandbox || global.apiKeyFile != nil || ProcessInfo.processInfo.environment["TELNYX_API_KEY"] != nil
        let wanted = check ?? (keyAtHand && Date().timeIntervalSince(lastRead) > Self.staleAfter)
        var note: String?
        if wanted && store.isReadOnly {
            note = Self.notChecked("\(store.directory.path) is read-only for this user")
        } else if wanted {
            note = try await checkWithTelnyx(id, store: store)
        }
        var report = try store.report(id)
        report.checkNote = note
        if json {
            print(try Output.json(report))
        } else {
            if let note { Output.line(note) }
            if self.id == nil, case let others = listed.count - 1, others > 0 {
                Output.line("The most recently active of \(others + 1) onboardings here; `list` shows the others, `status ID` one of them.")
            }
            Output.line(report.text)
        }
        guard follow else { return }
        _ = Output.flushedStandardOutput()
        // Compared as of when the watch began: a wait's "30 s" turning "34 s", or another
        // onboarding's change, is not a change to print.
        let since = Date()
        var shown = try store.report(id, now: since).text
        for await _ in store.changes() {
            let report: OnboardingReport
            do {
                let now = try store.report(id, now: since).text
                guard now != shown else { continue }
                shown = now
                report = try store.report(id)
            } catch {
                Output.say("The store cannot be read now (\(error)); reporting again when it can.\n")
                continue
            }
            if json {
                print(try Output.json(report))
            } else {
                Output.line("\n— changed, as of \(ReportTime.stamp(Date())) —\n\(report.text)")
            }
            _ = Output.flushedStandardOutput()
        }
    }

    /// The note when Telnyx could not be read now: why (its own full stop dropped), and that
    /// the report is as last saved.
    static func notChecked(_ why: String) -> String {
        "Not checked with Telnyx now: \(RemoteText.clause(why)) (the state below is as last saved)."
    }

    /// Reads Telnyx and updates the onboarding; says why not when it cannot.
    /// - Throws: `ExitCode` when the connection settings are refused (a bad key, base URL).
    func checkWithTelnyx(_ id: String, store: OnboardingStore) async throws -> String? {
        do {
            let (client, sandbox) = try await global.client()
            defer { sandbox?.stop() }
            let engine: OnboardingEngine
            do {
                engine = try OnboardingEngine(store: store, client: client, onboardingId: id)
            } catch {
                return Self.notChecked("\(error)")
            }
            do {
                // The check's own failure (never an error kept from an earlier step) is said.
                let refusal = try await engine.checkWithTelnyx()
                await engine.close()
                return refusal.map(Self.notChecked)
                    ?? "Checked with Telnyx just now."
            } catch {
                await engine.close()
                throw error
            }
        } catch let stop as ExitCode {
            throw stop
        } catch {
            return Self.notChecked("\(error)")
        }
    }
}

struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every onboarding: enterprise, step, last activity, and why it is stalled (archived ones with --all).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Include archived onboardings.") var all = false
    @Flag(help: "Only the onboardings assigned to me (this login), soonest follow-up first.") var mine = false
    @Option(help: "Order: activity (most recent first) or follow-up (soonest first, none last).") var sort: ListOrder?
    @Flag(help: "Keep watching: list again each time an onboarding changes, here or at another desk (Ctrl-C stops).") var follow = false

    /// How `list` orders onboardings.
    enum ListOrder: String, ExpressibleByArgument, CaseIterable {
        case activity
        case followUp = "follow-up"
    }

    func run() async throws {
        let store = try global.existingStore(sandbox: global.sandbox, readOnly: true)
        try show(store)
        guard follow else { return }
        // Each listing reaches a pipe or file as it is made, not when the buffer fills.
        _ = Output.flushedStandardOutput()
        // Compared as of when the watch began: "2 min ago" turning into "3 min ago", or another
        // onboarding's change that the list does not show, is not a change to print.
        let since = Date()
        var shown = try? listing(store, now: since)
        for await _ in store.changes() {
            do {
                let now = try listing(store, now: since)
                guard now != shown else { continue }
                shown = now
                if !json { Output.line("\n— changed, as of \(ReportTime.stamp(Date())) —") }
                print(try listing(store, now: Date()), terminator: "")
            } catch {
                // A server restarting: said, and listed again once it answers.
                Output.say("The store cannot be read now (\(error)); listing again when it can.\n")
                shown = nil
            }
            _ = Output.flushedStandardOutput()
        }
    }

    /// The listing as it stands now.
    func show(_ store: OnboardingStore) throws { print(try listing(store, now: Date()), terminator: "") }

    /// The listing as of `now`: its lines (or JSON), each ending in a line break.
    func listing(_ store: OnboardingStore, now: Date) throws -> String {
        var (summaries, unreadable) = try store.listing(includingArchived: all)
        GlobalOptions.sayUnreadable(unreadable)
        if mine { summaries = summaries.filter { $0.deskCase.assignee == OnboardingStore.osUser } }
        switch sort ?? (mine ? .followUp : .activity) {
        case .activity: break
        case .followUp:
            // yyyy-MM-dd sorts as text; none last; ties stay most recent first.
            summaries = summaries.enumerated().sorted { left, right in
                switch (left.element.deskCase.followUpOn, right.element.deskCase.followUpOn) {
                case (let a?, let b?) where a != b: a < b
                case (.some, nil): true
                case (nil, .some): false
                default: left.offset < right.offset
                }
            }.map(\.element)
        }
        let reports = try store.reports(summaries, now: now)
        if json { return try Output.json(reports) + "\n" }
        if reports.isEmpty {
            if mine { return "No onboardings assigned to \(OnboardingStore.osUser)\(all ? "" : " (archived ones: list --all)").\n" }
            return "No onboardings in \(store.whereabouts)\(all ? "" : " (archived ones: list --all)").\n"
        }
        var lines: [String] = []
        for report in reports {
            let enterprise = report.enterpriseName.map { "\($0) (\(report.enterpriseId ?? "-"))" } ?? "no enterprise yet"
            let activity =
                (report.lastActivity ?? report.savedAt).map { "last activity \(ReportTime.said($0, now: now))" } ?? "no activity yet"
            let standing =
                report.reputationDisabled.map { "reputation disabled, \($0.numbersDropped) numbers dropped; enabling again is a choice" }
                ?? report.stalled.map { "stalled: \($0)" } ?? (report.complete ? "complete" : "in progress")
            lines.append("\(report.id)\(report.archived ? " (archived)" : "")")
            lines.append("  \(enterprise) · step \(report.step) \(report.stepTitle) · \(activity)")
            lines.append("  \(standing)\(report.gatesWaiting.isEmpty ? "" : " (\(report.gatesWaiting.joined(separator: ", ")))")")
            let desk = report.deskCase.label(today: DeskCase.today(now))
            if !desk.isEmpty { lines.append("  \(desk)") }
            if let note = report.deskCase.handOffNote { lines.append("  note: \(note)") }
        }
        return lines.map { RemoteText.sanitized($0) + "\n" }.joined()
    }
}

struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit log: who did what, when, and what it cost.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding (default: all).") var id: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let entries = try global.existingStore(sandbox: global.sandbox, readOnly: true).auditLog(id)
        if json { return print(try Output.json(entries)) }
        let formatter = ISO8601DateFormatter()
        for entry in entries {
            Output.line(
                RemoteText.sanitized(
                    "\(formatter.string(from: entry.at))  \(entry.osUser)  \(entry.onboardingId)  \(entry.action)  \(entry.cost.map { "\($0)" } ?? "-")  \(entry.result)"
                ))
        }
    }
}
