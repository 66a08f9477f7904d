import Foundation

/// The names a numbers column goes by in exports from carrier portals, dialers, CRMs and
/// spreadsheets: `Phone`, `phone_number`, `Number`, `Caller ID`, `DID`, `TN` and their kin.
public enum NumberHeading {
    /// Compared with case, spaces, `_`, `-`, `.` and `#` ignored.
    static let known: Set<String> = [
        "phone", "phonenumber", "phoneno", "telephone", "telephonenumber", "tel",
        "number", "numbers", "callerid", "calleridnumber", "did", "didnumber", "tn", "e164", "ani",
    ]

    /// Whether `cell` is a heading naming a numbers column.
    public static func names(_ cell: String) -> Bool {
        let key = cell.lowercased().filter { !($0.isWhitespace || "_-.#\"'".contains($0)) }
        return known.contains(key)
    }
}
