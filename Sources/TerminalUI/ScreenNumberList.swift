/// Lines typed or pasted one per line, each with its verdict beside it, the last one being
/// typed. Placed on screen from the bottom: the newest lines stay in view.
struct ScreenNumberList: Equatable {
    struct Line: Equatable {
        var text: String
        /// Beside the line (`✓ +13125550100`, `! has 7 digits…`); empty for none.
        var verdict: String
        var style: Style
    }

    /// The most lines content carries: more than any terminal shows, few enough that a pasted
    /// list of thousands is not judged line by line on every frame.
    static let mostLines = 200

    /// The last lines written, oldest first; the last is the one being typed.
    var lines: [Line]
    var typing: TextField
    /// Lines left free below the list, for what the screen says after it.
    var linesBelow: Int

    static let textWidth = 22

    func place(in region: inout Region, on surface: inout Surface) {
        let visible = min(region.height - region.line - linesBelow, lines.count)
        for (offset, line) in lines.enumerated().dropFirst(lines.count - max(0, visible)) {
            let y = region.y + region.line
            if offset == lines.count - 1 {
                typing.draw(into: &surface, x: region.x, y: y, width: Self.textWidth, focused: true)
            } else {
                surface.put(line.text, x: region.x, y: y, limit: Self.textWidth)
            }
            surface.put(line.verdict, x: region.x + Self.textWidth + 2, y: y, style: line.style, limit: region.width - Self.textWidth - 2)
            region.line += 1
        }
    }
}
