import Onboarding

/// Where a line of step 7's list was loaded from by ^O: the file's name, its line as the file
/// counts it, and the CSV column.
public struct NumberLineOrigin: Equatable, Sendable, CustomStringConvertible {
    /// The file's name (no directory), without control characters.
    public var file: String
    /// 1-based, as the file's editor counts.
    public var lineNumber: Int
    public var column: NumberColumn?

    public init(file: String, lineNumber: Int, column: NumberColumn? = nil) {
        self.file = file
        self.lineNumber = lineNumber
        self.column = column
    }

    /// `numbers.csv line 4, column 2 (Phone)`.
    public var description: String {
        "\(file) line \(lineNumber)" + (column.map { ", \($0)" } ?? "")
    }
}
