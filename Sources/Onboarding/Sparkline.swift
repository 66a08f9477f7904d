/// A score over time in one line of eighth-blocks (`▁▂▃▄▅▆▇█`), on the score's own 0 to 100
/// scale so two lines compare; a reading without the score is a space.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values (0 to 100; others are clamped) as blocks, oldest first.
    public static func line(_ values: [Int?], width: Int) -> String {
        String(
            values.suffix(max(0, width)).map { value -> Character in
                guard let value else { return " " }
                return blocks[min(7, max(0, value) * 8 / 101)]
            })
    }
}
