/// Numbers given to add but set aside (not estimated, not billed), each with why, as a
/// confirmation and the run's messages name them. Bounded: a list of a million numbers never
/// rides in the state; every one is kept in the store's own table.
public struct SetAsideNumbers: Codable, Equatable, Sendable {
    /// How many were set aside.
    public var count: Int
    /// The lowest numbers (E.164) set aside, at most `namedAtMost`, with why.
    public var named: [String: String]

    public static let namedAtMost = 20

    public init(_ all: [String: String]) {
        count = all.count
        named = Dictionary(uniqueKeysWithValues: all.sorted { $0.key < $1.key }.prefix(Self.namedAtMost).map { ($0.key, $0.value) })
    }

    /// `3 numbers were set aside (not an active number in this Telnyx account's inventory:
    /// +17165550100, +17165550101; refused by Telnyx: +17165550102)`: grouped by reason, at
    /// most five numbers named per reason, the rest counted.
    public var summary: String {
        var reasons: [String] = []
        var byReason: [String: [String]] = [:]
        for (number, reason) in named.sorted(by: { $0.key < $1.key }) {
            if byReason[reason] == nil { reasons.append(reason) }
            byReason[reason, default: []].append(number)
        }
        var shown = 0
        let groups = reasons.map { reason -> String in
            let numbers = byReason[reason]!.prefix(5)
            shown += numbers.count
            // Telnyx's reasons are sentences; their full stop would sit before the colon.
            return "\(RemoteText.clause(reason)): \(numbers.joined(separator: ", "))"
        }
        let more = count > shown ? " and \(count - shown) more" : ""
        return "\(count) \(count == 1 ? "number was" : "numbers were") set aside (\(groups.joined(separator: "; "))\(more))"
    }

    /// `summary` of `all`.
    public static func summary(_ all: [String: String]) -> String { SetAsideNumbers(all).summary }
}
