import Foundation
import Onboarding

/// Steps 8 and 9: the monitored numbers with their spam risk (word and colour), category, the
/// four scores as numbers and bars, and when Telnyx last refreshed them; sort, filter, select
/// and page.
enum NumbersTable {
    /// The numbers the filter lets through, in the order monitored.
    static func matching(_ model: WizardModel) -> [String] {
        let filter = model.table.filter.text.filter(\.isNumber)
        return filter.isEmpty ? model.state.monitoredNumbers : model.state.monitoredNumbers.filter { $0.contains(filter) }
    }

    /// The table's rows: the matching numbers in the chosen order.
    static func rows(_ model: WizardModel) -> [String] {
        model.table.sort.apply(matching(model), readings: model.readings)
    }

    static func risk(_ value: String?) -> (String, Style) {
        switch value {
        case "low": ("low", .colored(.good))
        case "medium": ("MEDIUM", .colored(.warning, bold: true))
        case "high": ("HIGH", .colored(.danger, bold: true))
        case nil: ("—", .muted)
        case let other?: (RemoteText.sanitized(other), .plain)
        }
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

    /// Where the columns go for the width beside the step list (49 at 80×24).
    struct Layout {
        let barCells: Int
        let scoreSlot: Int
        let refreshedAt: Int?

        init(width: Int) {
            barCells = width >= 90 ? 5 : 1
            scoreSlot = barCells == 1 ? 5 : barCells + 5
            let afterScores = 30 + 4 * scoreSlot
            refreshedAt = width - afterScores >= 14 ? afterScores : nil
        }
    }

    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        let state = model.state
        if state.step == .query {
            region.wrap(
                "Read the reputation of the monitored numbers. A number's first read is billed (\(state.prices.liveCheck) each, marked $); later cached reads are free.",
                into: &surface)
        } else {
            let count = state.monitoredNumbers.count
            region.write("\(count) \(count == 1 ? "number" : "numbers") monitored \(state.checkFrequency.label).", into: &surface)
        }
        if model.table.filtering || !model.table.filter.text.isEmpty {
            surface.put("Filter: ", x: region.x, y: region.y + region.line)
            model.table.filter.draw(into: &surface, x: region.x + 8, y: region.y + region.line, width: 16, focused: model.table.filtering)
            region.skip()
        }
        region.skip()
        let layout = Layout(width: region.width)
        let sort = model.table.sort
        func title(_ text: String, _ column: TableSort.Column) -> String { sort.column == column ? text + sort.arrow : text }
        let y0 = region.y + region.line
        var headers = [(title("  Number", .number), 0), (title("Risk", .risk), 15), ("Category", 22)]
        for (index, (name, column)) in [
            ("Mat", TableSort.Column.maturity), ("Con", .connection), ("Eng", .engagement), ("Sen", .sentiment),
        ].enumerated() {
            headers.append((title(name, column), 30 + index * layout.scoreSlot + 1))
        }
        if let refreshedAt = layout.refreshedAt { headers.append((title("Refreshed", .refreshed), refreshedAt)) }
        for (text, column) in headers { surface.put(text, x: region.x + column, y: y0, style: .bold) }
        region.skip()
        let rows = rows(model)
        let visible = region.height - region.line - 1
        let top = min(max(0, model.table.cursor - visible + 1), max(0, rows.count - visible))
        for (index, number) in rows.enumerated().dropFirst(top).prefix(visible) {
            let y = region.y + region.line
            let reading = model.readings[number]
            let focused = index == model.table.cursor
            let mark = model.table.selected.contains(number) ? "*" : !state.queriedNumbers.contains(number) ? "$" : " "
            surface.put("\(mark) \(number)", x: region.x, y: y, style: focused ? .focus : .plain)
            let (word, style) = risk(reading?.spamRisk)
            surface.put(word, x: region.x + 15, y: y, style: style)
            surface.put(RemoteText.sanitized(reading?.category ?? ""), x: region.x + 22, y: y, limit: 7)
            for (index, score) in [reading?.maturity, reading?.connection, reading?.engagement, reading?.sentiment].enumerated() {
                surface.put(bar(score, cells: layout.barCells), x: region.x + 30 + index * layout.scoreSlot, y: y)
            }
            if let refreshedAt = layout.refreshedAt, let refreshed = reading?.lastRefreshedAt {
                surface.put(
                    ReviewScreen.relative(refreshed, now: model.now), x: region.x + refreshedAt, y: y, style: .muted,
                    limit: region.width - refreshedAt)
            }
            region.line += 1
        }
        if rows.isEmpty { region.write("No numbers match.", style: .muted, into: &surface) }
        // A cursor left past the end (rows removed) counts as the last row.
        let page = rows.isEmpty ? 0 : min(model.table.cursor, rows.count - 1) + 1
        var footer = ["\(page)/\(rows.count) \(sort.description)"]
        // Too narrow for the column, the focused number says when it was last refreshed.
        if layout.refreshedAt == nil, rows.indices.contains(model.table.cursor),
            let refreshed = model.readings[rows[model.table.cursor]]?.lastRefreshedAt
        {
            footer.append("refreshed \(ReviewScreen.relative(refreshed, now: model.now))")
        }
        for legend in ["* selected", "$ billed"] where DisplayWidth.of((footer + [legend]).joined(separator: "  ")) <= region.width {
            footer.append(legend)
        }
        surface.put(footer.joined(separator: "  "), x: region.x, y: region.y + region.height - 1, style: .muted, limit: region.width)
    }
}
