/// A grid of cells the screens draw into; a terminal shows it. Wide characters take two cells,
/// the second an empty continuation.
public struct Surface: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// One grapheme, or "" for the second half of a wide one.
        public var text: String
        public var style: Style

        public static let blank = Cell(text: " ", style: .plain)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped at `x + limit` (default: the right edge); answers the
    /// columns used. Control characters never reach the grid.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > end { break }
            if column >= 0 {
                self[column, y] = Cell(text: String(character), style: style)
                if characterWidth == 2 { self[column + 1, y] = Cell(text: "", style: style) }
            }
            column += characterWidth
        }
        return column - x
    }

    /// Paints a rectangle with a style, keeping its text.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { self[column, row].style = style }
        }
    }

    /// The text of a row, as a terminal shows it (trailing spaces kept).
    public func line(_ y: Int) -> String {
        (0..<width).map { self[$0, y].text }.joined()
    }

    /// Every row, trailing spaces removed: what tests assert on.
    public var lines: [String] {
        (0..<height).map { String(line($0).reversed().drop { $0 == " " }.reversed()) }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// Rows whose cells differ from `previous` (all of them when the size changed).
    public func changedRows(since previous: Surface?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { row in
            cells[(row * width)..<((row + 1) * width)] != previous.cells[(row * width)..<((row + 1) * width)]
        }
    }
}
