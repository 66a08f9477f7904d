import Foundation
import Hummingbird
import TelnyxSimulator

/// The simulated Telnyx, running inside this process on loopback for the length of a command.
/// Its world (the sandbox account) is kept in a file beside the sandbox's onboardings, so they
/// resume like real ones; the scenario says how its reviewers decide from now on.
final class Sandbox: Sendable {
    let server: TelnyxSimulatorServer
    let baseURL: URL
    private let task: Task<Void, any Error>

    private init(server: TelnyxSimulatorServer, baseURL: URL, task: Task<Void, any Error>) {
        self.server = server
        self.baseURL = baseURL
        self.task = task
    }

    static func start(scenario: Scenario, worldFile: URL) async throws -> Sandbox {
        var options = SimulatorOptions()
        options.scenario = scenario
        options.clockStart = Date()
        options.clockMode = .flowing
        let server = try TelnyxSimulatorServer(options: options, worldFile: worldFile)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try server.makeApplication(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return Sandbox(server: server, baseURL: URL(string: "http://127.0.0.1:\(port)/v2")!, task: task)
    }

    /// Waiting on review in the sandbox moves its clock instead of the wall clock's.
    func advance(seconds: Double) {
        server.world.clock.advance(by: seconds)
        if let file = server.worldFile { try? server.world.save(to: file) }
    }

    func stop() { task.cancel() }
}
