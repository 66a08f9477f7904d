import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import Testing

@testable import OnboardingEngine

/// A numbers file as a CRM exports it, through the non-interactive run.
@Suite struct RealNumbersFileRunTests {
    /// A byte-order mark, a heading, a bad line and two numbers outside the account: the bad
    /// line is named with the file and line; corrected, the two outside are named as set aside
    /// before anything is confirmed, and the estimate, the confirmation and the audit entry
    /// count the same numbers.
    @Test func aBOMHeadingBadLineAndNumbersOutsideTheAccount() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let owned = Array(simulator.world.inventory.prefix(3))
                let inventory = Set(simulator.world.inventory)
                let outside = ["+16462000001", "+16462000002"].filter { !inventory.contains($0) }
                try #require(outside.count == 2)
                func written(_ e164: String) -> String {
                    "(\(e164.dropFirst(2).prefix(3))) \(e164.dropFirst(5).prefix(3))-\(e164.suffix(4))"
                }
                func file(badLine: String) throws -> String {
                    let rows = [
                        "Account;Caller ID;Campaign", "Acme;\(written(owned[0]));spring", badLine, "Acme;\(owned[1]);fall",
                        "Bolt;\(written(outside[0]));x", "Bolt;\(outside[1].dropFirst(1));y", "Acme;'\(owned[2].dropFirst(2));z",
                    ]
                    let path = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString).csv").path
                    try Data([0xEF, 0xBB, 0xBF] + Array(rows.joined(separator: "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
                    return path
                }
                var patient = NonInteractiveRun(answers: try answers(["signed_loa": try signedPDF()]), confirmBillable: true, wait: true)
                patient.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                #expect(try await patient.run(engine).exitCode == 10, "numbers are asked for at step 7")

                let bad = try file(badLine: "Acme;1-800-FLOWERS;spring")
                defer { try? FileManager.default.removeItem(atPath: bad) }
                var refused = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers_file": bad]), confirmBillable: true, wait: true)
                refused.pause = patient.pause
                let stop = try await refused.run(engine)
                #expect(
                    stop == .inputNeeded("\(bad) line 3, column 2 (Caller ID) '1-800-FLOWERS' contains letters; write the number in digits")
                )
                #expect(try await simulator.ledger().filter { $0["action"] as? String == "associate" }.isEmpty)

                let good = try file(badLine: "")
                defer { try? FileManager.default.removeItem(atPath: good) }
                var run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers_file": good]), confirmBillable: true, wait: true)
                run.pause = patient.pause
                let said = Mutex<[String]>([])
                run.progress = { line in said.withLock { $0.append(line) } }
                // The two of other carriers can be monitored once the answers give the proof.
                let stopped = try await run.run(engine)
                #expect(stopped.exitCode == 10 && stopped.message.hasPrefix("Input needed: ownership_proof: 2 numbers of the answers"))
                let lines = said.withLock { $0 }
                let setAsideLine = try #require(lines.firstIndex { $0.contains("set aside") })
                let confirmedLine = try #require(lines.firstIndex { $0.hasPrefix("confirmed by --yes: adding numbers") })
                #expect(setAsideLine < confirmedLine, "named before the cost is confirmed")
                #expect(
                    lines[setAsideLine]
                        == "2 numbers were set aside (\(NumberHostingReason.external): \(outside[0]), \(outside[1])) (of 5 given; not estimated, not billed)"
                )
                #expect(
                    lines[confirmedLine]
                        == "confirmed by --yes: adding numbers, $0.30 (3 numbers × $0.10) (This month so far $100.00 · with this $100.30 · monitoring about $101.31 a month)"
                )
                let added = try store.auditLog("onb-1").filter { $0.action.hasPrefix("add ") }
                #expect(added.map(\.action) == ["add 3 numbers: \(owned.joined(separator: ", "))"])
                #expect(added.map(\.cost) == [Money(cents: 30)])
                #expect(
                    try store.report("onb-1").setAsideNumbers
                        == outside.map {
                            SetAsideNumber(phoneNumber: $0, reason: NumberHostingReason.external)
                        })
                #expect(
                    Set(
                        try await simulator.ledger().filter { $0["action"] as? String == "associate" }.compactMap {
                            $0["phone_number"] as? String
                        }) == Set(owned))
                await engine.close()
            }
        }
    }

    /// The monthly estimate at step 5 counts only the numbers that can be added.
    @Test func theEnableEstimateLeavesOutNumbersOutsideTheAccount() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let owned = Array(simulator.world.inventory.prefix(2))
                try #require(!Set(simulator.world.inventory).contains("+16462000001"))
                var run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": owned + ["+16462000001"]]), confirmBillable: true,
                    wait: true)
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let said = Mutex<[String]>([])
                run.progress = { line in said.withLock { $0.append(line) } }
                #expect(try await run.run(engine).exitCode == 10, "the number of another carrier needs ownership_proof")
                let lines = said.withLock { $0 }
                let setAside = try #require(lines.firstIndex { $0.contains("set aside") })
                let enabled = try #require(lines.firstIndex { $0.hasPrefix("confirmed by --yes: enabling reputation") })
                #expect(setAside < enabled)
                #expect(
                    lines[enabled]
                        == "confirmed by --yes: enabling reputation, $100.00 (first month of monitoring at $100.00 a month; then about $100.87 a month: $100.00 monitoring + 2 numbers checked every week at $0.10 = $0.87 a month) (This month so far $0.00 · with this $100.00 · monitoring about $100.87 a month)"
                )
                #expect(lines.filter { $0.contains("set aside") }.count == 1, "said once a run")
                await engine.close()
            }
        }
    }

    /// An empty numbers file (or only a heading) is said before the enable is billed.
    @Test func anEmptyNumbersFileStopsBeforeAnythingIsBilled() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).csv").path
                try Data("Phone\r\n".utf8).write(to: URL(fileURLWithPath: path))
                defer { try? FileManager.default.removeItem(atPath: path) }
                var run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers_file": path]), confirmBillable: true, wait: true)
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                #expect(
                    try await run.run(engine)
                        == .inputNeeded(
                            "numbers_file \(path) holds no numbers (it is empty, only a heading, or nothing is in its numbers column); give the file with the numbers to monitor"
                        ))
                #expect(try await simulator.ledger().isEmpty)
                await engine.close()
            }
        }
    }

    /// What the run passes over is said: rows without a number, repeated numbers, another
    /// column of numbers.
    @Test func whatIsPassedOverIsSaid() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString).csv").path
        try Data("Name,Phone,Mobile\nA,3125550134,3125550199\nB,,3125550198\nC,312.555.0134,3125550197\n".utf8).write(
            to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = NonInteractiveRun(answers: try answers(["numbers_file": path]), confirmBillable: false, wait: false)
        let read = try run.readNumbers()
        #expect(read.numbers == ["+13125550134"])
        #expect(
            read.notes == [
                "numbers_file \(path): column 3 (Mobile) also holds numbers; only column 2 (Phone) is read (put every number in one column to add them all)",
                "numbers_file \(path): nothing in column 2 (Phone) on line 3; passed over",
                "1 number is written more than once; each is added once",
            ])
    }
}

/// The reason the engine gives a number hosted at another carrier while no ownership proof is approved.
enum NumberHostingReason {
    static let external =
        "hosted at another carrier, not in this Telnyx account: Telnyx monitors it once the enterprise's ownership proof (a carrier invoice or statement) is approved"
}
