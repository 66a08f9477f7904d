import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// The sandbox's account kept in a file: a simulator started again on it carries on.
@Suite struct WorldFileTests {
    func temporaryFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("world-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("world.json")
    }

    @Test func aWorldStartedAgainFromItsFileCarriesOn() async throws {
        let file = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let first = try await withSimulator(worldFile: file) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            // The LOA review decides after five simulated minutes: halfway there when the process ends.
            try await simulator.advanceClock(seconds: 150)
            return enterprise.id!
        }
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try await withSimulator(worldFile: file) { simulator in
            let client = try simulator.client()
            #expect(try await client.termsStatus().hasAgreed == true)
            #expect(try await client.reputationSettings(enterpriseId: first).loaStatus == .pending)
            try await simulator.advanceClock(seconds: 151)
            #expect(try await client.reputationSettings(enterpriseId: first).loaStatus == .approved, "the review scheduled before goes on")
            #expect(try await simulator.ledger().count == 1, "the enable billed before is still in the ledger")
            let second = try await client.createEnterprise(Fixtures.enterprise("Second Co LLC", reference: "onboarding-2"))
            #expect(second.id != first, "ids go on from where they were")
        }
    }

    @Test func anUnreadableWorldFileIsNamedNotReplaced() throws {
        let file = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data("{not json".utf8).write(to: file)
        #expect {
            _ = try TelnyxSimulatorServer(options: SimulatorOptions(), worldFile: file)
        } throws: { error in
            "\(error)".contains("cannot be read") && "\(error)".contains("move it aside")
        }
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == "{not json")
    }
}
