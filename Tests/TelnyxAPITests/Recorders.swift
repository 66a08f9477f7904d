import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Records the exact request line of every call, as sent on the wire.
final class RequestRecorder: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var paths: [String] { lock.withLock { recorded } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        lock.withLock { recorded.append("\(request.method.rawValue) \(request.path ?? "")") }
        return try await next(request, body, baseURL)
    }
}

/// Records the bodies of requests as sent on the wire.
final class BodyRecorder: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var bodies: [String] { lock.withLock { recorded } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body else { return try await next(request, nil, baseURL) }
        let bytes = try await [UInt8](collecting: body, upTo: 1 << 24)
        lock.withLock { recorded.append(String(decoding: bytes, as: UTF8.self)) }
        return try await next(request, HTTPBody(bytes), baseURL)
    }
}

/// Records the status code of every answer, as received on the wire.
final class StatusRecorder: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []

    var codes: [Int] { lock.withLock { recorded } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let answer = try await next(request, body, baseURL)
        lock.withLock { recorded.append(answer.0.status.code) }
        return answer
    }
}

/// A monotonic clock that moves only when slept on.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double = 1000
    private var sleeps: [Double] = []

    var now: Double { lock.withLock { seconds } }
    var slept: [Double] { lock.withLock { sleeps } }

    func advance(_ delay: Double) {
        lock.withLock {
            sleeps.append(delay)
            seconds += delay
        }
    }
}

/// The most requests that were waiting for their answers at the same moment.
final class OverlapRecorder: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0

    var most: Int { lock.withLock { highest } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
        defer { lock.withLock { current -= 1 } }
        return try await next(request, body, baseURL)
    }
}
