import Foundation
import NumberFiles
import Onboarding

/// Everything that reaches the wizard: a key, or the result of a command that ran off the key
/// loop. `WizardUpdate.update` answers each one; a failure arrives as a message like a success
/// and is shown, never dropped.
public enum WizardMessage: Equatable, Sendable {
    case key(Key)
    /// A decision a renderer made without a key (the plain renderer's answers).
    case decide(Event)
    /// The clock moved (the loop woke): what is shown as "now", and what is due (a lost
    /// answer asked about again) follow it.
    case clock(Date)
    /// The onboarding as the engine holds it now, and how far numbers being added have come;
    /// sent while something is in flight (it also moves the spinner).
    case engine(OnboardingState, BatchProgress?)
    /// The decision (or reconciliation) under way ended: its refusal or failure in words (nil
    /// when it went through), and the onboarding after it.
    case decided(refusal: String?, state: OnboardingState)
    /// What the review poller is doing (`.startReviewPolling`).
    case review(ReviewActivity)
    case inventory(Result<Set<String>, CommandFailure>)
    case readings(Result<[String: NumberReading], CommandFailure>)
    /// The numbers whose reading changed since the table was last shown, and when that was.
    case changedSinceLook(Set<String>, since: Date?)
    case enterprises(Result<EnterpriseChoices, CommandFailure>)
    case auditLog(Result<[String], CommandFailure>)
    /// The numbers hosted at other carriers set aside until the ownership proof is approved.
    case awaitingProof(Result<[String], CommandFailure>)
    /// A number's ownership tracking and history, as lines to show.
    case ownershipHistory(number: String, Result<[String], CommandFailure>)
    /// The numbers no longer monitored, each with why and when, as lines to show.
    case removedNumbers(Result<[String], CommandFailure>)
    case disabling(Result<WizardModel.Disabling?, CommandFailure>)
    /// The enterprise as Telnyx holds it (nil when there is none yet, in form keys), with the
    /// correction typed before over it, if any.
    case enterpriseRecord(Result<[String: String]?, CommandFailure>, draft: [String: String]?)
    /// A numbers file read and parsed (`typed` is the path as it was typed).
    case numbersFile(typed: String, Result<NumberFile, CommandFailure>)
    /// A file checked: nil when it can be used, else what is wrong with it.
    case fileChecked(FileCheck, problem: String?)
    /// A path completed from the directory's entries (`typed` is what it completed).
    case pathCompleted(PathField, typed: String, completed: String)
    /// A draft could not be saved: what is typed is still on screen, but not yet kept.
    case draftNotSaved(DraftForm, CommandFailure)
    /// News for the notice line (a viewer opened, or not).
    case notice(String)
    /// The desk's case as the store holds it now (another desk may have changed it).
    case deskCase(DeskCase)
    /// The store can no longer be written from here (a shared store's session ended, and this
    /// desk's hold on the onboarding with it): why, and what to do.
    case storeLost(String)
}

/// A command that failed, in words fit for the notice line.
public struct CommandFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the review poller at step 6 is doing.
public enum ReviewActivity: Equatable, Sendable {
    case waiting(nextCheckAt: Date)
    case checking
    case stopped
}

/// The account's enterprises for F3 at step 2, and which of them an onboarding here tracks.
public struct EnterpriseChoices: Equatable, Sendable {
    /// One item per enterprise: its id, and a label with its state at Telnyx.
    public var items: [ListPicker.Item]
    /// Enterprise id → the onboarding here that tracks it.
    public var tracked: [String: String]

    public init(items: [ListPicker.Item], tracked: [String: String]) {
        self.items = items
        self.tracked = tracked
    }
}
