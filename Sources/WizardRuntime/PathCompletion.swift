import Foundation
import Onboarding

/// Completes a typed path as a shell does: to the longest common prefix of the matching names,
/// with a slash after a directory.
enum PathCompletion {
    static func complete(_ typed: String) -> String {
        let expanded = LocalFile.expanded(typed)
        let directory = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let partial = expanded.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let base = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return typed }
        let matches = names.filter { $0.hasPrefix(partial) && !$0.hasPrefix(".") || (partial.hasPrefix(".") && $0.hasPrefix(partial)) }
            .sorted()
        guard let first = matches.first else { return typed }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        var completed = prefix + common
        var isDirectory: ObjCBool = false
        if matches.count == 1, FileManager.default.fileExists(atPath: completed, isDirectory: &isDirectory), isDirectory.boolValue {
            completed += "/"
        }
        return completed
    }
}
