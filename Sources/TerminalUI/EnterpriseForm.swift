import Onboarding

/// The enterprise form of step 2 (and its correction after a rejected vetting): every field of
/// the spec in its section, checked as the person leaves it, with "same as physical" for the
/// billing address. What is typed is kept as a draft.
public struct EnterpriseForm: Equatable, Sendable {
    /// The form's rows, in order: a toggle, then fields.
    public enum Row: Equatable, Sendable {
        case field(EnterpriseField)
        case sameAsPhysical
        case review
    }

    public var values: [EnterpriseField: TextField] = [:]
    public var problems: [EnterpriseField: String] = [:]
    public var billingSameAsPhysical = true
    public var focus = 0
    /// A correction sends only the fields that can change and were changed.
    public var correcting = false
    /// While correcting: the enterprise as Telnyx holds it (`GET /enterprises/{id}`), which
    /// changes are compared with.
    public var original: [String: String] = [:]

    public init(draft: [String: String] = [:]) {
        for field in EnterpriseField.allCases {
            values[field] = TextField(draft[field.key] ?? Self.defaultValue(field))
        }
        if draft["billing_same_as_physical"] == "false" { billingSameAsPhysical = false }
        focus = max(0, Int(draft["focus"] ?? "") ?? 0)
    }

    /// The correction form: Telnyx's `record`, with a `draft` of a correction under way (kept
    /// before a quit) typed over it.
    public static func correcting(record: [String: String], draft: [String: String]? = nil) -> EnterpriseForm {
        var start = record
        let billing = EnterpriseField.allCases.compactMap { field in field.billingCounterpart.map { (field, $0) } }
        start["billing_same_as_physical"] = billing.allSatisfy { record[$0.0.key] == record[$0.1.key] } ? "true" : "false"
        var form = EnterpriseForm(draft: start.merging(draft ?? [:]) { $1 })
        form.correcting = true
        form.original = record
        return form
    }

    static func defaultValue(_ field: EnterpriseField) -> String {
        switch field {
        case .countryCode, .physicalCountry, .billingCountry: "US"
        case .organizationType: "commercial"
        case .roleType: "enterprise"
        default: ""
        }
    }

    public var rows: [Row] {
        var rows: [Row] = []
        for field in EnterpriseField.allCases {
            if correcting && field.isImmutable { continue }
            if field.section == .billingAddress {
                if !rows.contains(.sameAsPhysical) { rows.append(.sameAsPhysical) }
                if billingSameAsPhysical { continue }
            }
            rows.append(.field(field))
        }
        rows.append(.review)
        return rows
    }

    public var focusedRow: Row { rows[min(focus, rows.count - 1)] }

    /// The fields as the API names them, billing copied from physical when asked.
    public var fields: [String: String] {
        var fields: [String: String] = [:]
        for field in EnterpriseField.allCases {
            let value = (values[field]?.text ?? "").trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[field.key] = value }
        }
        if billingSameAsPhysical {
            for field in EnterpriseField.allCases {
                guard let billing = field.billingCounterpart else { continue }
                fields[billing.key] = fields[field.key]
            }
        }
        return fields
    }

    /// What the draft keeps: the fields, the toggle and the focused row.
    public var draft: [String: String] {
        var draft = fields
        draft["billing_same_as_physical"] = billingSameAsPhysical ? "true" : "false"
        draft["focus"] = String(focus)
        return draft
    }

    /// For a correction: what changes, compared with Telnyx's record.
    public var correction: EnterpriseCorrection { EnterpriseCorrection(record: original, edited: fields) }

    /// For a correction: the changed fields only, as they will be sent.
    public var changedFields: [String: String] { correction.fields }

    /// Checks a field as the person leaves it. While correcting, a field left as Telnyx holds
    /// it is never flagged (not even as required).
    public mutating func check(_ field: EnterpriseField) {
        let value = values[field]?.text ?? ""
        if correcting {
            problems[field] = correction.problems[field]
            return
        }
        if value.isEmpty && !field.isRequired {
            problems[field] = nil
            return
        }
        switch EnterpriseValidation.check(field, value) {
        case .success: problems[field] = nil
        case .failure(let problem): problems[field] = problem.message
        }
    }

    /// Checks every field shown, as before the review.
    public mutating func checkAll() {
        for case .field(let field) in rows { check(field) }
    }

    /// Choices of a choice field matching what is typed (type-to-filter).
    /// What → would complete a choice field to: its first suggestion, when that is not already
    /// what is typed and the cursor is at the end; nil otherwise.
    public func completion(for field: EnterpriseField) -> String? {
        guard let value = values[field], value.cursor == value.text.count, let first = suggestions(for: field).first,
            first != value.text
        else { return nil }
        return first
    }

    public func suggestions(for field: EnterpriseField) -> [String] {
        guard case .choice(let options) = field.kind else { return [] }
        let typed = (values[field]?.text ?? "").lowercased()
        return typed.isEmpty ? options : options.filter { $0.lowercased().contains(typed) }
    }
}
