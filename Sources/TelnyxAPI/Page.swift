/// One page of a list, whichever of the spec's three pagination schemas carried it.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var pageNumber: Int
    /// Items on this page (Telnyx's `meta.page_size` is this count, not the size asked for).
    public var count: Int
    public var totalPages: Int
    public var totalResults: Int

    public init(items: [Item], pageNumber: Int?, totalPages: Int?, totalResults: Int?, requestedPage: Int) {
        self.items = items
        self.pageNumber = pageNumber ?? requestedPage
        self.count = items.count
        self.totalPages = totalPages ?? 0
        self.totalResults = totalResults ?? items.count
    }

    /// Every item of a list: the first page says how many there are, and the rest are fetched
    /// `concurrency` at a time, then put back in order.
    public static func collectAll(
        pageSize: Int = 250, concurrency: @escaping @Sendable () -> Int,
        fetch: @escaping @Sendable (_ page: Int, _ size: Int) async throws -> Page<Item>
    ) async throws -> [Item] {
        let first = try await fetch(1, pageSize)
        guard !first.items.isEmpty, first.totalPages > 1 else { return first.items }
        let rest = try await Array(2...first.totalPages).concurrentMap(inFlight: concurrency) { try await fetch($0, pageSize).items }
        return first.items + rest.flatMap { $0 }
    }
}
