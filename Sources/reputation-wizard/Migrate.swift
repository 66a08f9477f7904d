import ArgumentParser
import Foundation
import OnboardingStore
import SharedStore

/// `migrate --to URL`: copies this machine's onboardings into a desk's shared store.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy this state directory's onboardings into a desk's shared store (PostgreSQL).",
        discussion: """
            Each onboarding goes with its journal, audit log, drafts, readings, number outcomes, watch marks and LOA files, \
            in one transaction each; one the shared store already has (the same onboarding, or another tracking the same \
            enterprise at Telnyx) is left out and named. The local database is not changed: once the copy is checked, \
            work on with --database URL (or REPUTATION_WIZARD_DATABASE_URL) and keep the state directory as a backup.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The shared store: postgres://USER@HOST[:PORT]/DATABASE (the password from PGPASSWORD).") var to: String

    func validate() throws {
        if global.sandbox { throw ValidationError("The sandbox's onboardings stay on this machine; leave out --sandbox.") }
        if global.database != nil {
            throw ValidationError("migrate reads the state directory's SQLite and writes --to; leave out --database.")
        }
        do { _ = try SharedDatabaseLocation(url: to) } catch {
            throw ValidationError(error.description.replacingOccurrences(of: "--database", with: "--to"))
        }
    }

    func run() throws {
        let folder = global.directory(sandbox: false)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(OnboardingStore.databaseName).path) else {
            throw UsageProblem.stop("No onboardings in \(folder.path) (no state there); check --state-dir.")
        }
        // The sandbox's simulated account lives beside its onboardings: they stay on this machine.
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("world.json").path) {
            throw UsageProblem.stop(
                "\(folder.path) holds the sandbox's onboardings (simulated, nothing billed); they stay on this machine and are not moved to a desk's store."
            )
        }
        let local = try OnboardingStore(directory: folder, readOnly: true)
        let location = try SharedDatabaseLocation(url: to)
        let shared = try OnboardingStore(directory: folder, database: try PostgresStoreDatabase.open(location))
        let (summaries, unreadable) = try local.listing(includingArchived: true)
        GlobalOptions.sayUnreadable(unreadable)
        var copied: [String] = []
        var left: [String] = []
        for summary in summaries.sorted(by: { $0.createdAt < $1.createdAt }) {
            let id = summary.state.id
            do {
                _ = try shared.importBundle(try local.exportBundle(id), from: folder.path, action: "migrate")
                copied.append(id)
            } catch let problem as BundleProblem {
                left.append("\(id): \(problem.reasonAlone)")
            }
        }
        if !copied.isEmpty {
            // The local copy is a backup from now on: working on it would act on onboardings the
            // desk continues elsewhere (and could bill what another desk bills).
            let marker = folder.appendingPathComponent(MigratedMarker.fileName)
            let text = "\(location)\n\(ISO8601DateFormatter().string(from: Date()))\n"
            if !FileManager.default.createFile(atPath: marker.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) {
                Output.say("Could not write \(marker.path): the local copy is not marked as moved; do not work on it.\n")
            }
        }
        Output.line("Copied \(copied.count) of \(summaries.count) onboardings from \(folder.path) to \(location).")
        for line in left { Output.line("Left out \(line)") }
        if !copied.isEmpty {
            Output.line("Work on with: \(global.command("list", sandbox: false)) --database \(location)")
        }
        if !left.isEmpty || !unreadable.isEmpty { throw ExitCode(1) }
    }
}
