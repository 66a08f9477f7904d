import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// Why the shared store's server cannot be used, in words that say what to do: a person reads
/// these, never postgres-nio's or BoringSSL's own (which carry build paths and error numbers).
enum ConnectionTrouble: Error, Equatable {
    /// A statement was sent on a connection already closed.
    case closed
    /// The server did not answer a statement in `seconds`.
    case noAnswer(seconds: Int64)
    /// The CA certificate named for TLS is not a readable PEM file.
    case unreadableCertificate(path: String)

    /// `error`, met reaching or using `location`, in a few words.
    static func reason(_ error: any Error, _ location: SharedDatabaseLocation) -> String {
        let place = "\(location.host.contains(":") ? "[\(location.host)]" : location.host):\(location.port)"
        switch error {
        case ConnectionTrouble.closed: return "the connection to the server was closed"
        case ConnectionTrouble.noAnswer(let seconds): return "the server did not answer in \(seconds) s, so the session was given up"
        case ConnectionTrouble.unreadableCertificate(let path):
            return
                "the CA certificate \(path) (sslrootcert) cannot be read as a PEM certificate; give the file the desk's administrator gave you"
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            switch error.code {
            case .authMechanismRequiresPassword:
                return "the server asks for \(location.user)'s password; set PGPASSWORD (or give it in the URL)"
            case .sslUnsupported:
                return "the server does not offer TLS, which a desk's store off this machine requires; turn on ssl in its postgresql.conf"
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return "the server closed the connection"
            default:
                return error.underlying.map { reason($0, location) } ?? "postgres-nio's \(error.code)"
            }
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the name \(location.host) cannot be resolved"
            }
            if let refused = error.connectionErrors.first?.error as? IOError, refused.errnoCode == ECONNREFUSED {
                return "nothing answers at \(place) (connection refused: no server on that port)"
            }
            return "cannot connect to \(place)" + (error.connectionErrors.first.map { " (\(reason($0.error, location)))" } ?? "")
        case let error as IOError:
            if error.errnoCode == ECONNREFUSED {
                return "nothing answers at \(place) (connection refused: no server on that port)"
            }
            return "cannot connect to \(place) (\(String(cString: strerror(error.errnoCode))))"
        case ChannelError.connectTimeout: return "no answer from \(place) in time (check the host, and that the port is open)"
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return "the server's TLS certificate is not for \(location.host) (the name in the URL must be one the certificate names)"
        case let error as NIOSSLError:
            if case .handshakeFailed = error, "\(error)".contains("CERTIFICATE_VERIFY_FAILED") {
                return
                    "the server's TLS certificate is not signed by an authority this machine trusts; give the desk's CA certificate with ?sslrootcert=PATH (or PGSSLROOTCERT)"
            }
            if case .handshakeFailed = error {
                return "the TLS handshake with \(place) failed (the certificate's name must be \(location.host))"
            }
            if error == .failedToLoadCertificate || error == .noSuchFilesystemObject {
                return reason(ConnectionTrouble.unreadableCertificate(path: location.rootCertificatePath ?? ""), location)
            }
            return "TLS with \(place) failed"
        default: return "\(error)"
        }
    }
}
