import Foundation

/// The enterprise in the API's shape (`POST /enterprises`, answers files): top-level text
/// fields, and one level of nested objects (`organization_contact`, `billing_address`…). The
/// one place where the form's flat keys (`EnterpriseField.key`, `organization_contact.email`)
/// become the API's nesting and back.
public struct EnterpriseBody: Codable, Equatable, Sendable {
    /// A value of the body: text, or an object of text fields.
    public enum Value: Codable, Equatable, Sendable {
        case text(String)
        case object([String: String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let number = try? container.decode(Int.self) {
                self = .text(String(number))
            } else if let object = try? container.decode([String: String].self) {
                self = .object(object)
            } else {
                throw DecodingError.typeMismatch(
                    Value.self, .init(codingPath: decoder.codingPath, debugDescription: "text, or an object of text fields"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .object(let object): try container.encode(object)
            }
        }
    }

    /// Top-level key → value, as the API names them.
    public var values: [String: Value]

    public init(values: [String: Value]) { self.values = values }

    /// A top-level value by the API's name (`legal_name`, `organization_contact`).
    public subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The body of flat form fields (`organization_contact.email` → `organization_contact` /
    /// `email`); empty values are left out.
    public init(fields: [String: String]) {
        var values: [String: Value] = [:]
        for (key, value) in fields where !value.isEmpty {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                values[key] = .text(value)
                continue
            }
            var object: [String: String] = [:]
            if case .object(let existing)? = values[parts[0]] { object = existing }
            object[parts[1]] = value
            values[parts[0]] = .object(object)
        }
        self.values = values
    }

    /// The body of a JSON object as the API answers it (other types of value, and keys that
    /// are not enterprise fields, are left out).
    public init(json object: [String: Any]) {
        var fields: [String: String] = [:]
        for field in EnterpriseField.allCases {
            let found: Any? =
                if let parent = field.object {
                    (object[parent] as? [String: Any])?[String(field.key.dropFirst(parent.count + 1))]
                } else {
                    object[field.key]
                }
            if let value = found as? String, !value.isEmpty { fields[field.key] = value }
        }
        self.init(fields: fields)
    }

    /// The form's flat fields, keyed `organization_contact.email`.
    public var fields: [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in values {
            switch value {
            case .text(let text): fields[key] = text
            case .object(let nested): for (inner, text) in nested { fields["\(key).\(inner)"] = text }
            }
        }
        return fields
    }

    /// As a JSON object, for a request body.
    public var json: [String: Any] {
        values.mapValues { value -> Any in
            switch value {
            case .text(let text): text
            case .object(let object): object
            }
        }
    }

    public init(from decoder: any Decoder) throws { values = try decoder.singleValueContainer().decode([String: Value].self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
