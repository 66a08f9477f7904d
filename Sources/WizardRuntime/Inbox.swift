import Synchronization
import TerminalUI

/// Where background work leaves its results for the key loop: messages in the order they were
/// posted, and a wake-up so the loop, asleep on the terminal, comes for them at once.
final class Inbox: Sendable {
    private let messages = Mutex<[WizardMessage]>([])
    let wake: WakeUp

    init(wake: WakeUp) { self.wake = wake }

    func post(_ message: WizardMessage) {
        messages.withLock { $0.append(message) }
        wake.signal()
    }

    /// Every message posted since the last take, oldest first.
    func take() -> [WizardMessage] {
        messages.withLock { posted in
            let taken = posted
            posted = []
            return taken
        }
    }
}
