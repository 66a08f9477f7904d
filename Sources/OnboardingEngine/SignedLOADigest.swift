import Crypto
import Foundation

/// The fingerprint of a signed LOA file, so a run can tell a newly signed LOA from the one
/// already uploaded (and, after a rejection, refused) even when it is saved under the same path.
public enum SignedLOADigest {
    /// Lower-case hex SHA-256 of `bytes` (64 characters).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
    }
}
