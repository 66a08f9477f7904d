import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the plain renderer reads and writes: whole lines, in order, nothing redrawn.
public protocol PlainConsole: AnyObject {
    /// Prints text as it is (the caller ends its lines).
    func write(_ text: String)
    /// Waits for the next line typed (without its end), for `wake` (a background result), or
    /// for `timeoutMilliseconds` (nil: as long as it takes).
    func nextLine(timeoutMilliseconds: Int?, wake: WakeUp) -> PlainInput
}

/// What a wait for a line ended with.
public enum PlainInput: Equatable, Sendable {
    case line(String)
    /// A background result, or the time asked for, came before a line.
    case woken
    /// The input ended (Ctrl-D, a closed pipe): the same as quitting.
    case end
}

/// Standard input and output: lines read straight from the descriptor (no stdio buffer, so
/// waiting on it with `poll` never misses a line already read), text written as UTF-8, or in
/// ASCII stand-ins under a locale that is not UTF-8.
public final class StandardConsole: PlainConsole {
    private var pending: [UInt8] = []
    private var ended = false
    private let asciiOnly: Bool

    public init(asciiOnly: Bool) { self.asciiOnly = asciiOnly }

    public func write(_ text: String) {
        let shown = asciiOnly ? ASCIIStandIn.text(text) : text
        var bytes = Array(shown.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
        bytes.removeAll()
    }

    public func nextLine(timeoutMilliseconds: Int?, wake: WakeUp) -> PlainInput {
        if let line = takeLine() { return .line(line) }
        if ended { return .end }
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: timeoutMilliseconds ?? -1))
        wake.drain()
        if descriptors[0].revents != 0 {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count <= 0 {
                ended = true
                // A last line without its end still counts.
                if !pending.isEmpty {
                    let line = String(decoding: pending, as: UTF8.self)
                    pending = []
                    return .line(line)
                }
                return .end
            }
            pending += buffer[0..<count]
            if let line = takeLine() { return .line(line) }
        }
        return .woken
    }

    private func takeLine() -> String? {
        guard let end = pending.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var line = Array(pending[..<end])
        pending.removeSubrange(...end)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
