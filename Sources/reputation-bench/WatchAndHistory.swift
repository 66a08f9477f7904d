import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TelnyxSimulator

/// Step 8 (each number's first read) and `watch` on the numbers the bench associated, and the
/// store holding a year of their readings: time, requests, size.
enum WatchAndHistory {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Each number's first read as the engine sends it (one GET each, as many in flight as the
    /// server's rate limit allows), then two watches (the first keeps every reading, the
    /// second is a cron run's steady state). Answers the report's lines.
    static func report(
        server: TelnyxSimulatorServer, client: TelnyxClient, enterpriseId: String, numbers: [String], latencyMs: Int, rateLimit: Int,
        associateSeconds: Double, associateRequests: Int
    ) async throws -> String {
        let latency = Double(latencyMs) / 1000
        let start = ContinuousClock.now
        let read = try await numbers.concurrentMap(inFlight: { client.inFlightAllowance }) { number in
            try await client.numberReputation(enterpriseId: enterpriseId, phoneNumber: number, mayBill: true)
        }
        let readSeconds = seconds(ContinuousClock.now - start)
        precondition(read.count == numbers.count, "every number read")
        // The floor: at most 32 in flight at the latency, and no faster than the server's rate
        // once its full window (one second's worth, which it starts with) is used.
        func floor(_ requests: Int) -> Double {
            max(
                Double((requests + TelnyxClient.mostInFlight - 1) / TelnyxClient.mostInFlight) * latency,
                Double(max(0, requests - rateLimit)) / Double(rateLimit))
        }
        let readFloor = floor(numbers.count)
        let associateFloor = floor(associateRequests)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OnboardingStore(directory: directory)
        var state = OnboardingState(id: "bench-watch")
        state.enterprise = .init(id: enterpriseId, legalName: "Bench Fast LLC")
        state.reputationEnabled = true
        state.step = .manage
        state.monitoredNumbers = numbers
        try store.create(state)
        let watch = NumberWatch(store: store, client: client)
        _ = try await watch.watch("bench-watch")
        // The same pages read bare (no store, no comparison): what any client pays to list them
        // from this server, its JSON written and read on these cores.
        let bareStart = ContinuousClock.now
        _ = try await client.allNumbers(enterpriseId: enterpriseId)
        let bareSeconds = seconds(ContinuousClock.now - bareStart)
        let listsBefore = server.requests.total(method: "GET", pathSuffix: "/reputation/numbers")
        let watchStart = ContinuousClock.now
        let steady = try await watch.watch("bench-watch")
        let watchSeconds = seconds(ContinuousClock.now - watchStart)
        let listRequests = server.requests.total(method: "GET", pathSuffix: "/reputation/numbers") - listsBefore
        precondition(steady.numbersListed == numbers.count, "watch listed every number")
        // A list's first page comes back before the others are asked for.
        let watchFloor = latency + floor(listRequests - 1)
        func row(_ name: String, _ measured: Double, _ floor: Double) -> String {
            String(format: "| %@ | %.2f s | %.2f s | %.2f× the floor |", name, measured, floor, measured / floor)
        }
        return """
            Steps 7–8 and watch, \(numbers.count) numbers at \(latencyMs) ms, the server allowing \(rateLimit) requests a second (one run):

            | job | measured | floor | vs floor |
            |---|---|---|---|
            \(row("associate (step 7)", associateSeconds, associateFloor))
            \(row("each number's first read (step 8)", readSeconds, readFloor))
            \(row("steps 7–8", associateSeconds + readSeconds, associateFloor + readFloor))
            \(row("watch (\(listRequests) list requests)", watchSeconds, watchFloor))
            \(row("watch vs the same pages listed bare", watchSeconds, bareSeconds))

            floor: the requests needed, at most \(TelnyxClient.mostInFlight) in flight × \(latencyMs) ms, and no faster than \(rateLimit) a second once the server's full window of \(rateLimit) is used; a list's first page before the rest.
            """
    }

    /// A year of business-daily readings of `numbers` numbers in the store: its size, and how
    /// long the queries that read it take.
    static func storeReport(numbers: Int, readings: Int) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OnboardingStore(directory: directory)
        try store.create(OnboardingState(id: "bench-history"))
        let phoneNumbers = (0..<numbers).map { "+1312\(String(format: "%07d", $0))" }
        let start = Date(timeIntervalSince1970: 1_798_761_600)
        let fillStart = ContinuousClock.now
        // Each reading as the client keeps Telnyx's `reputation_data` (ReadingDecoding.snapshots).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for day in 0..<readings {
            let at = start.addingTimeInterval(Double(day) * 86400)
            try store.recordSnapshots(
                "bench-history",
                try phoneNumbers.enumerated().map { index, number in
                    let score = 40 + (index + day) % 50
                    let data = ReputationData(
                        connectionScore: score, engagementScore: score - 5, lastRefreshedAt: at.addingTimeInterval(-3600.25),
                        maturityScore: score + 3, sentimentScore: score - 2, spamRisk: .init(rawValue: "low"))
                    return ReputationSnapshot(phoneNumber: number, data: String(decoding: try encoder.encode(data), as: UTF8.self), at: at)
                })
        }
        let fill = seconds(ContinuousClock.now - fillStart)
        let rows = numbers * readings
        let bytes = (try? FileManager.default.attributesOfItem(atPath: store.databasePath)[.size] as? Int) ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: store.databasePath + "-wal")[.size] as? Int) ?? 0
        var clock = ContinuousClock.now
        let history = try store.history("bench-history", phoneNumber: phoneNumbers[numbers / 2])
        let historySeconds = seconds(ContinuousClock.now - clock)
        clock = ContinuousClock.now
        let latest = try store.latestReadings("bench-history")
        let latestSeconds = seconds(ContinuousClock.now - clock)
        clock = ContinuousClock.now
        let baseline = try store.readings("bench-history", throughSnapshotId: Int64(rows - numbers))
        let baselineSeconds = seconds(ContinuousClock.now - clock)
        precondition(history.count == readings && latest.count == numbers && baseline.count == numbers, "every reading kept")
        return String(
            format: """
                The store with %d numbers × %d business-daily readings (%@ rows, a year), one run:

                | measure | value |
                |---|---|
                | database file | %.0f MB (%.0f bytes a reading), WAL %.0f MB |
                | one number's history (`history`, the wizard's H) | %.1f ms |
                | every number's latest reading (the table, each `watch`) | %.0f ms |
                | every number's reading as the last watch saw it (each `watch`) | %.0f ms |
                | filling it (a watch's worth of readings at a time) | %.1f s |
                """, numbers, readings, rows.grouped, Double(bytes) / 1_048_576, Double(bytes) / Double(max(1, rows)),
            Double(wal) / 1_048_576, historySeconds * 1000, latestSeconds * 1000, baselineSeconds * 1000, fill)
    }
}
