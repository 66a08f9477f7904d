import Foundation

/// The name a rendered LOA is saved under, one a person can find again:
/// `Acme-Plumbing-LLC-LOA-2026-11-29.pdf` (the legal name's letters and digits joined by `-`,
/// then the day in UTC). A second render the same day gets `-2`, `-3`… rather than replacing
/// the first, which may already be signed.
public enum LOAFileName {
    /// The name for `legalName` rendered on `day`; `taken` says whether a name is in use.
    public static func name(legalName: String, day: Date, taken: (String) -> Bool = { _ in false }) -> String {
        name(legalName: legalName, kind: "LOA", fileExtension: "pdf", day: day, taken: taken)
    }

    /// The same kind of name for another file of the enterprise: `Acme-Plumbing-LLC-numbers-2026-11-29.csv`.
    public static func name(
        legalName: String, kind: String, fileExtension: String, day: Date, taken: (String) -> Bool = { _ in false }
    ) -> String {
        var kept = ""
        // Accents dropped first (`Café Ünïcode` → `Cafe-Unicode`), so a letter is not lost.
        for scalar in legalName.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars {
            let plain = scalar.isASCII && CharacterSet.alphanumerics.contains(scalar)
            kept.unicodeScalars.append(plain ? scalar : " ")
        }
        let words = kept.split(separator: " ").map(String.init)
        let stem = String((words.isEmpty ? ["Enterprise"] : words).joined(separator: "-").prefix(80))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let base = "\(stem)-\(kind)-\(date)"
        var candidate = "\(base).\(fileExtension)"
        var counter = 2
        while taken(candidate) {
            candidate = "\(base)-\(counter).\(fileExtension)"
            counter += 1
        }
        return candidate
    }
}
