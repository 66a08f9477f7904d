import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
import TelnyxAPI

/// The simulated Telnyx as an HTTP server: the generated API under `/v2`, admin routes under
/// `/_simulator`. Serves requests concurrently; the world keeps itself consistent.
public struct TelnyxSimulatorServer: Sendable {
    public let world: SimulatorWorld
    public let faults = FaultBook()
    /// Requests answered under `/v2`, by method and path (for benchmarks).
    public let requests = RequestCounter()

    /// Where the world is kept between runs, if anywhere.
    public let worldFile: URL?

    public init(options: SimulatorOptions) {
        world = SimulatorWorld(options: options)
        worldFile = nil
    }

    /// A server whose world is restored from `worldFile` (when it exists) and written back
    /// after every request, before the answer leaves.
    public init(options: SimulatorOptions, worldFile: URL) throws {
        world = try SimulatorWorld.restoring(worldFile, options: options)
        self.worldFile = worldFile
    }

    /// An application bound to `host:port` (port 0 picks a free one); `onListening` receives
    /// the port actually bound.
    public func makeApplication(
        host: String = "127.0.0.1", port: Int = 0, logger: Logger? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(
            GatewayMiddleware(
                options: world.options, rateLimiter: RateLimiter(requestsPerSecond: world.options.rateLimit), faults: faults,
                requests: requests))
        if let worldFile { router.middlewares.add(WorldPersistenceMiddleware(world: world, file: worldFile)) }
        AdminRoutes(world: world, faults: faults).register(on: router)
        try SimulatedTelnyxAPI(world: world).registerHandlers(
            on: router, serverURL: URL(string: "/v2")!, configuration: .telnyx,
            middlewares: [EnvelopeMiddleware(), RequestNormalizationMiddleware()])
        var quiet = Logger(label: "telnyx-simulator")
        quiet.logLevel = .warning
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionDropHandler()])),
            configuration: .init(address: .hostname(host, port: port), serverName: "telnyx-simulator"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger ?? quiet)
    }
}
