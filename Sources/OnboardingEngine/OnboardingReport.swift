import Foundation
import Onboarding
import OnboardingStore

/// Where an onboarding stands, for `status` and `list`: what support staff need at a glance.
public struct OnboardingReport: Encodable, Sendable {
    public struct StepLine: Encodable, Sendable {
        public var number: Int
        public var title: String
        public var marker: String
    }

    /// Reputation disabled: when, by whom (an OS user, or nil when found so at Telnyx), and how
    /// many numbers it dropped.
    public struct Disabled: Encodable, Sendable {
        public var at: Date?
        public var by: String?
        public var numbersDropped: Int
        public var outsideWizard: Bool
        enum CodingKeys: String, CodingKey {
            case at, by
            case numbersDropped = "numbers_dropped"
            case outsideWizard = "outside_wizard"
        }
    }

    public struct Billing: Encodable, Sendable {
        public var action: String
        public var at: Date
        public var costUSD: String
        enum CodingKeys: String, CodingKey {
            case action, at
            case costUSD = "cost_usd"
        }
    }

    public var id: String
    public var step: Int
    public var stepTitle: String
    public var complete: Bool
    public var steps: [StepLine]
    public var enterpriseId: String?
    public var enterpriseName: String?
    public var status: String?
    public var loaStatus: String?
    public var rejectionReasons: [String]
    /// The ownership proof's review (`pending`, `approved`, `rejected`), nil when none was sent.
    public var externalVerificationStatus: String?
    /// Why Telnyx rejected the ownership proof, when it did.
    public var externalVerificationRejection: String?
    /// Numbers hosted at other carriers set aside until the ownership proof is approved (filled
    /// for one onboarding's report; 0 in `list`'s).
    public var numbersAwaitingProof = 0
    public var gatesCheckedAt: Date?
    public var next: String
    public var lastError: String?
    public var inFlight: String?
    public var loaPath: String?
    public var monitoredNumbers: Int
    /// Numbers given to add and set aside (outside the inventory, or refused), kept per number
    /// in the store's own table.
    public var numbersSetAside = 0
    /// Each number set aside, with why (sorted by number); filled for one onboarding's report,
    /// empty in `list`'s.
    public var setAsideNumbers: [SetAsideNumber] = []
    public var billableActions: [Billing]
    public var totalCostUSD: String
    public var lastActivity: Date?
    /// Why nothing is moving, when nothing is: waiting on Telnyx, an error, or a lost answer.
    public var stalled: String?
    /// When the onboarding was last saved here (any read or change).
    public var savedAt: Date?
    /// When reputation was enabled (the last enable that went through), as this wizard saw it;
    /// nil when not enabled, or enabled before the onboarding was adopted (unknown here).
    public var reputationEnabledAt: Date?
    /// When the LOA under review was submitted (enable, or its replacement): the LOA review waits since.
    public var loaSubmittedAt: Date?
    /// When the onboarding was built from Telnyx's state by `adopt`; what was billed before is unknown here.
    public var adoptedAt: Date?
    /// Whether `billable_actions` is the whole billing history (false for an adopted onboarding).
    public var billingHistoryComplete: Bool
    /// Whether the onboarding is archived (hidden from `list` unless `--all`).
    public var archived: Bool
    /// Set while reputation is disabled.
    public var reputationDisabled: Disabled?
    /// Monitored numbers Telnyx asks about, earliest deadline first (`ownership_attention`).
    public var ownershipAttention: [Attention]
    /// Numbers Telnyx removed from monitoring, with its reason (`removed_by_telnyx`).
    public var removedByTelnyx: [SetAsideNumber]
    /// Remediation requests sent through the onboarding, oldest first, with each number's
    /// outcome once known (`remediations`).
    public var remediations: [Remediation]
    /// What the last `watch` saw that the onboarding's state does not say yet (`last_watch`):
    /// numbers Telnyx asks about, and numbers no longer monitored; nil when it saw nothing new.
    public var lastWatch: WatchSighting?
    /// Who handles it at the desk, the hand-off note and the follow-up day (`desk_case`).
    public var deskCase = DeskCase()
    /// Each review gate still open and how long it has waited, as of the report
    /// (`gates_waiting`): "vetting pending for 2 d 3 h".
    public var gatesWaiting: [String] = []
    /// What `status` did about reading Telnyx before this report (`check_note`): "Checked with
    /// Telnyx just now." or why it did not; absent when no check was wanted. Set by the caller.
    public var checkNote: String?

