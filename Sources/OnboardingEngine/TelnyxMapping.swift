import Foundation
import Onboarding
import TelnyxAPI

/// Translations between the domain's words and the API's types.
enum TelnyxMapping {
    static func failure(_ error: TelnyxError) -> Failure {
        var fieldProblems: [String: String] = [:]
        for entry in error.entries {
            guard let pointer = entry.pointer else { continue }
            let key = pointer.split(separator: "/").filter { $0 != "body" }.joined(separator: ".")
            fieldProblems[key] = entry.detail ?? entry.title
        }
        return Failure(
            status: error.status, codes: error.codes, message: error.message, fieldProblems: fieldProblems,
            outcomeUnknown: error.mayHaveBeenApplied)
    }

    static func gates(_ settings: ReputationSettings) -> GateReport {
        GateReport(
            status: settings.status?.rawValue ?? "pending", loaStatus: settings.loaStatus?.rawValue ?? "pending",
            rejectionReasons: settings.rejectionReasons ?? [])
    }

    static func frequency(_ frequency: Onboarding.CheckFrequency) -> TelnyxAPI.CheckFrequency {
        TelnyxAPI.CheckFrequency(rawValue: frequency.rawValue)!
    }

    /// Form fields keyed `organization_contact.email` into the API's nested body.
    static func enterprise<Body: Decodable>(_ fields: [String: String], customerReference: String?, as type: Body.Type) throws -> Body {
        var object: [String: Any] = [:]
        for (key, value) in fields {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                var nested = object[parts[0]] as? [String: Any] ?? [:]
                nested[parts[1]] = value
                object[parts[0]] = nested
            } else {
                object[key] = value
            }
        }
        if let customerReference { object["customer_reference"] = customerReference }
        return try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: object))
    }

    /// `reputation_data` as JSON text, for the history table.
    static func json(_ data: ReputationData?) -> String {
        guard let data, let encoded = try? JSONEncoder().encode(data) else { return "null" }
        return String(decoding: encoded, as: UTF8.self)
    }
}
