/// A correction of an enterprise Telnyx already holds, after its vetting was rejected: what
/// changes, compared with Telnyx's own record (`GET /enterprises/{id}`, never an earlier attempt),
/// and the way Telnyx lets it through.
public struct EnterpriseCorrection: Equatable, Sendable {
    /// One field's old value (as Telnyx holds it; nil when it holds none) and new value (as it
    /// will be sent, normalised).
    public struct Change: Equatable, Sendable {
        public var field: EnterpriseField
        public var old: String?
        public var new: String

        public init(field: EnterpriseField, old: String?, new: String) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// How Telnyx takes the correction.
    public enum Path: Equatable, Sendable {
        /// `PUT /enterprises/{id}` now; submitting again (a new LOA, then disable and enable) follows.
        case update
        /// Reputation is disabled first (free): while it is enabled Telnyx refuses new identity
        /// fields with 400 (api-notes, step 2). Then the update, a new LOA and the enable again.
        case disableThenUpdate
    }

    /// Changed fields in the form's order.
    public var changes: [Change]
    /// Fields that cannot be sent as typed, by field, each with its fix. Only changed fields are
    /// checked: a field left as Telnyx holds it is never "required" here.
    public var problems: [EnterpriseField: String]

    /// Compares what the person `edited` (form keys such as `organization_contact.email`) with
    /// Telnyx's `record` (flattened the same way). Values are compared as they would be sent,
    /// so `(312) 555-0000` equals Telnyx's `+13125550000`. Immutable fields are ignored.
    public init(record: [String: String], edited: [String: String]) {
        var changes: [Change] = []
        var problems: [EnterpriseField: String] = [:]
        for field in EnterpriseField.allCases where !field.isImmutable {
            let old = record[field.key].flatMap { $0.isEmpty ? nil : $0 }
            let typed = (edited[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            switch EnterpriseValidation.check(field, typed) {
            case .success(let value):
                if value == (old ?? "") { continue }
                if value.isEmpty {
                    // Only a nested object is sent whole, so only there can an optional value go.
                    if field.object == nil {
                        problems[field] = "cannot be cleared through Telnyx's API; leave it as it was (\(old ?? ""))"
                    } else {
                        changes.append(Change(field: field, old: old, new: ""))
                    }
                    continue
                }
                changes.append(Change(field: field, old: old, new: value))
            case .failure(let problem):
                if typed == (old ?? "") { continue }
                problems[field] = problem.message
            }
        }
        self.changes = changes
        self.problems = problems
    }

    /// The changed fields with their new values, as `Event.correctEnterprise` takes them.
    public var fields: [String: String] {
        Dictionary(uniqueKeysWithValues: changes.map { ($0.field.key, $0.new) })
    }

    /// Whether any changed field is one Telnyx refuses while reputation is enabled.
    public var changesIdentity: Bool { changes.contains { $0.field.isIdentity } }

    /// The way through for an onboarding whose reputation is (or is not) enabled.
    public func path(reputationEnabled: Bool) -> Path {
        Self.path(changing: changes.map(\.field.key), reputationEnabled: reputationEnabled)
    }

    /// The way through for a correction of the fields keyed `keys` (`organization_contact.email`).
    public static func path(changing keys: some Sequence<String>, reputationEnabled: Bool) -> Path {
        reputationEnabled && keys.contains { EnterpriseField(rawValue: $0)?.isIdentity == true } ? .disableThenUpdate : .update
    }

    /// A warning when Telnyx's `reasons` name fields and the correction changes none of them:
    /// submitted again as it is, it is likely rejected again, after an enable billed again.
    public func warning(reasons: [String]) -> String? {
        let named = reasons.reduce(into: Set<EnterpriseField>()) { $0.formUnion(EnterpriseField.named(in: $1)) }
        guard !named.isEmpty, named.isDisjoint(with: changes.map(\.field)) else { return nil }
        let labels = EnterpriseField.allCases.filter(named.contains).map(\.fullLabel)
        return
            "None of the fields Telnyx's reasons name (\(Self.list(labels))) is changed: the enterprise may well be rejected again, after an enable billed again."
    }

    /// The steps the correction sets off, in words a person can act on, with what is billed.
    public func plan(reputationEnabled: Bool, prices: PriceTable) -> [String] {
        var steps: [String] = []
        if path(reputationEnabled: reputationEnabled) == .disableThenUpdate {
            let named = changes.filter(\.field.isIdentity).map(\.field.fullLabel)
            steps.append(
                "Reputation is disabled for the enterprise first (not billed): Telnyx refuses a new "
                    + "\(Self.list(Array(Set(named)).sorted())) while it is enabled.")
        }
        steps.append("The enterprise is updated at Telnyx (not billed).")
        steps.append("You render, sign and upload a new LOA carrying the corrected details.")
        steps.append(
            "Enabling again is billed \(prices.monitoringPerMonth): Telnyx reviews a corrected enterprise as a new "
                + "registration\(reputationEnabled && !changesIdentity ? " (the rejected one is disabled just before)" : "").")
        return steps
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " or " + names.last!
        }
    }
}