    /// The review gates not decided yet, each with how long it has waited: vetting since
    /// reputation was enabled, the LOA review since the LOA under review was submitted.
    static func gatesWaiting(status: String?, since: Date?, loaStatus: String?, loaSince: Date?, now: Date) -> [String] {
        var waiting: [String] = []
        // Telnyx's words for an open gate (api-notes: `pending`, and `in_review` where it says so).
        let open: Set<String> = ["pending", "in_review", "in review"]
        if let status, open.contains(status), let since { waiting.append("vetting \(status) for \(ReportTime.span(from: since, to: now))") }
        if let loaStatus, open.contains(loaStatus), let loaSince {
            waiting.append("LOA review \(loaStatus) for \(ReportTime.span(from: loaSince, to: now))")
        }
        return waiting
    }

    /// What the last `watch` (at `at`) saw of the numbers: `ownership` maps each number Telnyx
    /// asked about to its `ownership_status`; `removed` lists numbers no longer monitored.
    public struct WatchSighting: Encodable, Sendable, Equatable {
        public var at: Date
        public var ownership: [String: String]
        public var removed: [String]

        public init(at: Date, ownership: [String: String], removed: [String]) {
            self.at = at
            self.ownership = ownership
            self.removed = removed
        }

        /// "Telnyx asks about 2 numbers' ownership" and "1 number is no longer monitored", each
        /// with a sample of the numbers when `naming`.
        func findings(naming: Bool) -> [String] {
            var found: [String] = []
            if !ownership.isEmpty {
                let numbers = ownership.keys.sorted()
                found.append(
                    "Telnyx asks about \(numbers.count) \(numbers.count == 1 ? "number's" : "numbers'") ownership"
                        + (naming ? " (\(Effect.sample(numbers)))" : ""))
            }
            if !removed.isEmpty {
                found.append(
                    "\(removed.count) \(removed.count == 1 ? "number is" : "numbers are") no longer monitored"
                        + (naming ? " (\(Effect.sample(removed)))" : ""))
            }
            return found
        }
    }

    /// A remediation request as reported: Telnyx's id and status, the numbers sent, how many
    /// Telnyx took (billed) and found ineligible, and number → outcome once known.
    public struct Remediation: Encodable, Sendable {
        public var id: String
        public var status: String
        public var phoneNumbers: [String]
        public var submitted: Int
        public var ineligible: Int
        public var results: [String: String]?
        enum CodingKeys: String, CodingKey {
            case id, status, results
            case phoneNumbers = "phone_numbers"
            case submitted = "phone_numbers_submitted"
            case ineligible = "phone_numbers_ineligible"
        }
    }

    /// A number Telnyx asks about: `pending_confirmation` (answer by `confirm_by`) or `flagged`.
    public struct Attention: Encodable, Sendable {
        public var phoneNumber: String
        public var ownershipStatus: String
        public var flagReason: String?
        public var confirmBy: Date?
        enum CodingKeys: String, CodingKey {
            case phoneNumber = "phone_number"
            case ownershipStatus = "ownership_status"
            case flagReason = "flag_reason"
            case confirmBy = "confirm_by"
        }
    }
    /// When the report was made, for the relative times of `text`.
    var now: Date
    /// The remediation requests as the state holds them, for `text` (not encoded: `remediations` is).
    var remediationRecords: [RemediationRecord] = []

    enum CodingKeys: String, CodingKey {
        case id, step, complete, steps, status, next
        case stepTitle = "step_title"
        case enterpriseId = "enterprise_id"
        case enterpriseName = "enterprise_name"
        case loaStatus = "loa_status"
        case rejectionReasons = "rejection_reasons"
        case externalVerificationStatus = "external_verification_status"
        case externalVerificationRejection = "external_verification_rejection"
        case numbersAwaitingProof = "numbers_awaiting_proof"
        case gatesCheckedAt = "gates_checked_at"
        case lastError = "last_error"
        case inFlight = "in_flight"
        case loaPath = "loa_path"
        case monitoredNumbers = "monitored_numbers"
        case numbersSetAside = "numbers_set_aside"
        case setAsideNumbers = "set_aside_numbers"
        case billableActions = "billable_actions"
        case totalCostUSD = "total_cost_usd"
        case lastActivity = "last_activity"
        case stalled, archived
        case checkNote = "check_note"
        case deskCase = "desk_case"
        case gatesWaiting = "gates_waiting"
        case savedAt = "saved_at"
        case reputationEnabledAt = "reputation_enabled_at"
        case loaSubmittedAt = "loa_submitted_at"
        case adoptedAt = "adopted_at"
        case billingHistoryComplete = "billing_history_complete"
        case reputationDisabled = "reputation_disabled"
        case ownershipAttention = "ownership_attention"
        case lastWatch = "last_watch"
        case removedByTelnyx = "removed_by_telnyx"
        case remediations
    }

