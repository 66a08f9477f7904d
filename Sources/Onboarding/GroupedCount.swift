import Foundation

extension Int {
    /// The count as every message writes it, `10,000`, whatever the locale (en_US grouping).
    public var grouped: String { formatted(.number.locale(Locale(identifier: "en_US"))) }
}
