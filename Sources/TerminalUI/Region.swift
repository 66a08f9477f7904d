/// A rectangle of a surface a screen draws in, with a pen that moves down line by line.
struct Region {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    /// The next free line, relative to `y`.
    var line = 0

    var isFull: Bool { line >= height }

    /// Writes one line (clipped) and moves down.
    mutating func write(_ text: String, style: Style = .plain, into surface: inout Surface, indent: Int = 0) {
        guard !isFull else { return }
        surface.put(text, x: x + indent, y: y + line, style: style, limit: width - indent)
        line += 1
    }

    /// Writes text wrapped at word boundaries to the region's width.
    mutating func wrap(_ text: String, style: Style = .plain, into surface: inout Surface, indent: Int = 0) {
        for part in Self.wrapped(text, width: width - indent) { write(part, style: style, into: &surface, indent: indent) }
    }

    mutating func skip(_ lines: Int = 1) { line += lines }

    static func wrapped(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if DisplayWidth.of(candidate) <= width {
                    current = candidate
                } else {
                    if !current.isEmpty { lines.append(current) }
                    var rest = String(word)
                    while DisplayWidth.of(rest) > width {
                        lines.append(String(rest.prefix(width)))
                        rest = String(rest.dropFirst(width))
                    }
                    current = rest
                }
            }
            lines.append(current)
        }
        return lines
    }
}
