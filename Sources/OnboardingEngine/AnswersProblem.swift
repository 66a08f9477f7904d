import Onboarding

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
            let wanted = expected(type)
            let hint = wanted.hasPrefix("text") ? "; quote numbers such as \"60601\"" : ""
            return "\(path(context.codingPath)) must be \(wanted)\(hint)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is empty; give \(expected(type)) or leave the field out"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            // The parser's own error says where (line and column), when it is there.
            let said = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            // Bounded, and without control characters: the parser may quote the file.
            let lines = said.split(separator: "\n").prefix(3).joined(separator: " ")
            let detail = said.isEmpty ? "" : ": " + RemoteText.sanitized(lines.count > 300 ? lines.prefix(300) + "…" : lines)
            if context.codingPath.last?.stringValue == "check_frequency" {
                return "check_frequency must be one of \(CheckFrequency.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            return context.codingPath.isEmpty
                ? "is not valid JSON or YAML\(detail)"
                : "\(path(context.codingPath)) has a value it cannot take\(detail)"
        @unknown default:
            return "cannot be read as answers"
        }
    }

    /// The kind of value a type stands for, in words. Yams names its node kinds `Scalar`,
    /// `Sequence` and `Mapping`.
    static func expected(_ type: Any.Type) -> String {
        let name = "\(type)"
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        default:
            if name == "Value" || name.hasSuffix(".Value") { return "text, or an object of text fields" }
            if name == "EnterpriseBody" { return "an object of fields" }
            if name == "Scalar" { return "text" }
            if name.hasPrefix("Array") || name == "Sequence" { return "a list" }
            if name.hasPrefix("Dictionary") || name == "Mapping" { return "an object of fields" }
            return "a value of another kind"
        }
    }
}
