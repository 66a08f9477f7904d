import Foundation

/// Opens a file in the desktop's viewer (`xdg-open`, or `open` on macOS) without waiting for
/// it, and says what happened: over ssh or in a container there is often no viewer.
enum FileOpener {
    /// Starts the viewer on `path`; the answer is a notice for the screen.
    static func open(_ path: String) -> String {
        let candidates = ["xdg-open", "open"]
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let opener = candidates.lazy.compactMap({ name in
                searchPath.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            }).first
        else {
            return "No xdg-open or open here: copy \(path) to a machine with a PDF viewer to read and sign it."
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        // The viewer's chatter must not land on the wizard's screen.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            return "Opening the LOA with \(URL(fileURLWithPath: opener).lastPathComponent)…"
        } catch {
            return "\(opener) could not start (\(error.localizedDescription)); open \(path) with a PDF viewer."
        }
    }
}
