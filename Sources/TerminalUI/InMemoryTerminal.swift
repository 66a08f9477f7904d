/// A terminal in memory for screen tests: a size that can change (a resize arrives as a key),
/// and the last surface shown, to assert on its text.
public final class InMemoryTerminal: Terminal {
    public var size: (width: Int, height: Int)
    public private(set) var shown: Surface?
    public private(set) var restored = false
    /// Rows redrawn by each `show`, to check that an unchanged screen redraws nothing.
    public private(set) var redrawnRows: [[Int]] = []
    private var keys: [Key] = []

    public init(width: Int = 80, height: Int = 24) {
        size = (width, height)
    }

    public func resize(width: Int, height: Int) {
        size = (width, height)
        keys.insert(.resize, at: 0)
    }

    public func show(_ surface: Surface) {
        redrawnRows.append(surface.changedRows(since: shown))
        shown = surface
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public func restore() { restored = true }

    /// The screen as text, one line per row.
    public var text: String { shown?.text ?? "" }
}
