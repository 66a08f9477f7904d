/// How far a job sent in batches has come (numbers being added, for instance), for a progress
/// line while it runs.
public struct BatchProgress: Equatable, Sendable {
    public var batchesDone: Int
    public var batches: Int
    public var added: Int
    public var setAside: Int

    public init(batchesDone: Int = 0, batches: Int, added: Int = 0, setAside: Int = 0) {
        self.batchesDone = batchesDone
        self.batches = batches
        self.added = added
        self.setAside = setAside
    }

    /// "3 of 12 batches · 300 added · 2 set aside"
    public var description: String {
        var parts = ["\(batchesDone) of \(batches) batch\(batches == 1 ? "" : "es")", "\(added) added"]
        if setAside > 0 { parts.append("\(setAside) set aside") }
        return parts.joined(separator: " · ")
    }
}
