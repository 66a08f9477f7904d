import ArgumentParser
import OnboardingStore

/// `archive ID [--restore]`: an onboarding kept, with its audit log, but hidden from `list`.
struct Archive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Archive an onboarding: kept with its audit log, hidden from `list` (`list --all` shows it).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding to archive.") var id: String
    @Flag(help: "Bring an archived onboarding back into `list`.") var restore = false

    func run() throws {
        let store = try global.existingStore(sandbox: global.sandbox)
        do {
            try store.setArchived(id, !restore)
        } catch StoreError.notFound {
            throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
        }
        Output.line(
            restore
                ? "Onboarding \(id) is listed again."
                : "Onboarding \(id) is archived; `list --all` shows it, `archive --restore \(id)` lists it again.")
    }
}