    /// The report of `state` from its `audit` log, as of `now`.
    public init(
        state: OnboardingState, audit: [AuditEntry], lastActivity: Date?, savedAt: Date? = nil, archived: Bool = false, now: Date = Date()
    ) {
        self.now = now
        self.savedAt = savedAt
        self.archived = archived
        let succeeded = audit.filter { $0.result == "ok" }
        /// The last entry of `action` that went through, reconciled or not.
        func lastEntry(_ action: String) -> AuditEntry? {
            succeeded.last { $0.action == action || $0.action == "reconcile \(action)" }
        }
        func last(_ action: String) -> Date? { lastEntry(action)?.at }
        let enabled = last("enable reputation")
        let disabled = last("disable reputation")
        reputationEnabledAt = state.reputationEnabled && (disabled == nil || enabled.map { $0 > disabled! } == true) ? enabled : nil
        loaSubmittedAt = state.reputationEnabled ? [enabled, last("replace LOA")].compactMap { $0 }.max() : nil
        adoptedAt = audit.first { $0.action.hasPrefix("adopt enterprise") }?.at
        billingHistoryComplete = adoptedAt == nil
        reputationDisabled = state.disabledReputation.map { disabled in
            let entry = disabled.outsideWizard ? nil : lastEntry("disable reputation")
            return Disabled(
                at: entry?.at, by: entry?.osUser, numbersDropped: disabled.numbersDropped, outsideWizard: disabled.outsideWizard)
        }
        id = state.id
        step = state.step.rawValue
        stepTitle = state.step.title
        complete = state.isComplete
        steps = Step.allCases.map { StepLine(number: $0.rawValue, title: $0.title, marker: state.marker(for: $0).rawValue) }
        enterpriseId = state.enterprise?.id
        enterpriseName = state.enterprise?.legalName
        status = state.gates?.status.rawValue
        loaStatus = state.gates?.loaStatus.rawValue
        rejectionReasons = state.gates?.rejectionReasons ?? []
        externalVerificationStatus = state.gates?.externalVerificationStatus?.rawValue
        externalVerificationRejection = state.gates?.externalVerificationRejection
        gatesCheckedAt = state.gatesCheckedAt
        next = state.nextAction
        lastError = state.lastError?.message
        inFlight = state.inFlight?.name
        loaPath = state.renderedLOAPath
        monitoredNumbers = state.monitoredNumbers.count
        let billed = audit.filter { $0.billable && ($0.cost ?? .zero) > .zero }
        billableActions = billed.map { Billing(action: $0.action, at: $0.at, costUSD: ($0.cost ?? .zero).description) }
        totalCostUSD = billed.reduce(Money.zero) { $0 + ($1.cost ?? .zero) }.description
        self.lastActivity = lastActivity
        ownershipAttention = (state.ownershipNotices ?? []).map {
            Attention(phoneNumber: $0.phoneNumber, ownershipStatus: $0.status.rawValue, flagReason: $0.flagReason, confirmBy: $0.confirmBy)
        }
        remediationRecords = state.remediations ?? []
        remediations = remediationRecords.map {
            Remediation(
                id: $0.id, status: $0.status, phoneNumbers: $0.numbers, submitted: $0.submitted, ineligible: $0.ineligible,
                results: $0.results)
        }
        removedByTelnyx = (state.removedByTelnyx ?? [:]).sorted { $0.key < $1.key }.map {
            SetAsideNumber(phoneNumber: $0.key, reason: $0.value)
        }
        if state.inFlight != nil {
            stalled = "the outcome of “\(state.inFlight!.name)” is unknown until Telnyx is asked again"
        } else if state.step == .gates, let gates = state.gates, gates.vettingRejected {
            stalled =
                "Telnyx rejected the enterprise (\(gates.rejectionReasons.count) \(gates.rejectionReasons.count == 1 ? "reason" : "reasons")): correct it"
        } else if state.step == .gates, let gates = state.gates, gates.loaRejected {
            stalled = "Telnyx rejected the LOA: replace it with a newly signed one"
        } else if state.isWaitingOnTelnyx {
            stalled = "waiting on Telnyx's review"
        } else if let error = state.lastError {
            stalled = "error: \(error.message)"
        } else if let stop = audit.last, stop.action == OnboardingReport.limitStopAction {
            // The last thing that happened was a run held back by --max-cost or the budget.
            stalled = "\(stop.action) (\(ReportTime.said(stop.at, now: now))): \(stop.result)"
        } else if let asked = state.ownershipNotices?.summary(now: now) {
            stalled = "Telnyx asks about ownership: \(asked)"
        } else if state.gates?.externalVerificationStatus == .rejected {
            stalled = "Telnyx rejected the ownership proof: send new evidence"
        } else if state.gates?.ownershipProofPending == true, state.step >= .associate {
            stalled = "waiting on Telnyx's review of the ownership proof"
        } else {
            stalled = nil
        }
    }

