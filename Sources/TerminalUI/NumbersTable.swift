import Foundation
import Onboarding

/// Steps 8 and 9: the monitored numbers with their spam risk (word and colour), category, the
/// four scores, and when Telnyx last refreshed them; filter, select and page.
enum NumbersTable {
    static func rows(_ model: WizardModel) -> [String] {
        let filter = model.table.filter.text.filter(\.isNumber)
        return model.state.monitoredNumbers.filter { filter.isEmpty || $0.contains(filter) }
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

    static func bar(_ score: Int?) -> String {
        guard let score else { return "  —" }
        return String(format: "%3d", score)
    }

    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        let state = model.state
        let unread = state.monitoredNumbers.filter { !state.queriedNumbers.contains($0) }
        if state.step == .query {
            region.wrap("Read the reputation of the monitored numbers. A number's first read is billed (\(state.prices.liveCheck) each, marked $); later cached reads are free.", into: &surface)
        } else {
            region.write("\(state.monitoredNumbers.count) numbers monitored \(state.checkFrequency.label).", into: &surface)
        }
        if model.table.filtering || !model.table.filter.text.isEmpty {
            surface.put("Filter: ", x: region.x, y: region.y + region.line)
            model.table.filter.draw(into: &surface, x: region.x + 8, y: region.y + region.line, width: 16, focused: model.table.filtering)
            region.skip()
        }
        region.skip()
        // Columns fit the 49 columns beside the step list at 80×24; wider terminals add when
        // each number was last refreshed.
        let y0 = region.y + region.line
        for (title, column) in [("  Number", 0), ("Risk", 15), ("Category", 22), ("Mat Con Eng Sen", 32)] {
            surface.put(title, x: region.x + column, y: y0, style: .bold)
        }
        let showsRefreshed = region.width >= 64
        if showsRefreshed { surface.put("Refreshed", x: region.x + 49, y: y0, style: .bold) }
        region.skip()
        let rows = rows(model)
        let visible = region.height - region.line - 1
        let top = min(max(0, model.table.cursor - visible + 1), max(0, rows.count - visible))
        for (index, number) in rows.enumerated().dropFirst(top).prefix(visible) {
            let y = region.y + region.line
            let reading = model.readings[number]
            let focused = index == model.table.cursor
            let mark = model.table.selected.contains(number) ? "*" : unread.contains(number) ? "$" : " "
            surface.put("\(mark) \(number)", x: region.x, y: y, style: focused ? .focus : .plain)
            let (word, style) = risk(reading?.spamRisk)
            surface.put(word, x: region.x + 15, y: y, style: style)
            surface.put(RemoteText.sanitized(reading?.category ?? ""), x: region.x + 22, y: y, limit: 9)
            let scores = [reading?.maturity, reading?.connection, reading?.engagement, reading?.sentiment].map(bar).joined(separator: " ")
            surface.put(scores, x: region.x + 32, y: y)
            if showsRefreshed, let refreshed = reading?.lastRefreshedAt {
                surface.put(ReviewScreen.relative(refreshed, now: model.now), x: region.x + 49, y: y, style: .muted, limit: region.width - 49)
            }
            region.line += 1
        }
        if rows.isEmpty { region.write("No numbers match.", style: .muted, into: &surface) }
        let page = rows.isEmpty ? 0 : model.table.cursor + 1
        surface.put("\(page)/\(rows.count)  * selected  $ first read billed", x: region.x, y: region.y + region.height - 1, style: .muted)
    }
}
