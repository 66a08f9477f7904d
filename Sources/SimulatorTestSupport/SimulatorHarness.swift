// Test support: an in-process simulator per test, and helpers to look inside it.
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import OpenAPIRuntime
import ServiceLifecycle
import TelnyxAPI
import TelnyxSimulator

/// A simulator running in-process on 127.0.0.1 and an ephemeral port, for one test.
public struct RunningSimulator: Sendable {
    public let server: TelnyxSimulatorServer
    public let port: Int

    public var world: SimulatorWorld { server.world }
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v2")! }
    public var root: String { "http://127.0.0.1:\(port)" }

    /// A client that never waits between retries, recording the delays it would have slept.
    public func client(
        key: String = "KEYtest", retries: Int = 3, sleeps: SleepRecorder = SleepRecorder(),
        middlewares: [any ClientMiddleware] = [], pacer: RateLimitPacer = RateLimitPacer(),
        deadlines: Deadlines = Deadlines(firstByte: .seconds(10), attempt: .seconds(10), call: .seconds(20))
    ) throws -> TelnyxClient {
        var configuration = try TelnyxConfiguration(baseURL: baseURL, apiKey: APIKey(key)!)
        configuration.retry = RetryPolicy(maxRetries: retries, sleep: { await sleeps.record($0) }, random: { 0.5 })
        configuration.pacer = pacer
        configuration.deadlines = deadlines
        return TelnyxClient(configuration: configuration, extraMiddlewares: middlewares)
    }

    /// A raw HTTP exchange, for what a client of ours would never send.
    public func raw(
        _ method: HTTPMethod, _ path: String, json: String? = nil, key: String? = "KEYtest",
        headers: [(String, String)] = []
    ) async throws -> (status: Int, body: String, headers: HTTPHeaders) {
        var request = HTTPClientRequest(url: root + path)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 32 * 1024 * 1024)
        return (Int(response.status.code), String(buffer: body), response.headers)
    }

    public func ledger() async throws -> [[String: Any]] {
        let answer = try await raw(.GET, "/_simulator/ledger", key: nil)
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as! [String: Any]
        return object["entries"] as! [[String: Any]]
    }

    public func advanceClock(seconds: Double) async throws {
        let answer = try await raw(.POST, "/_simulator/clock/advance", json: #"{"seconds": \#(seconds)}"#, key: nil)
        precondition(answer.status == 200, answer.body)
    }

    public func setFaults(_ json: String) async throws {
        let answer = try await raw(.PUT, "/_simulator/faults", json: json, key: nil)
        precondition(answer.status == 200, answer.body)
    }
}

public actor SleepRecorder {
    public private(set) var delays: [Double] = []
    public init() {}
    public func record(_ delay: Double) { delays.append(delay) }
}

public func withSimulator<T: Sendable>(
    worldFile: URL? = nil,
    _ configure: (inout SimulatorOptions) -> Void = { _ in },
    _ body: @Sendable (RunningSimulator) async throws -> T
) async throws -> T {
    var options = SimulatorOptions()
    options.inventorySize = 300
    configure(&options)
    let server = try worldFile.map { try TelnyxSimulatorServer(options: options, worldFile: $0) } ?? TelnyxSimulatorServer(options: options)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = try server.makeApplication(host: "127.0.0.1", port: 0) { port in continuation.yield(port) }
    var logger = Logger(label: "simulator-harness")
    logger.logLevel = .critical
    let services = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await services.run()
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let simulator = RunningSimulator(server: server, port: port)
        do {
            let result = try await body(simulator)
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        } catch {
            await services.triggerGracefulShutdown()
            try? await group.waitForAll()
            throw error
        }
    }
}
