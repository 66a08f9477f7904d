import ArgumentParser
import Foundation
import Hummingbird
import OnboardingStore
import SharedStore
import TelnyxAPI
import TelnyxSimulator

/// Options every command shares: where state lives and which Telnyx to talk to.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "State directory (default: REPUTATION_WIZARD_STATE_DIR, else ./state).")
    var stateDir: String?
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A desk's shared store: postgres://USER@HOST[:PORT]/DATABASE (default: REPUTATION_WIZARD_DATABASE_URL, else SQLite in the state directory).",
            discussion: "The password comes from PGPASSWORD (or the URL); PGHOST, PGPORT, PGUSER, PGDATABASE fill what the URL leaves out.")
    )
    var database: String?
    @Option(name: .customLong("base-url"), help: "Telnyx API base URL (default: TELNYX_BASE_URL, else https://api.telnyx.com/v2).")
    var baseURL: String?
    @Option(name: .customLong("api-key-file"), help: "Read the API key from this file (default: TELNYX_API_KEY, else a hidden prompt).")
    var apiKeyFile: String?
    @Flag(help: "Use the built-in simulated Telnyx: no account or key needed, nothing is billed.")
    var sandbox = false
    @Option(help: "Sandbox reviewer behaviour: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: Scenario = .happy
    @Option(
        name: .customLong("ownership-review"),
        help: "Sandbox review of the ownership proof: \(OwnershipReview.allCases.map(\.rawValue).joined(separator: ", ")).")
    var ownershipReview: OwnershipReview = .approved

    func validate() throws {
        if sandbox && (baseURL != nil || apiKeyFile != nil) {
            throw ValidationError("--sandbox talks to the built-in simulator; leave out --base-url and --api-key-file.")
        }
        if sandbox && database != nil {
            throw ValidationError("--sandbox keeps its onboardings on this machine, apart from the desk's; leave out --database.")
        }
        if let database {
            do { _ = try SharedDatabaseLocation(url: database) } catch { throw ValidationError(error.description) }
        }
    }

    /// The desk's shared store, from `--database` or `REPUTATION_WIZARD_DATABASE_URL`; nil for
    /// SQLite in the state directory (always so for the sandbox: its onboardings never reach
    /// the desk's database).
    /// - Throws: `UsageProblem` naming what is wrong with the URL.
    func sharedLocation(sandbox: Bool) throws -> SharedDatabaseLocation? {
        guard !sandbox, let text = database ?? ProcessInfo.processInfo.environment["REPUTATION_WIZARD_DATABASE_URL"], !text.isEmpty
        else { return nil }
        do {
            return try SharedDatabaseLocation(url: text)
        } catch {
            let from = database == nil ? "REPUTATION_WIZARD_DATABASE_URL: " : ""
            throw UsageProblem.stop(from + error.description + ".")
        }
    }

    /// `reputation-wizard SUBCOMMAND` with the options that point at the same state and Telnyx,
    /// to print as the command that continues (never the key).
    func command(_ subcommand: String, sandbox: Bool) -> String {
        var parts = ["reputation-wizard", subcommand]
        if let stateDir { parts.append("--state-dir \(stateDir)") }
        // Without its password: that comes from PGPASSWORD, never from a printed command.
        if !sandbox, let database, let location = try? SharedDatabaseLocation(url: database, environment: [:]) {
            parts.append("--database \(location)")
        }
        if sandbox {
            parts.append("--sandbox")
        } else if let baseURL {
            parts.append("--base-url \(baseURL)")
        }
        return parts.joined(separator: " ")
    }

    /// The sandbox keeps its onboardings, and its simulated account, apart from real ones.
    func directory(sandbox: Bool) -> URL {
        let directory = OnboardingStore.directory(option: stateDir)
        return sandbox ? directory.appendingPathComponent("sandbox", isDirectory: true) : directory
    }

    /// The store: the desk's shared database when one is given (this machine's files still
    /// in the state directory), else SQLite in the state directory.
    func store(sandbox: Bool) throws -> OnboardingStore {
        if let shared = try sharedLocation(sandbox: sandbox) {
            return try OnboardingStore(directory: directory(sandbox: sandbox), database: try PostgresStoreDatabase.open(shared))
        }
        try MigratedMarker.refuseWork(in: directory(sandbox: sandbox))
        return try OnboardingStore(directory: directory(sandbox: sandbox))
    }

    /// The store of a state directory that must exist already: commands that only read or
    /// handle existing onboardings never create one (a mistyped `--state-dir` is said).
    /// `readOnly` opens it for reading only, changing nothing there (not even its mode): what
    /// `list` and `log` need, and `status` on a directory this user cannot write.
    func existingStore(sandbox: Bool, readOnly: Bool = false) throws -> OnboardingStore {
        if try sharedLocation(sandbox: sandbox) != nil { return try store(sandbox: sandbox) }
        let folder = directory(sandbox: sandbox)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(OnboardingStore.databaseName).path) else {
            let sandboxes = directory(sandbox: true).appendingPathComponent(OnboardingStore.databaseName).path
            if !sandbox && FileManager.default.fileExists(atPath: sandboxes) {
                throw UsageProblem.stop("No onboardings in \(folder.path) but the sandbox's; add --sandbox to see them.")
            }
            throw UsageProblem.stop(
                "No onboardings in \(folder.path) (no state there); check --state-dir, or start one with `reputation-wizard run`.")
        }
        if readOnly { MigratedMarker.warn(about: folder) } else { try MigratedMarker.refuseWork(in: folder) }
        return try OnboardingStore(directory: folder, readOnly: readOnly || !FileManager.default.isWritableFile(atPath: folder.path))
    }

    /// Says on stderr which onboardings cannot be read here and are left out.
    static func sayUnreadable(_ problems: [StoreError]) {
        for problem in problems { Output.say("Skipped: \(problem)\n") }
    }

    /// A client for Telnyx, or for a sandbox started in this process on loopback: asked for
    /// with `--sandbox`, or chosen by a person at the key prompt (Enter alone). Without a
    /// terminal and without a key the command stops: a script is never switched to the sandbox.
    /// - Throws: `UsageProblem` (exit 64) when no key is given and none can be asked for, or
    ///   `TELNYX_API_KEY` / the key file does not hold a usable key.
    func client() async throws -> (TelnyxClient, Sandbox?) {
        if sandbox { return try await client(key: nil) }
        guard let key = try apiKey() else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw UsageProblem.stop(
                    "No API key: set TELNYX_API_KEY or give --api-key-file FILE; for the simulated Telnyx (nothing billed) give --sandbox.")
            }
            return try await client(key: nil)
        }
        return try await client(key: key)
    }

    /// A client with `key`, or the sandbox when there is none.
    func client(key: APIKey?) async throws -> (TelnyxClient, Sandbox?) {
        if key == nil && !sandbox {
            Output.say(
                "No API key given: using the built-in SANDBOX (simulated Telnyx, nothing is billed; see it with `list --sandbox`).\n")
        }
        guard let key else {
            let folder = directory(sandbox: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let sandbox = try await Sandbox.start(
                scenario: scenario, ownershipReview: ownershipReview, worldFile: folder.appendingPathComponent("world.json"))
            let configuration = try TelnyxConfiguration(baseURL: sandbox.baseURL, apiKey: APIKey("KEYsandbox")!)
            return (TelnyxClient(configuration: configuration), sandbox)
        }
        let environment = ProcessInfo.processInfo.environment
        let base = baseURL ?? environment["TELNYX_BASE_URL"]
        guard let url = URL(string: base ?? TelnyxConfiguration.productionBaseURL.absoluteString) else {
            throw UsageProblem.stop("--base-url is not a URL; give one such as https://api.telnyx.com/v2.")
        }
        do {
            return (TelnyxClient(configuration: try TelnyxConfiguration(baseURL: url, apiKey: key)), nil)
        } catch {
            if case .invalidRequest(let reason) = error.kind { throw UsageProblem.stop("--base-url: \(reason).") }
            throw UsageProblem.stop("--base-url: \(error.message)")
        }
    }

    /// A client whose key Telnyx accepts: when Telnyx answers 401, the person is told plainly
    /// and, at a terminal, asked for another key (Enter alone: the sandbox). The check is one
    /// free read (the terms' status).
    /// - Throws: `ExitCode(1)` after saying why, when the key is refused and no other can be asked for.
    func checkedClient() async throws -> (TelnyxClient, Sandbox?) {
        var (client, sandbox) = try await client()
        while sandbox == nil {
            do {
                // Said before the screen opens: a slow Telnyx would otherwise leave it blank.
                Output.say(
                    "Checking the API key with Telnyx (at most \(Int(Deadlines.standard.call.components.seconds)) s; Ctrl-C stops)…\n")
                _ = try await client.termsStatus()
                return (client, nil)
            } catch let error where error.status == 401 {
                let said = "Telnyx refused the API key (HTTP 401): it is mistyped, revoked, or not a Number Reputation account's key."
                guard apiKeyFile == nil, isatty(STDIN_FILENO) == 1 else {
                    Output.say("\(said) Give another with TELNYX_API_KEY or --api-key-file.\n")
                    throw ExitCode(1)
                }
                Output.say("\(said)\n")
                let typed = HiddenPrompt.read("Another Telnyx API key (not shown, not stored; Enter alone for the sandbox): ")
                (client, sandbox) = try await self.client(key: typed.flatMap(APIKey.init))
            } catch {
                // Anything else is the wizard's to show, where it can be retried.
                return (client, nil)
            }
        }
        return (client, sandbox)
    }

    /// From `--api-key-file`, `TELNYX_API_KEY`, or a prompt that does not echo (Enter alone
    /// chooses the sandbox); nil when none is given. Never stored.
    /// - Throws: `UsageProblem` (exit 64) for a key file that cannot be read or holds other than
    ///   one key on one line, and for a `TELNYX_API_KEY` that is set but not a key.
    func apiKey() throws -> APIKey? {
        // The key must never reach a core file.
        CoreDumpGuard.engage()
        if let apiKeyFile {
            let path = (apiKeyFile as NSString).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageProblem.stop("--api-key-file \(apiKeyFile) cannot be read.")
            }
            if let warning = KeyFileCheck.permissionWarning(path: path) { Output.say("\(warning)\n") }
            return try KeyFileCheck.key(in: data, named: apiKeyFile)
        }
        if let value = ProcessInfo.processInfo.environment["TELNYX_API_KEY"] {
            guard let key = APIKey(value) else {
                throw UsageProblem.stop(
                    "TELNYX_API_KEY is set but is not an API key (empty, or with spaces or characters a header cannot carry); set it to the key from the Telnyx portal, or unset it."
                )
            }
            return key
        }
        if isatty(STDIN_FILENO) == 1, let typed = HiddenPrompt.read("Telnyx API key (not shown, not stored; Enter alone for the sandbox): ")
        {
            return APIKey(typed)
        }
        return nil
    }
}

extension Scenario: ExpressibleByArgument {}
extension OwnershipReview: ExpressibleByArgument {}
