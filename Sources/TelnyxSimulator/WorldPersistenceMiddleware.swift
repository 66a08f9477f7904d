import Foundation
import Hummingbird

/// Writes the world to its file after each request and before the answer leaves: a client
/// that has an answer can rely on the world it describes surviving the process.
struct WorldPersistenceMiddleware<Context: RequestContext>: RouterMiddleware {
    let world: SimulatorWorld
    let file: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        try world.save(to: file)
        return response
    }
}
