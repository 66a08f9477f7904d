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

    /// Every item of a list, walking pages of `pageSize` until Telnyx says the last was reached
    /// (`page_number >= total_pages`) or a page comes back empty.
    public static func collectAll(
        pageSize: Int = 250, fetch: (_ page: Int, _ size: Int) async throws -> Page<Item>
    ) async throws -> [Item] {
        var all: [Item] = []
        var number = 1
        while true {
            let page = try await fetch(number, pageSize)
            all += page.items
            if page.items.isEmpty || max(page.pageNumber, number) >= page.totalPages { return all }
            number += 1
        }
    }
}
