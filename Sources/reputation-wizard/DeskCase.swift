import ArgumentParser
import Foundation
import Onboarding
import OnboardingStore

/// Sets or clears one part of an onboarding's desk case: free, nothing changes at Telnyx, and
/// the audit log says who did it.
private func setDeskCase(
    _ global: GlobalOptions, _ id: String, _ field: OnboardingStore.DeskCaseField, to value: String?, said: String
) throws {
    let store = try global.existingStore(sandbox: global.sandbox)
    do {
        try store.setDeskCase(id, field, to: value)
    } catch StoreError.notFound {
        throw UsageProblem.stop("No onboarding \(id) here; `reputation-wizard list --all` shows them.")
    }
    Output.line(RemoteText.sanitized("Onboarding \(id): \(said)."))
}

/// Checks a desk command's value against `--clear`: exactly one of them, and the value fit to
/// keep (`problem` says why not, prefixed by the argument's `name`).
/// - Throws: `ValidationError` naming the fix.
private func checkValueOrClear(
    _ value: String?, clear: Bool, missing: String, both: String, name: String, problem: (String) -> String?
) throws {
    switch (value, clear) {
    case (nil, false): throw ValidationError(missing)
    case (.some, true): throw ValidationError(both)
    case (let value?, false): if let problem = problem(value) { throw ValidationError("\(name): \(problem).") }
    case (nil, true): break
    }
}

/// `assign ID PERSON`: who at the desk handles the onboarding.
struct Assign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say who at the desk handles an onboarding (shown in list, `list --mine`, and the wizard's title).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding.") var id: String
    @Argument(help: "The person's login name (as the audit log names people).") var person: String?
    @Flag(help: "Nobody handles it any more.") var clear = false

    func validate() throws {
        try checkValueOrClear(
            person, clear: clear, missing: "Give the person who handles it, or --clear.", both: "Give a person or --clear, not both.",
            name: "PERSON"
        ) { DeskCase.textProblem($0, field: "person", limit: DeskCase.assigneeLimit) }
    }

    func run() throws {
        try setDeskCase(global, id, .assignee, to: person, said: person.map { "handled by \($0)" } ?? "nobody handles it now")
    }
}

/// `note ID TEXT`: a hand-off note for the next person.
struct Note: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Leave a hand-off note on an onboarding for the next person (one line; it replaces the last).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding.") var id: String
    @Argument(help: "The note, one line of up to \(DeskCase.noteLimit) characters.") var text: String?
    @Flag(help: "Remove the note.") var clear = false

    func validate() throws {
        try checkValueOrClear(
            text, clear: clear, missing: "Give the note's text, or --clear.", both: "Give a note or --clear, not both.", name: "TEXT"
        ) { DeskCase.textProblem($0, field: "note", limit: DeskCase.noteLimit) }
    }

    func run() throws {
        try setDeskCase(global, id, .handOffNote, to: text, said: text == nil ? "note removed" : "note kept")
    }
}

/// `follow-up ID DATE`: the day to look at the onboarding again.
struct FollowUp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: "Set the day to look at an onboarding again (list sorts by it with --mine or --sort follow-up).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The onboarding.") var id: String
    @Argument(help: "The day, YYYY-MM-DD.") var day: String?
    @Flag(help: "No follow-up day.") var clear = false

    func validate() throws {
        try checkValueOrClear(
            day, clear: clear, missing: "Give the day (YYYY-MM-DD), or --clear.", both: "Give a day or --clear, not both.", name: "DAY",
            problem: DeskCase.dayProblem)
    }

    func run() throws {
        try setDeskCase(global, id, .followUpOn, to: day, said: day.map { "follow up on \($0)" } ?? "no follow-up day")
    }
}
