import Foundation
import Onboarding

extension OnboardingStore {
    /// One part of a desk's case.
    public enum DeskCaseField: String, Sendable, CaseIterable {
        case assignee
        case handOffNote
        case followUpOn
    }

    /// Whether an audit entry's action is a desk's note on the case (assign, note, follow-up),
    /// not something done to the onboarding.
    public static func isDeskCaseAction(_ action: String) -> Bool {
        ["assign to ", "unassign", "hand-off note", "follow up on ", "follow-up cleared"].contains { action.hasPrefix($0) }
    }

    /// Sets (or with nil clears) one part of onboarding `id`'s desk case, and says so in the
    /// audit log (free: nothing changes at Telnyx). The onboarding's last activity is not moved.
    /// Values are taken as given: the caller checks them (`DeskCase.textProblem`, `dayProblem`).
    /// - Throws: `StoreError.notFound` for an unknown id, and the database's errors.
    public func setDeskCase(_ id: String, _ field: DeskCaseField, to value: String?, at now: Date = Date()) throws(StoreError) {
        try write { db in
            // The column is one of three names of this program's own, never the caller's text.
            let column: String =
                switch field {
                case .assignee: "assignee"
                case .handOffNote: "handOffNote"
                case .followUpOn: "followUpOn"
                }
            let changed = try db.execute(sql: "UPDATE onboarding SET \(column) = ? WHERE id = ?", arguments: [value, id])
            if changed == 0 { throw StoreError.notFound(onboardingId: id) }
            let action: String =
                switch (field, value) {
                case (.assignee, let person?): "assign to \(person)"
                case (.assignee, nil): "unassign"
                case (.handOffNote, let note?): "hand-off note: \(note)"
                case (.handOffNote, nil): "hand-off note cleared"
                case (.followUpOn, let day?): "follow up on \(day)"
                case (.followUpOn, nil): "follow-up cleared"
                }
            try Self.appendAudit(onboardingId: id, action: action, billable: false, cost: nil, result: "ok", at: now, in: db)
        }
    }
}
