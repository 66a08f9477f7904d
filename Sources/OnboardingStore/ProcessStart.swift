import Foundation

/// What tells one process from a later one with the same pid: on Linux the boot's id
/// (`/proc/sys/kernel/random/boot_id`) and the process's start time in clock ticks since boot
/// (field 22 of `/proc/PID/stat`). Nil where these cannot be read (another system): the pid
/// alone is then trusted, as before.
public enum ProcessStart {
    /// `BOOT_ID:START_TICKS`, or nil when the process is gone or the system does not say.
    public static func of(_ pid: Int32) -> String? {
        guard let boot = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8),
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return nil }
        // The command name (field 2) may hold spaces and parentheses: count fields after its end.
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        // Fields after the name start at 3 (state); start time is field 22.
        guard fields.count > 19 else { return nil }
        return "\(boot.trimmingCharacters(in: .whitespacesAndNewlines)):\(fields[19])"
    }
}
