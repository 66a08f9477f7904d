import Foundation
import OnboardingStore

/// Where a desk's shared store lives: a PostgreSQL server and database, from a `postgres://`
/// URL (`--database URL` / `REPUTATION_WIZARD_DATABASE_URL`) with the usual `PG*` variables
/// (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`) filling what it leaves out.
/// The password is held in memory only: never written to the state directory or said.
public struct SharedDatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    /// 1 to 65535; 5432 when neither the URL nor `PGPORT` says.
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// A PEM file of the certificate authority that signed the server's certificate (`sslrootcert`
    /// in the URL, or `PGSSLROOTCERT`): a desk's own CA, or a self-signed server's certificate.
    /// Without it the system's trusted authorities are used. The certificate is always checked,
    /// and its name must be the host's.
    public var rootCertificatePath: String?
    /// TLS asked for in the URL (`sslmode=require`, `verify-ca`, `verify-full`) or `PGSSLMODE`,
    /// even on this machine.
    public var tlsRequested = false
    /// TLS unless the server is on this machine (`localhost`, `127.0.0.0/8`, `::1`) and TLS was
    /// not asked for: a desk's store across a network is never read in clear text.
    public var usesTLS: Bool { tlsRequested || !Self.isLoopback(host) }

    /// The URL's parameters understood (the rest are refused by name).
    static let parameters = ["sslmode", "sslrootcert"]
    /// The `sslmode` values understood: all but `disable` mean TLS with the certificate checked.
    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Why a URL cannot name the shared store, naming the part and the fix.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// - Parameters:
    ///   - url: `postgres://[user[:password]@]host[:port]/database` (`postgresql://` too).
    ///   - environment: the process's environment, for the `PG*` variables.
    /// - Throws: `Problem` for another scheme, a port outside 1–65535, no host or database, or
    ///   `sslmode=disable` to a server off this machine.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw Problem(description: "--database is not a URL; give one such as postgres://desk@db.example.com/reputation")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw Problem(description: "--database must be a postgres:// URL (it is \(scheme)://); SQLite needs no URL")
        }
        // An IPv6 address comes bracketed in a URL; the address itself is without them.
        let host = (url.host?.isEmpty == false ? url.host! : environment["PGHOST"] ?? "").trimmingCharacters(
            in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else {
            throw Problem(description: "--database names no server; give its host, as in postgres://desk@db.example.com/reputation")
        }
        let portText = url.port.map(String.init) ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw Problem(description: "--database port \(portText) is not a port (1 to 65535)")
        }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let database = path.isEmpty ? environment["PGDATABASE"] ?? "" : path
        guard !database.isEmpty, !database.contains("/") else {
            throw Problem(description: "--database names no database; end the URL with it, as in postgres://desk@db.example.com/reputation")
        }
        // As psql: the login name when neither the URL nor PGUSER says.
        // URLComponents decodes `user`, `password` and `path` already: decoded once, never twice.
        let user = url.user ?? environment["PGUSER"] ?? OnboardingStore.osUser
        for item in url.queryItems ?? [] where !Self.parameters.contains(item.name) {
            throw Problem(
                description:
                    "--database parameter \(item.name) is not one reputation-wizard reads (it reads \(Self.parameters.joined(separator: " and "))); leave it out"
            )
        }
        for name in Self.parameters where (url.queryItems ?? []).filter({ $0.name == name }).count > 1 {
            throw Problem(description: "--database gives \(name) twice; give it once")
        }
        let sslmodeFrom = url.queryItems?.first { $0.name == "sslmode" } != nil ? "--database sslmode" : "PGSSLMODE"
        let sslmode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? environment["PGSSLMODE"]
        if let sslmode, !Self.sslModes.contains(sslmode) {
            throw Problem(description: "\(sslmodeFrom)=\(sslmode) is not an sslmode (\(Self.sslModes.joined(separator: ", ")))")
        }
        if sslmode == "disable" && !Self.isLoopback(host) {
            throw Problem(description: "\(sslmodeFrom)=disable would send the desk's data in clear text to \(host); leave sslmode out")
        }
        for (part, text) in [("user", user), ("database", database), ("host", host)]
        where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Problem(
                description: "--database \(part) holds a control character (a line break, %0A, %00…); give it as the server knows it")
        }
        tlsRequested = ["require", "verify-ca", "verify-full"].contains(sslmode ?? "")
        rootCertificatePath = url.queryItems?.first { $0.name == "sslrootcert" }?.value ?? environment["PGSSLROOTCERT"]
        self.host = host
        self.port = port
        self.user = user
        self.password = url.password ?? environment["PGPASSWORD"]
        self.database = database
    }

    /// `postgres://user@host:port/database`, never the password.
    public var description: String { "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
