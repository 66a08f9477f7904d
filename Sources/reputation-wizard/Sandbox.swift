import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OnboardingStore
import TelnyxSimulator
import WizardRuntime

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

    /// Seconds a second process waits for the sandbox another one is using.
    static let waitForOtherProcess: Double = 30

    /// - Throws: `ExitCode(1)` after saying so, when another process keeps the sandbox's world
    ///   past `waitForOtherProcess` (two processes would each overwrite the other's account).
    static func start(scenario: Scenario, ownershipReview: OwnershipReview = .approved, worldFile: URL) async throws -> Sandbox {
        // One process at a time owns the simulated account; the lock ends with the process.
        let taken = Result { () throws(StoreError) in
            try ProcessFileLock(path: worldFile.path + ".lock", wait: waitForOtherProcess) {
                Output.say("The sandbox is in use by another reputation-wizard; waiting for it (at most \(Int(waitForOtherProcess)) s).\n")
            }
        }
        if case .failure(.busy) = taken {
            Output.say(
                "The sandbox in \(worldFile.deletingLastPathComponent().path) is in use by another reputation-wizard; run again when it is done, or give another --state-dir.\n"
            )
            throw ExitCode(1)
        }
        var options = SimulatorOptions()
        options.scenario = scenario
        options.ownershipReview = ownershipReview
        options.clockStart = Date()
        options.clockMode = .flowing
        let server = try TelnyxSimulatorServer(options: options, worldFile: worldFile)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // The simulator's own log (a cancelled channel on stop) is not the person's business.
        var quiet = Logger(label: "sandbox")
        quiet.logLevel = .critical
        let app = try server.makeApplication(host: "127.0.0.1", port: 0, logger: quiet) { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return Sandbox(server: server, baseURL: URL(string: "http://127.0.0.1:\(port)/v2")!, task: task)
    }

    /// Waiting on review in the sandbox moves its clock instead of the wall clock's.
    /// The controls the wizard uses, for a sandbox running `scenario`.
    func control(scenario: String) -> SandboxControl {
        SandboxControl(scenario: scenario, advance: { self.advance(seconds: $0) })
    }

    func advance(seconds: Double) {
        server.world.clock.advance(by: seconds)
        if let file = server.worldFile { try? server.world.save(to: file) }
    }

    /// Shuts the in-process server down in order: its service is cancelled (a graceful
    /// shutdown: listener closed, open connections finished) and waited for, at most 3 s, so
    /// the process never exits with the server half closed and nothing it logs reaches the
    /// person after a clean exit.
    func stop() {
        task.cancel()
        let done = DispatchSemaphore(value: 0)
        let task = task
        Task.detached {
            _ = await task.result
            done.signal()
        }
        _ = done.wait(timeout: .now() + 3)
    }
}
