import ArgumentParser

@main
struct ReputationWizard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reputation-wizard",
        abstract: "Turn on Telnyx Number Reputation and keep your US numbers watched.",
        discussion: "Try everything without an account: add --sandbox.",
        subcommands: [Run.self, Status.self, List.self, Log.self, Adopt.self, Archive.self, Export.self, Import.self],
        defaultSubcommand: Run.self)
}
