/// Places screen blocks in a region of the full screen, top to bottom, or says them as plain
/// lines: the one place that knows where things go.
enum ScreenLayout {
    static func place(_ blocks: [ScreenBlock], in region: inout Region, on surface: inout Surface) {
        for block in blocks { place(block, in: &region, on: &surface) }
    }

    static func place(_ block: ScreenBlock, in region: inout Region, on surface: inout Surface) {
        switch block {
        case .paragraph(let text, let style, let indent): region.wrap(text, style: style, into: &surface, indent: indent)
        case .line(let text, let style, let indent): region.write(text, style: style, into: &surface, indent: indent)
        case .path(let path, let indent):
            region.write(DisplayPath.oneLine(path, width: region.width - indent), style: .bold, into: &surface, indent: indent)
        case .blank: region.skip()
        case .choices(let choices):
            for choice in choices {
                let line =
                    "\(choice.chosen ? "(•)" : "( )") \(choice.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(choice.detail)"
                region.write(line, style: choice.chosen ? .focus : .plain, into: &surface, indent: 2)
            }
        case .input(let label, let field, let inlineWidth?, let focused):
            let labelWidth = DisplayWidth.of(label)
            surface.put(label, x: region.x, y: region.y + region.line)
            field.draw(into: &surface, x: region.x + labelWidth, y: region.y + region.line, width: inlineWidth, focused: focused)
            region.skip()
        case .input(let label, let field, nil, let focused):
            region.write(label, into: &surface)
            field.draw(into: &surface, x: region.x + 2, y: region.y + region.line, width: region.width - 2, focused: focused)
            region.skip()
        case .wording(let fullScreen, _, let style) where !fullScreen.isEmpty: region.wrap(fullScreen, style: style, into: &surface)
        case .wording: break
        case .columns(let columns):
            // Equal widths, titles above values, then a blank line; columns whose text is wider
            // than an equal share (three reviews at 80 columns) take their own width plus a gap.
            let equal = region.width / max(1, columns.count)
            let natural = columns.map { max(DisplayWidth.of($0.title), DisplayWidth.of($0.value)) + 2 }
            let widths = natural.allSatisfy { $0 <= equal } ? Array(repeating: equal, count: columns.count) : natural
            let y = region.y + region.line
            var x = region.x
            for (column, width) in zip(columns, widths) {
                let room = max(1, min(width - 1, region.x + region.width - x))
                surface.put(column.title, x: x, y: y, style: .bold, limit: room)
                surface.put(column.value, x: x, y: y + 1, style: column.style, limit: room)
                x += width
            }
            region.skip(3)
        case .bullets(let items, let style, let room, let overflow):
            let lines = items.flatMap { Region.wrapped("• " + $0, width: region.width - 1) }
            for line in lines.prefix(lines.count > room ? room - 1 : room) { region.write(line, style: style, into: &surface, indent: 1) }
            var strong = style
            strong.bold = true
            if lines.count > room { region.write(overflow, style: strong, into: &surface, indent: 1) }
        case .form(let form): form.place(in: &region, on: &surface)
        case .numberList(let list): list.place(in: &region, on: &surface)
        case .table(let table): table.place(in: &region, on: &surface)
        case .onScreenOnly(let block): place(block, in: &region, on: &surface)
        }
    }

    /// The blocks as plain lines: paragraphs whole, paths whole, choices numbered with their
    /// detail in words, a table's rows as sentences; fields and typed lists left out (plain
    /// mode asks them); one blank line at most.
    static func plainLines(_ blocks: [ScreenBlock]) -> [String] {
        let lines = blocks.flatMap(plainLines(of:))
        return lines.enumerated().filter { index, line in !(line.isEmpty && index > 0 && lines[index - 1].isEmpty) }.map(\.element)
    }

    static func plainLines(of block: ScreenBlock) -> [String] {
        switch block {
        case .paragraph(let text, _, let indent), .line(let text, _, let indent): [String(repeating: " ", count: indent) + text]
        case .path(let path, let indent): [String(repeating: " ", count: indent) + path]
        case .blank: [""]
        case .choices(let choices):
            choices.enumerated().map { index, choice in
                "  \(index + 1). \(choice.label): \(choice.spokenDetail)\(choice.chosen ? " (chosen)" : "")"
            }
        case .wording(_, let plain?, _): [plain]
        case .wording(_, nil, _): []
        case .columns(let columns): columns.map { "\($0.title): \($0.spoken)." }
        case .bullets(let items, _, _, _): items.map { "  - " + $0 }
        case .table(let table): table.plainLines
        case .input, .form, .numberList, .onScreenOnly: []
        }
    }
}