    /// The audit action of a headless run that `--max-cost` or the monthly budget held back.
    public static let limitStopAction = "stopped at a limit"

    /// The report as lines for a terminal: every fact with when it was last read from Telnyx.
    /// Text from Telnyx (and from files) is stripped of escape and control sequences.
    public var text: String {
        RemoteText.sanitizedLines(unsafeText)
    }

    var unsafeText: String {
        let when = { (date: Date) in ReportTime.said(date, now: now) }
        var lines = ["Onboarding \(id)\(archived ? " (archived)" : "")\(enterpriseName.map { " — \($0)" } ?? "")"]
        if let enterpriseId { lines.append("Enterprise id: \(enterpriseId)") }
        let desk = deskCase.label(today: DeskCase.today(now))
        if !desk.isEmpty { lines.append("Desk: \(desk)") }
        if let note = deskCase.handOffNote { lines.append("Hand-off note: \(note)") }
        for line in steps {
            let symbol = ["done": "✔", "current": "▶", "waiting": "…", "attention": "!", "not reached": " "][line.marker] ?? " "
            lines.append("  \(symbol) \(line.number). \(line.title) (\(line.marker))")
        }
        if let disabled = reputationDisabled {
            let who =
                disabled.outsideWizard
                ? "found disabled at Telnyx (not from this wizard)"
                : "disabled\(disabled.at.map { " \(when($0))" } ?? "")\(disabled.by.map { " by \($0)" } ?? "")"
            lines.append("Reputation: \(who); \(disabled.numbersDropped) \(disabled.numbersDropped == 1 ? "number" : "numbers") dropped")
        } else if let reputationEnabledAt {
            lines.append("Reputation enabled: \(when(reputationEnabledAt))")
        } else if status != nil {
            lines.append("Reputation enabled: \(adoptedAt == nil ? "yes" : "before this onboarding was adopted (when is not known here)")")
        }
        if let status {
            // The enable's (or the replacement's) answer carried the reviews too.
            let readAt = [gatesCheckedAt, loaSubmittedAt].compactMap { $0 }.max()
            let asOf = readAt.map { "as of \(when($0))" } ?? "not read from Telnyx yet"
            lines.append("Reviews (\(asOf)):")
            let vettingWait = status == "pending" ? reputationEnabledAt.map { ", waiting \(ReportTime.span(from: $0, to: now))" } ?? "" : ""
            let loaWait = loaStatus == "pending" ? loaSubmittedAt.map { ", waiting \(ReportTime.span(from: $0, to: now))" } ?? "" : ""
            lines.append("  Vetting: \(status)\(vettingWait)")
            lines.append("  LOA review: \(loaStatus ?? "-")\(loaWait)")
            if let proof = externalVerificationStatus {
                let count = "\(numbersAwaitingProof) \(numbersAwaitingProof == 1 ? "number" : "numbers") hosted at other carriers"
                let waiting =
                    numbersAwaitingProof == 0
                    ? "" : proof == "approved" ? " (\(count) to add)" : " (\(count) \(numbersAwaitingProof == 1 ? "waits" : "wait") on it)"
                lines.append("  Ownership proof: \(RemoteText.sanitized(proof))\(waiting)")
            }
        }
        // Telnyx's words on one line each: a line break in them could forge a line of ours.
        for reason in RemoteText.bounded(rejectionReasons) { lines.append("  vetting rejected: \(RemoteText.sanitized(reason))") }
        if let reason = externalVerificationRejection, externalVerificationStatus == "rejected" {
            lines.append("  ownership proof rejected: \(RemoteText.sanitized(RemoteText.bounded([reason])[0]))")
        }
        if let loaPath { lines.append("LOA: \(loaPath)") }
        if numbersSetAside > 0 {
            lines.append(
                "Set aside: \(numbersSetAside) number\(numbersSetAside == 1 ? "" : "s") given to add could not be added (outside the account's inventory, or refused by Telnyx)"
            )
            for number in setAsideNumbers.prefix(5) { lines.append("  \(number.phoneNumber): \(RemoteText.sanitized(number.reason))") }
            if setAsideNumbers.count > 5 { lines.append("  … and \(setAsideNumbers.count - 5) more (--json lists them all)") }
        }
        if let asked = (ownershipAttention.isEmpty ? nil : ownershipAttention) {
            lines.append("Ownership: Telnyx asks about \(asked.count) \(asked.count == 1 ? "number" : "numbers"):")
            for notice in asked.prefix(5) {
                let deadline = notice.confirmBy.map { "; answer by \(when($0)), \(OwnershipNotice.unanswered(notice.flagReason))" } ?? ""
                let what = notice.ownershipStatus == "flagged" ? "flagged (a re-verification went unanswered)" : "to confirm"
                lines.append(
                    "  \(notice.phoneNumber): \(what), \((notice.flagReason ?? "ownership check").replacingOccurrences(of: "_", with: " "))\(deadline)"
                )
            }
            if asked.count > 5 { lines.append("  … and \(asked.count - 5) more (--json lists them all)") }
        }
        if let seen = lastWatch {
            let found = seen.findings(naming: true)
            lines.append(
                "Last watch (\(when(seen.at))): \(found.joined(separator: "; ")). `reputation-wizard status --check` reads Telnyx's details."
            )
        }
        if !removedByTelnyx.isEmpty {
            lines.append("Removed by Telnyx (no longer monitored): \(removedByTelnyx.count)")
            for number in removedByTelnyx.prefix(5) {
                lines.append("  \(number.phoneNumber): \(number.reason.replacingOccurrences(of: "_", with: " "))")
            }
        }
        if !remediationRecords.isEmpty {
            let records = remediationRecords.suffix(5)
            lines.append(
                "Remediation: \(remediations.count) \(remediations.count == 1 ? "request" : "requests")\(remediations.count > 5 ? " (the last 5)" : ""):"
            )
            for record in records { lines.append("  \(RemoteText.sanitized(record.id)): \(RemoteText.sanitized(record.summary))") }
            // The last request's outcome, number by number (--json has every request's).
            if let results = remediationRecords.last?.results {
                let sorted = results.sorted { $0.key < $1.key }
                for (number, outcome) in sorted.prefix(10) {
                    lines.append("    \(number): \(RemoteText.sanitized(outcome).replacingOccurrences(of: "_", with: " "))")
                }
                if sorted.count > 10 { lines.append("    … and \(sorted.count - 10) more (--json lists them all)") }
            }
        }
        // A run held back by a limit is said beside what comes next, which may be its confirmation.
        if let stalled, stalled.hasPrefix(Self.limitStopAction) { lines.append("Held back: \(stalled)") }
        lines.append("Next: \(next)")
        if let lastError { lines.append("Last error: \(lastError)") }
        if let adoptedAt {
            lines.append(
                "Billed through this wizard: \(totalCostUSD) in \(billableActions.count) action\(billableActions.count == 1 ? "" : "s"); what Telnyx billed before it was adopted (\(when(adoptedAt))) is not known here"
            )
        } else {
            lines.append("Billed so far: \(totalCostUSD) in \(billableActions.count) action\(billableActions.count == 1 ? "" : "s")")
        }
        if let savedAt { lines.append("Saved here: \(when(savedAt))") }
        return lines.joined(separator: "\n")
    }
}

