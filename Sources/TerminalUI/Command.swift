import Onboarding

/// What the wizard asks of the program around it: the screens and `WizardUpdate` never call
/// the API, the database or the file system themselves. Each command runs off the key loop and
/// its result comes back as a `WizardMessage`, failures included.
public enum Command: Equatable, Sendable {
    /// A decision for the state machine, run by the engine; answered by `.decided`.
    case send(Event)
    /// Check Telnyx's review now instead of at the next scheduled check.
    case checkReviewNow
    /// Start watching Telnyx's review (step 6); its activity comes back as `.review`.
    case startReviewPolling
    /// Stop watching Telnyx's review (the step changed).
    case stopReviewPolling
    /// Ask Telnyx whether an action whose answer was lost happened; answered by `.decided`.
    case reconcile
    /// Sandbox only: move the simulated clock an hour ahead, so reviewers decide sooner.
    case advanceSandboxClock
    /// Keep what is typed in a form, so nothing is lost on quit or crash.
    case saveDraft(form: DraftForm, fields: [String: String])
    /// What is typed outside the enterprise form changed: keep `WizardModel.typedDraft`. Carries
    /// nothing, so a paste of thousands of lines costs one draft a frame, not one a key.
    case saveTypedDraft
    /// Read the account's inventory and the latest readings again (which of them the step
    /// needs is decided by `WizardUpdate`, as `.loadInventory` and `.loadReadings`).
    case reloadNumbers
    /// Read the account's active numbers; answered by `.inventory`.
    case loadInventory
    /// Read the latest reading of each monitored number from the store; answered by `.readings`.
    case loadReadings
    /// Read the numbers set aside until the ownership proof is approved; answered by `.awaitingProof`.
    case loadAwaitingProof
    /// Read a monitored number's ownership tracking and history; answered by `.ownershipHistory`.
    case loadOwnershipHistory(String)
    /// Read the numbers Telnyx keeps as removed (tombstones); answered by `.removedNumbers`.
    case loadRemovedNumbers
    /// Write every monitored number to a CSV file in the current directory (free: Telnyx's list);
    /// answered by a `.notice` naming the file.
    case exportNumbers
    /// Read the account's enterprises, for choosing one at step 2; answered by `.enterprises`.
    case loadEnterprises
    /// Read the onboarding's audit log; answered by `.auditLog`.
    case loadAuditLog
    /// Read who disabled reputation, and when, from the audit log; answered by `.disabling`.
    case loadDisabling
    /// Open a file (the rendered LOA) in the desktop's viewer, when there is one; answered by
    /// `.notice`.
    case openFile(String)
    /// Read the enterprise as Telnyx holds it (and a correction typed before), and open the
    /// correction form from it; answered by `.enterpriseRecord`.
    case loadEnterpriseRecord
    /// Read a numbers file (CSV, one number a line…) whose path was typed at step 7; answered
    /// by `.numbersFile`.
    case readNumbersFile(String)
    /// Check a file the person named before it is used; answered by `.fileChecked`.
    case checkFile(FileCheck)
    /// Complete the path typed in a field from the directory's entries; answered by
    /// `.pathCompleted`.
    case completePath(PathField, typed: String)
    case quit
}

/// A form whose draft is kept while it is typed.
public enum DraftForm: String, Equatable, Sendable, CaseIterable {
    /// The enterprise form of step 2.
    case enterprise
    /// A correction of a rejected enterprise, over Telnyx's record.
    case enterpriseCorrection = "enterprise-correction"
    /// Everything typed outside the enterprise form (`WizardModel.typedDraft`).
    case typed
}

/// A text field holding a path, for completion.
public enum PathField: Equatable, Sendable {
    /// Step 3's signature image (PNG).
    case signatureImage
    /// Step 4's signed LOA (PDF).
    case signedLOA
}

/// A file checked before it is used, and what happens when it passes.
public enum FileCheck: Equatable, Sendable {
    /// The signature image of step 3; `thenRender` renders the LOA when it passes.
    case signatureImage(path: String, thenRender: Bool)
    /// The signed LOA of step 4 (a PDF within the size limit); uploaded when it passes.
    case signedLOA(path: String)
}
