/// The column of a CSV file that holds the numbers: 1-based as spreadsheets count, and its
/// heading when the file has one.
public struct NumberColumn: Equatable, Sendable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var heading: String?

    public init(index: Int, heading: String? = nil) {
        self.index = index
        self.heading = heading
    }

    /// `column 2 (Phone)`, or `column 2` without a heading; the heading shown without control
    /// characters and cut at 30 characters.
    public var description: String {
        guard let heading, !heading.isEmpty else { return "column \(index)" }
        let shown = RemoteText.sanitized(String(heading.prefix(30))) + (heading.count > 30 ? "…" : "")
        return "column \(index) (\(shown))"
    }
}
