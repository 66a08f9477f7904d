/// SplitMix64: a small, fast, well-distributed generator. The simulator derives everything
/// random from the seed with it so a world is reproducible across runs and machines.
struct SeededGenerator: RandomNumberGenerator, Codable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one key (a phone number, say) independent of the order of other draws.
    init(seed: UInt64, key: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = seed ^ hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
