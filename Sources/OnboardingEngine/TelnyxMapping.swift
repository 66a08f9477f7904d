import Foundation
import Onboarding
import TelnyxAPI

/// Translations between the domain's words and the API's types.
enum TelnyxMapping {
    /// The failure of `effect`: an unknown outcome only for an effect that changes or bills
    /// something at Telnyx (render LOA, reads and checks change nothing: their failure is plain).
    static func failure(_ error: TelnyxError, of effect: Effect) -> Failure {
        var fieldProblems: [String: String] = [:]
        for entry in error.entries {
            guard let pointer = entry.pointer else { continue }
            let key = pointer.split(separator: "/").filter { $0 != "body" }.joined(separator: ".")
            fieldProblems[key] = entry.detail ?? entry.title
        }
        var message = error.message
        if case .outcomeUnknown(let reason) = error.kind, !effect.changesRemoteState {
            message = "No answer from Telnyx for \(error.operation) (\(reason)). It changes nothing at Telnyx: try again."
        }
        var failure = Failure(
            status: error.status, codes: error.codes, message: message, fieldProblems: fieldProblems,
            outcomeUnknown: error.mayHaveBeenApplied && effect.changesRemoteState)
        failure.retryable = error.isTransient
        return failure
    }

    static func gates(_ settings: ReputationSettings) -> GateReport {
        GateReport(
            status: ReviewStatus(settings.status?.rawValue ?? "pending"),
            loaStatus: ReviewStatus(settings.loaStatus?.rawValue ?? "pending"),
            rejectionReasons: settings.rejectionReasons ?? [],
            externalVerificationStatus: settings.externalVerificationStatus.map { ReviewStatus($0.rawValue) })
    }

    static func frequency(_ frequency: Onboarding.CheckFrequency) -> TelnyxAPI.CheckFrequency {
        TelnyxAPI.CheckFrequency(rawValue: frequency.rawValue)
    }

    /// Form fields keyed `organization_contact.email` into the API's nested body.
    static func enterprise<Body: Decodable>(_ fields: [String: String], customerReference: String?, as type: Body.Type) throws -> Body {
        var object = EnterpriseBody(fields: fields).json
        if let customerReference { object["customer_reference"] = customerReference }
        return try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: object))
    }

    /// An enterprise as Telnyx holds it, flattened to the form's keys
    /// (`organization_contact.email`); fields Telnyx holds no value for are absent.
    static func fields(of enterprise: Enterprise) -> [String: String] {
        let encoded = (try? JSONEncoder().encode(enterprise)) ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: encoded)) as? [String: Any] ?? [:]
        return EnterpriseBody(json: object).fields
    }

    /// The body of a correction: the changed top-level fields, and every nested object with a
    /// changed field sent whole, its other fields as Telnyx holds them in `record` (the schema
    /// requires all of an object's required fields). An empty value leaves an optional field out.
    static func correction(_ changes: [String: String], record: [String: String]) throws -> EnterpriseUpdate {
        var body: [String: String] = [:]
        let objects = Set(changes.keys.compactMap { EnterpriseField(rawValue: $0)?.object })
        for field in EnterpriseField.allCases where field.object.map(objects.contains) == true {
            if let value = record[field.key] { body[field.key] = value }
        }
        for (key, value) in changes { body[key] = value }
        return try enterprise(body.filter { !$0.value.isEmpty }, customerReference: nil, as: EnterpriseUpdate.self)
    }

    /// `reputation_data` as JSON text, for the history table: keys sorted, so that one reading
    /// is one text (`watch` keeps a reading only when its text differs from the last).
    static func json(_ data: ReputationData?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data, let encoded = try? encoder.encode(data) else { return "null" }
        return String(decoding: encoded, as: UTF8.self)
    }
}
