/// When to look at Telnyx's review again: soon after enabling, then less and less often up to
/// a ceiling, with jitter so many waiting onboardings do not ask at the same moment.
public struct GatePollSchedule: Sendable {
    public var first: Double = 30
    public var ceiling: Double = 300
    /// A number in 0..<1; injectable for tests.
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    public init(first: Double = 30, ceiling: Double = 300, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.first = first
        self.ceiling = ceiling
        self.random = random
    }

    /// Seconds before check number `attempt` (0-based): doubling from `first`, capped, ±10%.
    public func delay(attempt: Int) -> Double {
        let base = min(ceiling, first * Double(1 << min(attempt, 20)))
        return base * (0.9 + 0.2 * random())
    }
}