extension OnboardingStore {
    /// Where onboarding `id` stands, as of `now`.
    /// One onboarding's report names every number set aside (`list` only counts them).
    /// On a shared store, LOA files written at another desk are brought here first, so the
    /// report names files on this machine.
    public func report(_ id: String, now: Date = Date()) throws(StoreError) -> OnboardingReport {
        var summary = try summary(id)
        summary.state = try withLocalFiles(summary.state)
        var report = try report(summary, now: now)
        report.setAsideNumbers = try setAsideNumbers(id).map { SetAsideNumber(phoneNumber: $0.phoneNumber, reason: $0.reason) }
        report.numbersAwaitingProof = report.setAsideNumbers.filter { $0.reason == NumberHosting.awaitingProof }.count
        // What waited on the proof is what to do next once it is approved.
        if report.numbersAwaitingProof > 0, report.externalVerificationStatus == "approved", report.inFlight == nil {
            let count = report.numbersAwaitingProof
            report.next =
                "Add the \(count) \(count == 1 ? "number" : "numbers") that waited on the ownership proof, now approved: A at step 9 of the wizard (billed, asked first), or run again with the answers and --yes. "
                + report.next
        }
        return report
    }

    /// Where the onboarding of `summary` (as `list` read it) stands, as of `now`.
    public func report(_ summary: OnboardingSummary, now: Date = Date()) throws(StoreError) -> OnboardingReport {
        let id = summary.state.id
        return try report(summary, audit: auditLog(id), setAside: setAsideCount(id), lastWatch: lastWatch(id), now: now)
    }

