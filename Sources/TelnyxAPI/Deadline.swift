import Synchronization

/// Runs `operation` and gives its result, or throws `expired()` once `limit` has passed. On
/// expiry the operation is cancelled and not waited for: a transport that ignores cancellation
/// cannot hold the caller past its deadline.
func withDeadline<Value: Sendable>(
    _ limit: Duration, expired: @escaping @Sendable () -> any Error,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let race = DeadlineRace<Value>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation: continuation, operation: operation, limit: limit, expired: expired)
        }
    } onCancel: {
        race.cancel()
    }
}

/// The two contenders of `withDeadline` and the continuation the first to finish resumes.
private final class DeadlineRace<Value: Sendable>: Sendable {
    private struct Contenders {
        var continuation: CheckedContinuation<Value, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
        var cancelled = false
    }
    private let contenders = Mutex(Contenders())

    func start(
        continuation: CheckedContinuation<Value, any Error>, operation: @escaping @Sendable () async throws -> Value,
        limit: Duration, expired: @escaping @Sendable () -> any Error
    ) {
        contenders.withLock { $0.continuation = continuation }
        let work = Task {
            do { self.finish(.success(try await operation())) } catch { self.finish(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            if !Task.isCancelled { self.finish(.failure(expired())) }
        }
        let (cancelWork, cancelTimer) = contenders.withLock { state in
            state.work = work
            state.timer = timer
            // Either finished already, or the caller was cancelled meanwhile.
            return (state.continuation == nil || state.cancelled, state.continuation == nil)
        }
        if cancelWork { work.cancel() }
        if cancelTimer { timer.cancel() }
    }

    /// Resumes the caller once; the loser is cancelled.
    private func finish(_ result: Result<Value, any Error>) {
        let (continuation, work, timer) = contenders.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.work, state.timer)
        }
        guard let continuation else { return }
        work?.cancel()
        timer?.cancel()
        continuation.resume(with: result)
    }

    /// The caller was cancelled: the operation is told, and its end resumes the caller.
    func cancel() {
        let work = contenders.withLock { state in
            state.cancelled = true
            return state.work
        }
        work?.cancel()
    }
}
