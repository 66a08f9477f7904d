import Foundation

extension OnboardingStore {
    /// Saves a form as typed, so a quit or a crash loses nothing.
    public func saveDraft(_ onboardingId: String, form: String, fields: [String: String], at now: Date = Date()) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO formDraft (onboardingId, form, fields, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (onboardingId, form) DO UPDATE SET fields = excluded.fields, updatedAt = excluded.updatedAt
                    """,
                arguments: [onboardingId, form, try Self.json(fields), now])
        }
    }

    public func draft(_ onboardingId: String, form: String) throws(StoreError) -> [String: String]? {
        try read { db in
            try db.row(sql: "SELECT fields FROM formDraft WHERE onboardingId = ? AND form = ?", arguments: [onboardingId, form])
                .map { try Self.value([String: String].self, try $0.text("fields")) }
        }
    }

    public func discardDraft(_ onboardingId: String, form: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM formDraft WHERE onboardingId = ? AND form = ?", arguments: [onboardingId, form])
        }
    }
}
