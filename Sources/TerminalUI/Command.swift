import Onboarding

/// What the wizard asks of the program around it after a key: the screens never call the API
/// or the database themselves.
public enum Command: Equatable, Sendable {
    /// A decision for the state machine, run by the engine.
    case send(Event)
    /// Check Telnyx's review now instead of at the next scheduled check.
    case checkReviewNow
    /// Sandbox only: move the simulated clock an hour ahead, so reviewers decide sooner.
    case advanceSandboxClock
    /// Keep what is typed in a form, so nothing is lost on quit or crash.
    case saveDraft(form: String, fields: [String: String])
    /// What is typed outside the enterprise form changed: keep `WizardModel.typedDraft`. Carries
    /// nothing, so a paste of thousands of lines costs one draft a frame, not one a key.
    case saveTypedDraft
    /// Read the account's inventory and the latest readings again.
    case reloadNumbers
    /// Read the account's enterprises, for choosing one at step 2.
    case loadEnterprises
    /// Read the onboarding's audit log.
    case loadAuditLog
    /// Open a file (the rendered LOA) in the desktop's viewer, when there is one.
    case openFile(String)
    /// Read the enterprise as Telnyx holds it, and open the correction form from it.
    case loadEnterpriseRecord
    case quit
}
