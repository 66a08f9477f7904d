import CProcessGuard
import Foundation

/// Keeps the API key out of core files: once the process holds a key it may not dump core
/// (`RLIMIT_CORE` 0) and, on Linux, is not dumpable (`PR_SET_DUMPABLE` 0, which also keeps
/// other processes of the same user from reading its memory through ptrace or /proc).
enum CoreDumpGuard {
    /// Idempotent; called before the key is read.
    /// - Returns: true when both settings took.
    @discardableResult
    static func engage() -> Bool {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        let limited = setrlimit(Int32(RLIMIT_CORE.rawValue), &none) == 0
        let undumpable = cpg_set_not_dumpable() == 0
        return limited && undumpable
    }

    /// Whether the process can still dump core (what the tests check).
    static var canDumpCore: Bool {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
        return limit.rlim_cur != 0 || cpg_is_dumpable() != 0
    }
}
