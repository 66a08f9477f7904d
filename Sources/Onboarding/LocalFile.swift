import Foundation

/// A file a person points at (a signed LOA, a signature image): its bytes, or the caller's own
/// words for a file that is missing or cannot be read.
enum LocalFile {
    static func contents<Failure: Error>(_ path: String, missing: Failure, unreadable: Failure) throws(Failure) -> Data {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw missing
        }
        guard let data = FileManager.default.contents(atPath: expanded) else { throw unreadable }
        return data
    }
}
