import Foundation
import TelnyxAPI

extension SimulatorWorld {
    func inventoryPage(
        status: String?, phoneNumber: String?, numberType: String?, paging: Paging
    )
        -> ([Schemas.PhoneNumberDetailed], Schemas.PaginationMeta)
    {
        read { state, _ in
            let digits = phoneNumber?.filter(\.isNumber)
            let matching = state.inventory.filter { number in
                if let status, number.status != status { return false }
                if let numberType, number.kind.rawValue != numberType { return false }
                if let digits, !digits.isEmpty, !number.phoneNumber.filter(\.isNumber).contains(digits) { return false }
                return true
            }
            let page = paging.slice(matching)
            let detailed = page.items.map { number in
                Schemas.PhoneNumberDetailed(
                    countryIsoAlpha2: number.countryISO, createdAt: number.purchasedAt, deletionLockEnabled: false,
                    externalPin: nil, id: number.id, phoneNumber: number.phoneNumber,
                    phoneNumberType: .init(number.kind == .local ? .local : .tollFree),
                    purchasedAt: (try? TelnyxDateTranscoder().encode(number.purchasedAt)) ?? "", recordType: "phone_number",
                    status: .init(rawValue: number.status), tags: [])
            }
            return (
                detailed,
                Schemas.PaginationMeta(
                    pageNumber: page.meta.pageNumber, pageSize: page.meta.pageSize, totalPages: page.meta.totalPages,
                    totalResults: page.meta.totalResults)
            )
        }
    }
}
