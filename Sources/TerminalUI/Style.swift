/// What a colour means; the meaning is always also written in a word or symbol, so it survives
/// `NO_COLOR` and colour blindness.
public enum ColorRole: Int, CaseIterable, Sendable {
    case good = 1
    case warning, danger, accent, muted, sandbox
}

/// How a cell is drawn. Bold and reverse video mark focus.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public var color: ColorRole?

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false, color: ColorRole? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let focus = Style(reverse: true)
    public static let muted = Style(dim: true, color: .muted)
    public static func colored(_ role: ColorRole, bold: Bool = false) -> Style { Style(bold: bold, color: role) }
}
