/// An answers file that does not decode, worded for a person: the field's path as the file
/// names it (`enterprise.organization_contact`) and what was expected, never a raw
/// `DecodingError`.
public enum AnswersProblem {
    /// One sentence naming the field and the fix.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "cannot be read as answers (\(error))" }
        func path(_ codingPath: [any CodingKey]) -> String {
            let names = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the file" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(expected(type)); write it as one (quote numbers such as \"60601\")"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is empty; give \(expected(type)) or leave the field out"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
            return context.codingPath.isEmpty
                ? "is not valid JSON or YAML\(detail)"
                : "\(path(context.codingPath)) has a value it cannot take\(detail)"
        @unknown default:
            return "cannot be read as answers"
        }
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        case is [String].Type, is [Any].Type: "a list"
        default: "\(type)" == "Dictionary<String, String>" || "\(type)".hasPrefix("Dictionary") ? "an object of fields" : "a value of the right kind"
        }
    }
}
