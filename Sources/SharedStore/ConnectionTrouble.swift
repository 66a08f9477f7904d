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

    /// `error`, met reaching or using `location`, in a few words.
    static func reason(_ error: any Error, _ location: SharedDatabaseLocation) -> String {
        let place = "\(location.host.contains(":") ? "[\(location.host)]" : location.host):\(location.port)"
        switch error {
        case ConnectionTrouble.closed: return "the connection to the server was closed"
        case ConnectionTrouble.noAnswer(let seconds): return "the server did not answer in \(seconds) s, so the session was given up"
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
                return "nothing answers at \(place) (connection refused); is the server running, on that port?"
            }
            return "cannot connect to \(place)" + (error.connectionErrors.first.map { " (\(reason($0.error, location)))" } ?? "")
        case let error as IOError:
            if error.errnoCode == ECONNREFUSED {
                return "nothing answers at \(place) (connection refused); is the server running, on that port?"
            }
            return "cannot connect to \(place) (\(String(cString: strerror(error.errnoCode))))"
        case ChannelError.connectTimeout: return "no answer from \(place) in time; is the host right, and the port open?"
        case let error as NIOSSLError:
            if case .handshakeFailed = error, "\(error)".contains("CERTIFICATE_VERIFY_FAILED") {
                return
                    "the server's TLS certificate is not signed by an authority this machine trusts; give the desk's CA certificate with ?sslrootcert=PATH (or PGSSLROOTCERT)"
            }
            if case .handshakeFailed = error {
                return "the TLS handshake with \(place) failed (the certificate's name must be \(location.host))"
            }
            if error == .failedToLoadCertificate || error == .noSuchFilesystemObject {
                return "the CA certificate \(location.rootCertificatePath ?? "") cannot be read as PEM"
            }
            return "TLS failed (\(error))"
        default: return "\(error)"
        }
    }
}
