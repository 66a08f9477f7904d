import Onboarding

/// The keys an answers file may hold, checked before anything is sent: a misspelt key
/// (`check_frequncy`) would otherwise be ignored and its default used, or an enterprise field
/// dropped from the request unseen.
public enum AnswerKeys {
    /// The top-level keys, as `RunAnswers` reads them.
    static let topLevel = [
        "accept_terms", "enterprise", "enterprise_id", "loa", "signed_loa", "check_frequency", "numbers", "numbers_file",
        "enable_again", "ownership_proof", "remediation", "budget_usd", "first_read",
    ]
    static let loa = ["agent", "signer_name", "signature_image"]
    static let remediation = ["numbers", "call_purpose", "contact_email"]

    /// At most this many problems are named; the rest are counted.
    public static let namedAtMost = 5

    /// One message per unknown key, each naming the key by its path (`loa.signer`) and the
    /// nearest known key when one is close; empty when every key is known.
    /// - Parameter answers: the file as decoded by a JSON or YAML parser (dictionaries with
    ///   `String` keys, arrays, scalars).
    public static func problems(in answers: Any) -> [String] {
        guard let object = answers as? [String: Any] else { return [] }
        var problems: [String] = []
        check(object, known: topLevel, path: "", into: &problems)
        if let loa = object["loa"] as? [String: Any] {
            check(loa, known: Self.loa, path: "loa.", into: &problems)
            if let agent = loa["agent"] as? [String: Any] {
                check(agent, known: LOAAgentField.allCases.map(\.key), path: "loa.agent.", into: &problems)
            }
        }
        if let remediation = object["remediation"] as? [String: Any] {
            check(remediation, known: Self.remediation, path: "remediation.", into: &problems)
        }
        if let enterprise = object["enterprise"] as? [String: Any] {
            let keys = EnterpriseField.allCases.map(\.key)
            let objects = Set(keys.compactMap { $0.split(separator: ".").count == 2 ? String($0.split(separator: ".")[0]) : nil })
            check(enterprise, known: keys.filter { !$0.contains(".") } + objects.sorted(), path: "enterprise.", into: &problems)
            for name in objects.sorted() {
                guard let nested = enterprise[name] as? [String: Any] else { continue }
                let inner = keys.filter { $0.hasPrefix(name + ".") }.map { String($0.dropFirst(name.count + 1)) }
                check(nested, known: inner, path: "enterprise.\(name).", into: &problems)
            }
        }
        return problems
    }

    /// The problems as one message, bounded: the first `namedAtMost` and how many more
    /// (`and 4 more`, or with `counting`, `and 4 more lines`).
    public static func summary(_ problems: [String], counting noun: String? = nil) -> String {
        let named = problems.prefix(namedAtMost).joined(separator: "; ")
        let more = problems.count - namedAtMost
        return more > 0 ? "\(named); and \(more) more\(noun.map { " \($0)" } ?? "")" : named
    }

    static func check(_ object: [String: Any], known: [String], path: String, into problems: inout [String]) {
        for key in object.keys.sorted() where !known.contains(key) {
            let shown = RemoteText.sanitized(String(key.prefix(60)))
            if let nearest = nearest(to: key, in: known) {
                problems.append("\(path)\(shown) is not a known key; did you mean \(path)\(nearest)?")
            } else {
                problems.append("\(path)\(shown) is not a known key; the keys here are \(known.joined(separator: ", "))")
            }
        }
    }

    /// The known key fewest edits away, when it is close enough to be a slip of the hand.
    static func nearest(to key: String, in known: [String]) -> String? {
        let typed = key.lowercased()
        // A key cut short (`signer` for `signer_name`) is a slip too.
        if typed.count >= 4, let longer = known.first(where: { $0.hasPrefix(typed) }) { return longer }
        let scored = known.map { ($0, editDistance(typed, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, best.count / 3) else { return nil }
        return best
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
