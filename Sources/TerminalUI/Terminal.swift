/// Where the wizard draws and reads keys: ncurses on a real terminal, a grid in memory in tests.
public protocol Terminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows the surface; only what changed since the last one is redrawn.
    func show(_ surface: Surface)
    /// The next key, or nil when none came within `timeoutMilliseconds` (so spinners can move).
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// Gives the terminal back as it was. Safe to call more than once.
    func restore()
    /// Sleeps until a key can be read, `wake` is signalled (a background result, a resize), or
    /// `timeoutMilliseconds` pass (nil: as long as it takes). A terminal that cannot sleep (one
    /// in memory, playing a script) returns at once.
    func waitForInput(timeoutMilliseconds: Int?, wake: WakeUp)
}

extension Terminal {
    public func waitForInput(timeoutMilliseconds: Int?, wake: WakeUp) {}
}
