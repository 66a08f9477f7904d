import ArgumentParser
import Foundation
import OnboardingStore

/// `export ID FILE`: one file with everything another desk needs to continue (never the key).
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one file with everything another desk needs to continue an onboarding (never the API key).",
        discussion:
            "The file holds the state, drafts, audit log, journal, readings and the LOA files; it is written 0600. Take it in with `import FILE`."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding to export.") var id: String
    @Argument(help: "The file to write (refused when it exists).") var file: String

    func run() throws {
        let store = try global.existingStore(sandbox: global.sandbox)
        let path = (file as NSString).expandingTildeInPath
        guard !FileManager.default.fileExists(atPath: path) else {
            throw UsageProblem.stop("\(path) exists; give a new file name (nothing was written).")
        }
        let bundle: OnboardingBundle
        do {
            bundle = try store.exportBundle(id)
        } catch StoreError.notFound {
            throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
        }
        guard FileManager.default.createFile(atPath: path, contents: try bundle.encoded(), attributes: [.posixPermissions: 0o600]) else {
            throw UsageProblem.stop("\(path) cannot be written; choose another place.")
        }
        try store.appendAudit(onboardingId: id, action: "export", billable: false, cost: nil, result: "to \(path)")
        Output.line("Onboarding \(id) written to \(path) (\(bundle.audit.count) audit entries, \(bundle.files.count) LOA files).")
        Output.line("On the other desk: reputation-wizard import \(path)")
    }
}

/// `import FILE`: takes in an exported onboarding, refusing one already here by id or enterprise.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take in an onboarding written by `export`, to continue it here (refused if this desk already tracks it).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file written by `export`.") var file: String

    func run() throws {
        let path = (file as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageProblem.stop("\(path) cannot be read; give the path of a file written by `reputation-wizard export`.")
        }
        do {
            // A file refused on its own is refused before a state directory is made for it.
            let bundle = try OnboardingBundle.decoded(data, path: path)
            _ = try OnboardingStore.checked(bundle, from: path)
            let store = try global.store(sandbox: global.sandbox)
            let id = try store.importBundle(bundle, from: path)
            Output.line("Onboarding \(id) imported into \(store.whereabouts).")
            Output.line("Continue it with: \(global.command("run --id \(id)", sandbox: global.sandbox))")
        } catch let problem as BundleProblem {
            throw UsageProblem.stop(problem.description)
        }
    }
}
