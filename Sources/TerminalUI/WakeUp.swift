#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wakes a loop that sleeps on the terminal: a pipe whose read end the terminal polls beside
/// its input, so a background result, a resize or a signal ends the wait at once, and an idle
/// wizard sleeps without a timer. Safe to signal from any thread, and from a signal handler
/// through `fileDescriptorToSignal` (a plain `write` of one byte).
public final class WakeUp: Sendable {
    /// The end the waiting side polls for reading.
    public let fileDescriptorToPoll: Int32
    /// The end written to wake it.
    public let fileDescriptorToSignal: Int32

    /// - Throws: `WakeUp.Failure` when the process has no file descriptors left for the pipe.
    public init() throws(Failure) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Failure(errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (fileDescriptorToPoll, fileDescriptorToSignal) = (ends[0], ends[1])
    }

    /// Ends the current (or next) wait. A full pipe already holds a wake-up, so a failed write
    /// loses nothing.
    public func signal() {
        var byte: UInt8 = 1
        _ = write(fileDescriptorToSignal, &byte, 1)
    }

    /// Empties the pipe after a wait, so the next wait sleeps again.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fileDescriptorToPoll, &buffer, buffer.count) > 0 {}
    }

    deinit {
        close(fileDescriptorToPoll)
        close(fileDescriptorToSignal)
    }

    /// The pipe could not be made (`errno`).
    public struct Failure: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { "could not make the wake-up pipe (errno \(errno))" }
    }
}
