import Foundation

/// Text that should hold digits, as people and their tools write it: compatibility forms folded
/// (NFKC: full-width `＋３１２`), digits of any script by their value (`٣١٢` → `312`), every dash,
/// hyphen and minus-like character a plain `-`, every space (thin, no-break) a plain space, and
/// invisible marks (zero-width, soft hyphen) dropped. Phone numbers, FEINs and ZIP codes are
/// read through it, so nothing is ever sent with non-ASCII digits.
public enum DigitText {
    public static func folded(_ text: String) -> String {
        var folded = ""
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.value > 0x7F, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                folded += String(Int(value))
            } else if scalar.properties.generalCategory == .dashPunctuation || [0x2212, 0x2043, 0xFE63, 0xFF0D].contains(scalar.value) {
                folded += "-"
            } else if scalar.properties.generalCategory == .spaceSeparator || scalar == "\t" {
                folded += " "
            } else if [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD].contains(scalar.value) {
                continue
            } else {
                folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }
}
