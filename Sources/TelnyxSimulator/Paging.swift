/// Telnyx's paging rules: 1-based pages, sizes clamped to 250, and `meta.page_size` reporting
/// how many items this page holds rather than the size asked for.
struct Paging {
    static let maximumSize = 250

    var number: Int
    var size: Int

    init(number: Int?, size: Int?, defaultSize: Int) throws(SimulatorError) {
        let number = number ?? 1
        let size = size ?? defaultSize
        guard number >= 1 else { throw .invalid("page[number] must be 1 or more", parameter: "page[number]") }
        guard size >= 1 else { throw .invalid("page[size] must be 1 or more", parameter: "page[size]") }
        self.number = number
        self.size = min(size, Self.maximumSize)
    }

    func slice<Element>(_ all: [Element]) -> (items: ArraySlice<Element>, meta: Schemas.NumberReputationPaginationMeta) {
        let start = min(all.count, (number - 1) * size)
        let end = min(all.count, start + size)
        let items = all[start..<end]
        let totalPages = (all.count + size - 1) / size
        return (items, .init(pageNumber: number, pageSize: items.count, totalPages: totalPages, totalResults: all.count))
    }
}

extension Schemas.BrandedCallingPaginationMeta {
    init(_ meta: Schemas.NumberReputationPaginationMeta) {
        self.init(pageNumber: meta.pageNumber, pageSize: meta.pageSize, totalPages: meta.totalPages, totalResults: meta.totalResults)
    }
}
