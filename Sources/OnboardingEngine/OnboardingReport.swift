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
    public var gatesCheckedAt: Date?
    public var next: String
    public var lastError: String?
    public var inFlight: String?
    public var loaPath: String?
    public var monitoredNumbers: Int
    public var billableActions: [Billing]
    public var totalCostUSD: String
    public var lastActivity: Date?
    /// Why nothing is moving, when nothing is: waiting on Telnyx, an error, or a lost answer.
    public var stalled: String?

    enum CodingKeys: String, CodingKey {
        case id, step, complete, steps, status, next
        case stepTitle = "step_title"
        case enterpriseId = "enterprise_id"
        case enterpriseName = "enterprise_name"
        case loaStatus = "loa_status"
        case rejectionReasons = "rejection_reasons"
        case gatesCheckedAt = "gates_checked_at"
        case lastError = "last_error"
        case inFlight = "in_flight"
        case loaPath = "loa_path"
        case monitoredNumbers = "monitored_numbers"
        case billableActions = "billable_actions"
        case totalCostUSD = "total_cost_usd"
        case lastActivity = "last_activity"
        case stalled
    }

    public init(state: OnboardingState, audit: [AuditEntry], lastActivity: Date?) {
        id = state.id
        step = state.step.rawValue
        stepTitle = state.step.title
        complete = state.isComplete
        steps = Step.allCases.map { StepLine(number: $0.rawValue, title: $0.title, marker: state.marker(for: $0).rawValue) }
        enterpriseId = state.enterprise?.id
        enterpriseName = state.enterprise?.legalName
        status = state.gates?.status
        loaStatus = state.gates?.loaStatus
        rejectionReasons = state.gates?.rejectionReasons ?? []
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
        if state.inFlight != nil {
            stalled = "the outcome of “\(state.inFlight!.name)” is unknown until Telnyx is asked again"
        } else if state.isWaitingOnTelnyx {
            stalled = "waiting on Telnyx's review"
        } else if let error = state.lastError {
            stalled = "error: \(error.message)"
        } else {
            stalled = nil
        }
    }

    /// The report as lines for a terminal.
    public var text: String {
        var lines = ["Onboarding \(id)\(enterpriseName.map { " — \($0)" } ?? "")"]
        for line in steps {
            let symbol = ["done": "✔", "current": "▶", "waiting": "…", "attention": "!", "not reached": " "][line.marker] ?? " "
            lines.append("  \(symbol) \(line.number). \(line.title) (\(line.marker))")
        }
        if let status { lines.append("Vetting: \(status)   LOA review: \(loaStatus ?? "-")") }
        for reason in rejectionReasons { lines.append("  rejected: \(reason)") }
        if let loaPath { lines.append("LOA: \(loaPath)") }
        lines.append("Next: \(next)")
        if let lastError { lines.append("Last error: \(lastError)") }
        lines.append("Billed so far: \(totalCostUSD) in \(billableActions.count) actions")
        return lines.joined(separator: "\n")
    }
}

extension OnboardingStore {
    public func report(_ id: String) throws(StoreError) -> OnboardingReport {
        let state = try load(id)
        let audit = try auditLog(id)
        return OnboardingReport(state: state, audit: audit, lastActivity: audit.last?.at)
    }
}
