import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SharedStore
import Synchronization

/// A support desk's load on the store: `list` and `status` as the commands read them, by
/// several desks at once (each its own connection, as separate processes are) while one more
/// keeps writing, over many onboardings; SQLite in one state directory beside the shared
/// PostgreSQL store. Reports each operation's latency at the 50th and 99th percentile.
enum DeskLoad {
    /// One engine's figures.
    struct Figures {
        var engine: String
        var listP50: Double
        var listP99: Double
        var statusP50: Double
        var statusP99: Double
        var writes: Int
    }

    /// - Parameters:
    ///   - onboardings: onboardings in the store (each with a few audit entries).
    ///   - readers: desks reading at once; one more writes the whole time.
    ///   - databaseURL: a PostgreSQL server to make a scratch database on; the SQLite column only without.
    static func report(onboardings: Int, readers: Int, lists: Int, statuses: Int, databaseURL: String?) throws -> String {
        var figures = [try measure(.sqlite, onboardings: onboardings, readers: readers, lists: lists, statuses: statuses, url: nil)]
        if let databaseURL {
            figures.append(
                try measure(.postgres, onboardings: onboardings, readers: readers, lists: lists, statuses: statuses, url: databaseURL))
        }
        func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
        var lines = [
            "Desk load: \(onboardings) onboardings, \(readers) desks reading (each \(lists) × list, \(statuses) × status) while 1 writes, one run",
            "",
            "| store | list p50 | list p99 | status p50 | status p99 | writes meanwhile |",
            "|---|---|---|---|---|---|",
        ]
        for figure in figures {
            lines.append(
                "| \(figure.engine) | \(ms(figure.listP50)) | \(ms(figure.listP99)) | \(ms(figure.statusP50)) | \(ms(figure.statusP99)) | \(figure.writes) |"
            )
        }
        if figures.count == 2 {
            let (sqlite, postgres) = (figures[0], figures[1])
            lines.append("")
            lines.append(
                String(
                    format: "PostgreSQL vs SQLite: list p50 %.2f×, p99 %.2f×; status p50 %.2f×, p99 %.2f×",
                    postgres.listP50 / sqlite.listP50,
                    postgres.listP99 / sqlite.listP99, postgres.statusP50 / sqlite.statusP50, postgres.statusP99 / sqlite.statusP99))
        } else {
            lines.append("(PostgreSQL left out: give --desk-database URL)")
        }
        return lines.joined(separator: "\n")
    }

    enum Engine: String {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL"
    }

    static func measure(_ engine: Engine, onboardings: Int, readers: Int, lists: Int, statuses: Int, url: String?) throws -> Figures {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-desk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var scratch: (admin: SharedDatabaseLocation, location: SharedDatabaseLocation)?
        if let url {
            let admin = try SharedDatabaseLocation(url: url)
            var location = admin
            location.database = "rw_bench_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
            let connection = try PostgresStoreDatabase.connect(admin)
            try connection.execute("CREATE DATABASE \(location.database)")
            connection.close()
            scratch = (admin, location)
        }
        defer {
            if let scratch, let connection = try? PostgresStoreDatabase.connect(scratch.admin) {
                try? connection.execute("DROP DATABASE IF EXISTS \(scratch.location.database) WITH (FORCE)")
                connection.close()
            }
        }
        func desk() throws -> OnboardingStore {
            guard let scratch else { return try OnboardingStore(directory: folder) }
            return try OnboardingStore(directory: folder, database: try PostgresStoreDatabase.open(scratch.location))
        }
        let writer = try desk()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let steps: [Step] = [.terms, .enterprise, .loaRender, .signAndUpload, .enable, .gates, .associate, .query, .manage]
        var made: [String] = []
        for index in 0..<onboardings {
            var state = OnboardingState(id: "desk-\(index)")
            state.step = steps[index % steps.count]
            state.terms = .agreed(version: "v1")
            if state.step.rawValue > Step.enterprise.rawValue {
                state.enterprise = .init(id: "ent-\(index)", legalName: "Desk Bench \(index) LLC")
            }
            let at = start.addingTimeInterval(Double(index))
            try writer.create(state, at: at)
            for action in ["check terms", "agree to terms", "create enterprise"] {
                try writer.appendAudit(onboardingId: state.id, action: action, billable: false, cost: nil, result: "ok", at: at)
            }
            made.append(state.id)
        }
        let ids = made
        let desks = try (0..<readers).map { _ in try desk() }
        let samples = Mutex<(list: [Double], status: [Double])>(([], []))
        let writing = Atomic<Bool>(true)
        let writes = Atomic<Int>(0)
        let group = DispatchGroup()
        // The writer: notes, follow-ups and saves, one after another, until the readers are done.
        DispatchQueue.global().async(group: group) {
            var turn = 0
            while writing.load(ordering: .relaxed) {
                let id = ids[turn % ids.count]
                try? writer.setDeskCase(id, .handOffNote, to: "turn \(turn)")
                if var state = try? writer.load(id) {
                    state.lastError = nil
                    try? writer.save(state)
                }
                turn += 1
                writes.add(2, ordering: .relaxed)
                // A busy desk, not a flood: about 100 writes a second.
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        let reading = DispatchGroup()
        for (index, store) in desks.enumerated() {
            DispatchQueue.global().async(group: reading) {
                var mine: (list: [Double], status: [Double]) = ([], [])
                for round in 0..<max(lists, statuses) {
                    if round < lists {
                        let began = ContinuousClock.now
                        if let (summaries, _) = try? store.listing(includingArchived: false) { _ = try? store.reports(summaries) }
                        mine.list.append(WatchAndHistory.seconds(ContinuousClock.now - began))
                    }
                    for turn in 0..<(round < statuses ? max(1, statuses / max(lists, 1)) : 0) {
                        let id = ids[(index * 7919 + round * 31 + turn) % ids.count]
                        let began = ContinuousClock.now
                        _ = try? store.report(id)
                        mine.status.append(WatchAndHistory.seconds(ContinuousClock.now - began))
                    }
                }
                samples.withLock {
                    $0.list += mine.list
                    $0.status += mine.status
                }
            }
        }
        reading.wait()
        writing.store(false, ordering: .relaxed)
        group.wait()
        let (list, status) = samples.withLock { ($0.list.sorted(), $0.status.sorted()) }
        func percentile(_ values: [Double], _ share: Double) -> Double {
            values.isEmpty ? .nan : values[min(values.count - 1, Int((Double(values.count) * share).rounded(.up)) - 1)]
        }
        return Figures(
            engine: engine.rawValue, listP50: percentile(list, 0.5), listP99: percentile(list, 0.99), statusP50: percentile(status, 0.5),
            statusP99: percentile(status, 0.99), writes: writes.load(ordering: .relaxed))
    }
}
