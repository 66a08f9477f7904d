import Onboarding
import Synchronization

/// Each line of the step 7 list read once: a paste of 20,000 lines grows a frame at a time, and
/// reading every line again on every frame would hold the key loop (0.25 s a frame in a debug
/// build). Lines are read alone (`NumberListParser.reading(of:)`), so a reading never goes stale.
public final class NumberLineMemo: Sendable, Equatable {
    /// A cache changes no answer: any two are interchangeable.
    public static func == (lhs: NumberLineMemo, rhs: NumberLineMemo) -> Bool { true }

    private let readings = Mutex<[String: NumberListParser.Reading]>([:])

    public init() {}

    public func reading(_ line: String) -> NumberListParser.Reading {
        if let known = readings.withLock({ $0[line] }) { return known }
        let read = NumberListParser.reading(of: line)
        readings.withLock { $0[line] = read }
        return read
    }

    /// The lines, parsed with every reading kept.
    public func parse(_ lines: [String]) -> [NumberListParser.Line] {
        NumberListParser.parse(lines: lines, reading: reading)
    }
}
