import Foundation

/// A number the simulated account owns, as `/phone_numbers` lists it.
struct InventoryNumber: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable {
        case local
        case tollFree = "toll_free"
    }

    var id: String
    var phoneNumber: String
    var countryISO: String
    var kind: Kind
    /// `active` is in service; others (`port-pending`, `deleted`…) are not.
    var status: String
    var purchasedAt: Date

    var isUSLocalInService: Bool { countryISO == "US" && kind == .local && status == "active" }
}

/// The account's inventory, generated from the seed: `usLocalCount` active US local numbers,
/// then a few that exist so the rules against them can be exercised (toll-free, Canadian,
/// not in service). Numbers are spread over real US area codes and never use 555 or N11
/// exchanges.
enum InventoryGenerator {
    static let usAreaCodes = [
        201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224,
        225, 248, 251, 253, 256, 260, 262, 267, 269, 270, 281, 301, 302, 303, 304, 305, 307, 308,
        309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 330, 334, 336, 337, 339,
        347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413,
        414, 415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 443, 469, 478, 479, 480, 484,
        501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540,
        541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586, 601, 602, 603,
        605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631,
        636, 641, 646, 650, 651, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712,
        713, 714, 715, 716, 717, 718, 719, 720, 724, 727, 731, 732, 734, 740, 754, 757, 760, 763,
        765, 770, 772, 773, 774, 775, 779, 781, 785, 786, 801, 802, 803, 804, 805, 806, 808, 810,
        812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848, 850, 856, 857,
        858, 859, 860, 862, 863, 864, 865, 870, 878, 901, 903, 904, 906, 907, 908, 909, 910, 912,
        913, 914, 915, 916, 917, 918, 919, 920, 925, 928, 931, 936, 937, 940, 941, 947, 949, 951,
        952, 954, 956, 970, 971, 972, 973, 978, 979, 980, 985, 989,
    ]

    static func generate(seed: UInt64, usLocalCount: Int, purchasedAt: Date) -> [InventoryNumber] {
        var generator = SeededGenerator(seed: seed)
        var seen = Set<String>()
        var numbers: [InventoryNumber] = []
        numbers.reserveCapacity(usLocalCount + 9)

        func draw(areaCodes: [Int]) -> String {
            while true {
                let area = areaCodes[Int(generator.next() % UInt64(areaCodes.count))]
                var exchange = 200 + Int(generator.next() % 800)
                if exchange % 100 == 11 || exchange == 555 { exchange += 1 }
                let line = Int(generator.next() % 10_000)
                let number = String(format: "+1%03d%03d%04d", area, exchange, line)
                if seen.insert(number).inserted { return number }
            }
        }
        func add(_ phoneNumber: String, country: String, kind: InventoryNumber.Kind, status: String) {
            let id = String(1_293_384_261_075_731_499 &+ UInt64(numbers.count))
            numbers.append(
                InventoryNumber(
                    id: id, phoneNumber: phoneNumber, countryISO: country, kind: kind, status: status,
                    purchasedAt: purchasedAt))
        }

        for _ in 0..<usLocalCount { add(draw(areaCodes: usAreaCodes), country: "US", kind: .local, status: "active") }
        for _ in 0..<3 { add(draw(areaCodes: [800, 833, 844, 855, 866, 877, 888]), country: "US", kind: .tollFree, status: "active") }
        for _ in 0..<3 { add(draw(areaCodes: [416, 514, 604, 613, 647, 905]), country: "CA", kind: .local, status: "active") }
        for status in ["port-pending", "deleted", "purchase-pending"] {
            add(draw(areaCodes: usAreaCodes), country: "US", kind: .local, status: status)
        }
        return numbers
    }
}
