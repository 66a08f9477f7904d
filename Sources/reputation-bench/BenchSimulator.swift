import Foundation
import Hummingbird
import Logging
import TelnyxAPI
import TelnyxSimulator

/// The simulator inside the benchmark's process, on 127.0.0.1 and a port the system chooses,
/// with a client for it. Cancel `serving` to stop it.
struct BenchSimulator {
    let server: TelnyxSimulatorServer
    let client: TelnyxClient
    let serving: Task<Void, any Error>

    /// - Parameter retry: the client's retry policy (nil: the client's default).
    /// - Returns: nil when the server did not report its port.
    static func start(_ options: SimulatorOptions, retry: RetryPolicy? = nil) async throws -> BenchSimulator? {
        let server = TelnyxSimulatorServer(options: options)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "reputation-bench")
        quiet.logLevel = .critical
        let app = try server.makeApplication(host: "127.0.0.1", port: 0, logger: quiet) { continuation.yield($0) }
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            serving.cancel()
            return nil
        }
        var configuration = try TelnyxConfiguration(baseURL: URL(string: "http://127.0.0.1:\(port)/v2")!, apiKey: APIKey("KEYbench")!)
        if let retry { configuration.retry = retry }
        return BenchSimulator(server: server, client: TelnyxClient(configuration: configuration), serving: serving)
    }
}
