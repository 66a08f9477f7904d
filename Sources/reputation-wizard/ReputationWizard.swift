import ArgumentParser
import Foundation
import Onboarding

@main
struct ReputationWizard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reputation-wizard",
        abstract: "Turn on Telnyx Number Reputation and keep your US numbers watched.",
        discussion: "Try everything without an account: add --sandbox.",
        subcommands: [
            Run.self, Status.self, List.self, Log.self, Adopt.self, Archive.self, Export.self, Import.self, Webhook.self,
            ConfirmOwnership.self, Remediate.self, Watch.self, History.self, Numbers.self, Budget.self, Migrate.self,
            Assign.self, Note.self, FollowUp.self,
        ],
        defaultSubcommand: Run.self)

    /// As swift-argument-parser runs a command, except that an error's message (which may
    /// quote an id, a path or Telnyx's words) reaches the terminal without escape sequences.
    static func main() async {
        // A reader that goes away (`| head -1`) must not kill a run between intent and outcome.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if error is ExitCode || error is CleanExit { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.say("\(RemoteText.sanitizedLines(message))\n") }
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
