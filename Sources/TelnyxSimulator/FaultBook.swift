import Synchronization

/// The fault rules in force; spent rules (those with `times`) disappear once used up.
public final class FaultBook: Sendable {
    private let rules = Mutex<[FaultRule]>([])

    public init() {}

    public func replace(with newRules: [FaultRule]) { rules.withLock { $0 = newRules } }
    public func clear() { rules.withLock { $0 = [] } }
    public var current: [FaultRule] { rules.withLock { $0 } }

    /// The first rule matching the request, counting one use of it.
    func take(method: String, path: String) -> FaultRule? {
        rules.withLock { rules in
            guard let index = rules.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let rule = rules[index]
            if let times = rule.times {
                if times <= 1 { rules.remove(at: index) } else { rules[index].times = times - 1 }
            }
            return rule
        }
    }
}