    /// Where each onboarding of `summaries` stands, as `list` shows them: read in a few queries
    /// whatever their number (a desk's shared store holds thousands), not three each.
    public func reports(_ summaries: [OnboardingSummary], now: Date = Date()) throws(StoreError) -> [OnboardingReport] {
        let audits = try auditLogsByOnboarding()
        let setAside = try setAsideCounts()
        let watches = try lastWatches()
        return try summaries.map { summary throws(StoreError) in
            let id = summary.state.id
            return try report(summary, audit: audits[id] ?? [], setAside: setAside[id] ?? 0, lastWatch: watches[id], now: now)
        }
    }

    func report(
        _ summary: OnboardingSummary, audit: [AuditEntry], setAside: Int, lastWatch: WatchMark?, now: Date
    ) throws(StoreError)
        -> OnboardingReport
    {
        // A desk's note or follow-up is not the onboarding's own activity: it would hide how long it stalled.
        var report = OnboardingReport(
            state: summary.state, audit: audit, lastActivity: audit.last { !Self.isDeskCaseAction($0.action) }?.at,
            savedAt: summary.updatedAt,
            archived: summary.archivedAt != nil,
            now: now)
        report.numbersSetAside = setAside
        report.deskCase = summary.deskCase
        report.gatesWaiting = OnboardingReport.gatesWaiting(
            status: report.status, since: report.reputationEnabledAt, loaStatus: report.loaStatus, loaSince: report.loaSubmittedAt, now: now
        )
        // What a watch saw after the state last read Telnyx's ownership: said until a check reads it.
        if let mark = lastWatch {
            let known = Set(report.ownershipAttention.map(\.phoneNumber))
            let removedKnown = Set(report.removedByTelnyx.map(\.phoneNumber))
            let asked = mark.ownership.filter { $0.value != NumberWatch.gone && !known.contains($0.key) }
            let removed = mark.ownership.filter { $0.value == NumberWatch.gone && !removedKnown.contains($0.key) }.keys.sorted()
            let checkedSince = report.gatesCheckedAt.map { $0 > mark.at } ?? false
            if !checkedSince, !asked.isEmpty || !removed.isEmpty {
                let sighting = OnboardingReport.WatchSighting(at: mark.at, ownership: asked, removed: removed)
                report.lastWatch = sighting
                let seen = sighting.findings(naming: false)
                if report.stalled == nil { report.stalled = "the last watch saw that \(seen.joined(separator: " and "))" }
                report.next = "Read what Telnyx says about them: `reputation-wizard status --check` (free). " + report.next
            }
        }
        return report
    }
}

/// A number given to add that was set aside, and why (`set_aside_numbers` in the JSON).
public struct SetAsideNumber: Codable, Equatable, Sendable {
    /// E.164.
    public var phoneNumber: String
    public var reason: String

    public init(phoneNumber: String, reason: String) {
        self.phoneNumber = phoneNumber
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case phoneNumber = "phone_number"
        case reason
    }
}
