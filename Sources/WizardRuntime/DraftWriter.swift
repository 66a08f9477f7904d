import Foundation
import OnboardingStore
import TerminalUI

/// Writes drafts off the key loop, one at a time and in the order they were typed (the last
/// one of a form wins); a failure comes back as `.draftNotSaved`. `finish` waits for every
/// draft asked for, so a quit loses nothing.
final class DraftWriter: Sendable {
    private let drafts: AsyncStream<(DraftForm, [String: String])>.Continuation
    private let writing: Task<Void, Never>

    init(store: OnboardingStore, onboardingId: String, inbox: Inbox) {
        let (stream, continuation) = AsyncStream.makeStream(of: (DraftForm, [String: String]).self)
        drafts = continuation
        writing = Task {
            for await (form, fields) in stream {
                do {
                    try store.saveDraft(onboardingId, form: form.rawValue, fields: fields)
                } catch {
                    inbox.post(.draftNotSaved(form, CommandFailure("\(error)")))
                }
            }
        }
    }

    func save(_ form: DraftForm, _ fields: [String: String]) { drafts.yield((form, fields)) }

    /// Waits until every draft asked for is written.
    func finish() async {
        drafts.finish()
        await writing.value
    }
}
