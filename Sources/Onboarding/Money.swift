import Foundation

/// An amount in US cents: money adds up exactly, never in floating point.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }
    public static func dollars(_ dollars: Int) -> Money { Money(cents: dollars * 100) }

    public static let zero = Money(cents: 0)
    /// Saturates at the largest amount rather than trapping: a damaged or hostile record must
    /// not crash a listing (imported costs are bounded: `OnboardingBundle.largestCost(of:at:)`).
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        return overflow ? Money(cents: rhs.cents > 0 ? .max : .min) : Money(cents: sum)
    }
    /// Saturates as `+` does.
    public static func * (lhs: Money, count: Int) -> Money {
        let (product, overflow) = lhs.cents.multipliedReportingOverflow(by: count)
        return overflow ? Money(cents: (lhs.cents < 0) == (count < 0) ? .max : .min) : Money(cents: product)
    }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// `$15,000.00`
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let whole = cents.magnitude / 100
        let fraction = cents.magnitude % 100
        var grouped = ""
        for (offset, digit) in String(whole).reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "\(sign)$\(String(grouped.reversed())).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Money {
    /// Dollars as a person writes them: `250`, `250.5`, `$1,200.50`; nil for anything else
    /// (negative amounts, more than two decimals, letters).
    public init?(dollarsText text: String) {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("$") { digits.removeFirst() }
        // Commas only between thousands (`1,200`): `50,5` is not read as 505.
        let whole = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        digits.removeAll { $0 == "," }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 10,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber), let dollars = Int(whole)
        else { return nil }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
            cents = Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        self.init(cents: dollars * 100 + cents)
    }
}
