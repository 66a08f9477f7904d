import Onboarding

/// What a step's screen shows, before it is placed: the full-screen layout draws the blocks in
/// the step's region (`ScreenLayout`), the plain renderer prints them as lines (`PlainText`).
/// Words about keys are given for each renderer, since their keys differ.
enum ScreenBlock: Equatable {
    /// Text wrapped to the region on screen (`indent` columns in); one line in plain mode.
    case paragraph(String, Style = .plain, indent: Int = 0)
    /// One line, clipped on screen.
    case line(String, Style = .plain, indent: Int = 0)
    /// A file's path: shortened in the middle to fit on screen, whole in plain mode.
    case path(String, indent: Int = 2)
    case blank
    /// A radio list: one choice a line, the chosen one marked.
    case choices([ScreenChoice])
    /// A text field and its label (above it, or `inlineWidth` columns wide beside it); plain
    /// mode asks it as a question instead.
    case input(label: String, field: TextField, inlineWidth: Int? = nil)
    /// Words each renderer says its own way: keys differ, and plain mode says as a sentence
    /// what the screen shows in short (`plain` nil: left out there; `fullScreen` empty: only
    /// in plain mode).
    case wording(fullScreen: String, plain: String?, Style = .plain)
    /// Side-by-side values under their titles on screen (the two reviews); plain mode says each
    /// as `title: spoken.`.
    case columns([ScreenColumn])
}

/// One choice of a radio list: its label, and a detail drawn beside it (and said in words).
struct ScreenChoice: Equatable {
    var label: String
    /// Beside the label on screen (`$208.75/month`).
    var detail: String
    /// The detail in words for plain mode (`about $208.75 a month`).
    var spokenDetail: String
    var chosen: Bool
}

/// One column of `.columns`: a title, its value as drawn (with its style), and as said.
struct ScreenColumn: Equatable {
    var title: String
    var value: String
    var style: Style
    var spoken: String
}

/// Places screen blocks in a region of the full screen, top to bottom.
enum ScreenLayout {
    static func place(_ blocks: [ScreenBlock], in region: inout Region, on surface: inout Surface) {
        for block in blocks {
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
            case .input(let label, let field, let inlineWidth?):
                let labelWidth = DisplayWidth.of(label)
                surface.put(label, x: region.x, y: region.y + region.line)
                field.draw(into: &surface, x: region.x + labelWidth, y: region.y + region.line, width: inlineWidth, focused: true)
                region.skip()
            case .input(let label, let field, nil):
                region.write(label, into: &surface)
                field.draw(into: &surface, x: region.x + 2, y: region.y + region.line, width: region.width - 2, focused: true)
                region.skip()
            case .wording(let fullScreen, _, let style) where !fullScreen.isEmpty: region.wrap(fullScreen, style: style, into: &surface)
            case .wording: break
            case .columns(let columns):
                // Equal widths, titles above values, then a blank line.
                let width = region.width / max(1, columns.count)
                let y = region.y + region.line
                for (index, column) in columns.enumerated() {
                    surface.put(column.title, x: region.x + index * width, y: y, style: .bold)
                    surface.put(column.value, x: region.x + index * width, y: y + 1, style: column.style)
                }
                region.skip(3)
            }
        }
    }

    /// The blocks as plain lines: paragraphs whole, paths whole, choices numbered with their
    /// detail in words, text fields left out (plain mode asks them), one blank line at most.
    static func plainLines(_ blocks: [ScreenBlock]) -> [String] {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text, _, let indent): lines.append(String(repeating: " ", count: indent) + text)
            case .line(let text, _, let indent): lines.append(String(repeating: " ", count: indent) + text)
            case .path(let path, let indent): lines.append(String(repeating: " ", count: indent) + path)
            case .blank: lines.append("")
            case .choices(let choices):
                for (index, choice) in choices.enumerated() {
                    lines.append("  \(index + 1). \(choice.label): \(choice.spokenDetail)\(choice.chosen ? " (chosen)" : "")")
                }
            case .input: break
            case .wording(_, let plain?, _): lines.append(plain)
            case .wording(_, nil, _): break
            case .columns(let columns): lines += columns.map { "\($0.title): \($0.spoken)." }
            }
        }
        return lines.enumerated().filter { index, line in !(line.isEmpty && index > 0 && lines[index - 1].isEmpty) }.map(\.element)
    }
}
