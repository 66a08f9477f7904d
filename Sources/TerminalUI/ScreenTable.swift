import Foundation

/// A table as content: column titles, its rows (each made only when it is shown or said, so
/// a table of 10,000 numbers costs a frame only the rows on screen), and a footer. Placed on
/// screen with the columns set by the width (score bars grow on a wide screen, the trailing
/// column shows only where it fits), the cursor's row in view and the footer on the region's
/// last line; said in plain mode one sentence a row, from the first.
struct ScreenTable {
    struct Column: Equatable {
        enum Kind: Equatable {
            /// Text in a slot `width` columns wide (the text gets one less).
            case text(width: Int)
            /// A score from 0 to 100 as its number and a bar.
            case score
            /// After the scores, shown only with `minWidth` columns to spare.
            case trailing(minWidth: Int)
        }
        var title: String
        var kind: Kind
    }

    enum Cell: Equatable {
        case text(String, Style = .plain)
        case score(Int?)
    }

    struct Row: Equatable {
        /// One a column.
        var cells: [Cell]
        /// The row as a sentence, for plain mode.
        var spoken: String
    }

    /// The most rows plain mode says.
    static let mostSaid = 200

    var columns: [Column]
    var rowCount: Int
    /// Row `index` (0 ..< `rowCount`), made when it is shown or said.
    var row: (Int) -> Row
    /// The focused row (its first cell is drawn as focused); past the end counts as the last.
    var cursor: Int
    /// Said when there is no row.
    var empty: String
    /// Said in plain mode after the rows when some were left out (`status --json` lists all).
    var leftOut: String
    /// The footer: `footer[0]` always; `whenNarrow` after it when the trailing column has no
    /// room; then each later part while the line fits.
    var footer: [String]
    var whenNarrow: String?

    /// Where each column starts for a region `width` wide, and the bar's cells.
    struct Placement {
        var x: [Int?]
        var barCells: Int

        init(_ columns: [Column], width: Int) {
            barCells = width >= 90 ? 5 : 1
            let scoreSlot = barCells == 1 ? 5 : barCells + 5
            var next = 0
            x = columns.map { column in
                let at = next
                switch column.kind {
                case .text(let slot): next += slot
                case .score: next += scoreSlot
                case .trailing(let minWidth):
                    guard width - at >= minWidth else { return nil }
                }
                return at
            }
        }
    }

    func place(in region: inout Region, on surface: inout Surface) {
        let placement = Placement(columns, width: region.width)
        let y0 = region.y + region.line
        for (column, x) in zip(columns, placement.x) {
            guard let x else { continue }
            let offset = column.kind == .score ? 1 : 0
            surface.put(column.title, x: region.x + x + offset, y: y0, style: .bold)
        }
        region.skip()
        let visible = max(0, region.height - region.line - 1)
        let top = min(max(0, cursor - visible + 1), max(0, rowCount - visible))
        for index in top..<min(rowCount, top + visible) {
            let row = row(index)
            let y = region.y + region.line
            for (position, (cell, column)) in zip(row.cells, columns).enumerated() {
                guard let x = placement.x[position] else { continue }
                switch cell {
                case .text(let text, let style):
                    let cellStyle = position == 0 && index == cursor ? .focus : style
                    let limit: Int =
                        switch column.kind {
                        case .text(let slot): slot - 1
                        case .score, .trailing: region.width - x
                        }
                    surface.put(text, x: region.x + x, y: y, style: cellStyle, limit: limit)
                case .score(let score):
                    surface.put(Self.bar(score, cells: placement.barCells), x: region.x + x, y: y)
                }
            }
            region.line += 1
        }
        if rowCount == 0 { region.write(empty, style: .muted, into: &surface) }
        var parts = Array(footer.prefix(1))
        if placement.x.contains(where: { $0 == nil }), let whenNarrow { parts.append(whenNarrow) }
        for part in footer.dropFirst() where DisplayWidth.of((parts + [part]).joined(separator: "  ")) <= region.width {
            parts.append(part)
        }
        surface.put(parts.joined(separator: "  "), x: region.x, y: region.y + region.height - 1, style: .muted, limit: region.width)
    }

    /// A score as its number and a bar: one cell of eighths when narrow, `cells` wide otherwise.
    static func bar(_ score: Int?, cells: Int) -> String {
        guard let score else { return "  —" + String(repeating: " ", count: cells) }
        let number = String(format: "%3d", score)
        let eighths = Int((Double(min(100, max(0, score))) / 100 * Double(8 * cells)).rounded())
        if cells == 1 { return number + [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"][eighths] }
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let drawn = String(repeating: "█", count: eighths / 8) + partial
        return number + " " + drawn + String(repeating: " ", count: cells - DisplayWidth.of(drawn))
    }

    /// The rows as numbered sentences, and what was left out.
    var plainLines: [String] {
        var lines = (0..<min(rowCount, Self.mostSaid)).map { index in "\(index + 1). \(row(index).spoken)" }
        if rowCount > Self.mostSaid { lines.append("… and \(rowCount - Self.mostSaid) more (\(leftOut)).") }
        return lines
    }
}
