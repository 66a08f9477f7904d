/// An onboarding's id names a folder in the state directory, so it is an identifier and never
/// a path: 1 to 64 ASCII letters, digits, `-` and `_`, starting with a letter or digit (a
/// lowercased UUID by default).
public enum OnboardingId {
    public static let maximumLength = 64

    /// Why `id` cannot be an onboarding's id, in words; nil when it can.
    public static func problem(_ id: String) -> String? {
        let scalars = id.unicodeScalars
        guard let first = scalars.first else { return "is empty" }
        guard scalars.count <= maximumLength else { return "is longer than \(maximumLength) characters" }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard isAlphanumeric(first), scalars.allSatisfy({ isAlphanumeric($0) || $0 == "-" || $0 == "_" }) else {
            return "is not an onboarding id (letters, digits, - and _ only, as `reputation-wizard list` shows them)"
        }
        return nil
    }
}
