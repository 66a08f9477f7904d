import Foundation
import Onboarding

/// Everything the wizard draws: the onboarding as the engine last saved it, what the program
/// around it knows (review polling, readings, inventory), and what is being typed on screen.
public struct WizardModel: Equatable, Sendable {
    /// Who disabled reputation, and when (UTC), as the audit log says.
    public struct Disabling: Equatable, Sendable {
        public var at: Date
        public var user: String

        public init(at: Date, user: String) {
            self.at = at
            self.user = user
        }
    }

    public enum Overlay: Equatable, Sendable {
        /// The keys of the step in words, scrolled to `top` (a long list outgrows 24 rows).
        case help(top: Int)
        /// The enterprise (or its correction) before it is sent, scrolled to `top`.
        case review(top: Int)
        /// Replacing the LOA under review is asked first (not billed; the review starts again).
        case confirmLOAReplacement
        /// The check frequency being chosen at step 9, with each one's monthly projection.
        case chooseFrequency(CheckFrequency)
        /// One of the account's enterprises, for step 2.
        case pickEnterprise(ListPicker)
        /// Numbers of the account's inventory, for step 7.
        case pickNumbers(ListPicker)
        /// The onboarding's audit log.
        case auditLog(top: Int)
        /// What became of each number of the last batch job, once it ended.
        /// `setAside`: numbers set aside before the estimate (not sent), as the confirmation named them.
        case associationResults(numbers: [String], setAside: SetAsideNumbers?, top: Int)
        /// The ownership webhook's URL being typed at step 9 (empty clears it).
        case webhook(TextField)
        /// The ownership proof's documents being typed (paths separated by `;`).
        case ownershipProof(TextField)
        /// A number's ownership tracking and history (`lines` nil while it is read), scrolled to `top`.
        case ownershipHistory(number: String, lines: [String]?, top: Int)
        /// The numbers no longer monitored (Telnyx's tombstones), `lines` nil while read.
        case removedNumbers(lines: [String]?, top: Int)
        /// Numbers chosen at step 9 for remediation, with the call purpose being typed.
        case remediation(RemediationForm)
    }

    // From the engine and the program.
    public var state: OnboardingState
    /// The sandbox's scenario when running on the built-in simulator.
    public var sandboxScenario: String?
    /// Who handles the onboarding at the desk and the follow-up day, for the title.
    public var deskCase = DeskCase()
    /// Set once the store can no longer be written from here: shown on the notice line for good,
    /// and every key but quit and help is refused with it.
    public var storeLost: String?
    /// What the engine is doing now, for a spinner.
    public var busy: String?
    /// How far numbers being added have come, while they go.
    public var batchProgress: BatchProgress?
    /// A decision made while the engine worked; it runs once that is done.
    public var queued: Event?
    /// What runs in the background, for `WizardUpdate` to know what is due.
    public var background = Background()
    public var nextReviewCheckAt: Date?
    public var reviewChecking = false
    public var readings: [String: NumberReading] = [:]
    /// Numbers whose reading changed (risk, category, a score's fall, first data) since the
    /// wizard last showed this onboarding's table, and when that was (nil: never before).
    public var changedSinceLook: Set<String> = []
    public var lastLookAt: Date?
    /// The account's active numbers, once read (for step 7's checks).
    public var inventory: Set<String>?
    /// Numbers hosted at other carriers set aside until the ownership proof is approved, as
    /// the store keeps them (in number order).
    public var awaitingProof: [String] = []
    /// The ownership proof's paths as last typed, offered again until Telnyx takes the proof.
    public var lastProofPaths = ""
    /// The call purpose and contact email last sent from the remediation box, offered again
    /// when it opens until Telnyx takes a request (a failure does not lose what was typed).
    public var lastCallPurpose = ""
    public var lastContactEmail = ""
    /// The account's enterprises (id, legal name), once read (for step 2).
    public var enterprises: [ListPicker.Item]?
    /// Enterprises of the account already tracked here, by enterprise id → onboarding id.
    public var trackedEnterprises: [String: String] = [:]
    /// The audit log, one line per entry, once read.
    public var auditLines: [String] = []
    /// When and by whom (OS user) reputation was disabled, from the audit log, while it is.
    public var disabledBy: Disabling?
    /// The last refusal or piece of news, in words.
    public var notice: String?
    /// The message on screen when help was opened, shown there in full (a long one is cut on
    /// the notice line, so it is one key away).
    public var helpMessage: String?
    public var now = Date()
    public var tick = 0

    // On screen.
    public var overlay: Overlay?
    public var enterpriseForm = EnterpriseForm()
    public var loaForm = LOAForm()
    public var signedLOAPath = TextField()
    public var frequency: CheckFrequency = .businessDaily
    public var plannedNumbers = TextField("")
    public var numbersText = TextField()
    public var numberLines: [String] = []
    /// Where a loaded line came from (`numbers.csv line 4, column 2 (Phone)`), by its index in
    /// `numberLines`; typed and pasted lines have none.
    public var numberLineOrigins: [Int: NumberLineOrigin] = [:]
    /// Why the last ^O loaded nothing, until the next key.
    public var loadProblem: String?
    /// Readings of the number lines, kept between frames (not part of what the model is).
    public var numberMemo = NumberLineMemo()
    public var table = TableState()
    /// What is typed to confirm disabling (the word `disableWord`).
    public var confirmationWord = TextField()
    static let disableWord = "DISABLE"

    public init(state: OnboardingState, sandboxScenario: String? = nil) {
        self.state = state
        self.sandboxScenario = sandboxScenario
        frequency = state.checkFrequency
    }

    /// The step whose screen is shown: the enterprise form while correcting after a rejection.
    public var screenStep: Step {
        if enterpriseForm.correcting && canCorrect { return .enterprise }
        if addingMoreNumbers && state.step >= .query { return .associate }
        return state.step
    }

    /// At steps 8 and 9, the person went back to add more numbers.
    public var addingMoreNumbers = false

    /// Whether the enterprise can be corrected now (the state machine's rule).
    public var canCorrect: Bool { state.canCorrectEnterprise }

    /// Telnyx's reasons for rejecting the enterprise: as last read, or kept from before the
    /// disable a correction needed.
    public var rejectionReasons: [String] {
        if let gates = state.gates, gates.vettingRejected { return gates.rejectionReasons }
        return state.lastVettingRejection ?? []
    }

    /// Brings back the enterprise form as it was typed before a quit or a crash.
    public mutating func restoreEnterprise(draft: [String: String]?) {
        if let draft { enterpriseForm = EnterpriseForm(draft: draft) }
    }

    /// Opens the correction form from the enterprise as Telnyx holds it (`record`, form keys),
    /// with a correction under way before a quit (`draft`) typed over it. Nothing opens when
    /// the enterprise can no longer be corrected.
    public mutating func startCorrection(record: [String: String], draft: [String: String]?) {
        guard canCorrect else { return }
        enterpriseForm = EnterpriseForm.correcting(record: record, draft: draft)
        enterpriseForm.focus = 0
        notice = nil
    }

    /// What is typed outside the enterprise form, as a draft.
    public var typedDraft: [String: String] {
        loaForm.draft.merging([
            "signed_loa_path": signedLOAPath.text, "numbers": numbersEntry,
            "frequency": frequency.rawValue, "planned_numbers": plannedNumbers.text,
        ]) { _, typed in typed }
    }

    /// What tells a change of `typedDraft` in constant time: only the last of the number lines
    /// can be edited (Enter, Backspace and ^O change their count), so the whole list is never
    /// joined to compare it.
    public struct TypedFingerprint: Equatable, Sendable {
        var loa: [String: String]
        var signedLOAPath: String
        var frequency: CheckFrequency
        var plannedNumbers: String
        var numberLineCount: Int
        var lastNumberLine: String?
        var currentNumberLine: String
    }

    public var typedFingerprint: TypedFingerprint {
        TypedFingerprint(
            loa: loaForm.draft, signedLOAPath: signedLOAPath.text, frequency: frequency, plannedNumbers: plannedNumbers.text,
            numberLineCount: numberLines.count, lastNumberLine: numberLines.last, currentNumberLine: numbersText.text)
    }

    /// Brings back what was typed before a quit or a crash.
    public mutating func restoreTyped(_ draft: [String: String]) {
        loaForm = LOAForm(draft: draft)
        signedLOAPath = TextField(draft["signed_loa_path"] ?? "")
        // Step 5's choice as it was left (before enabling; after, the state's frequency holds).
        if state.step <= .enable, let chosen = draft["frequency"].flatMap(CheckFrequency.init(rawValue:)) { frequency = chosen }
        if let planned = draft["planned_numbers"] { plannedNumbers = TextField(planned) }
        var lines = (draft["numbers"] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        numbersText = TextField(lines.popLast() ?? "")
        numberLines = lines
    }

    /// The numbers typed or pasted at step 7, one per line.
    public var numbersEntry: String { (numberLines + [numbersText.text]).joined(separator: "\n") }
}

extension WizardModel {
    /// What runs off the key loop, and what is due: kept in the model so that `WizardUpdate`
    /// alone decides what to start, and the loop only runs what it is told.
    public struct Background: Equatable, Sendable {
        /// The decision under way, and the confirmation it answers (what is shown once it
        /// ends depends on it); nil when the engine is idle.
        public var decision: Decision?
        /// When Telnyx is next asked about an answer that was lost.
        public var nextReconcileAt = Date.distantPast
        /// Whether the review poller runs.
        public var reviewPolling = false
        /// Whether the running poller was started for a review or remediation request (checked
        /// soon, then less often), not only for the ownership questions (read every quarter hour).
        public var pollingForReviews = false
        /// Whether the audit log was read for who disabled reputation, this time it is disabled.
        public var disablingRead = false
        /// The step whose numbers were last read.
        public var numbersReadAt: Step?
        /// The numbers file being read, by its path as typed.
        public var readingFile: String?

        public init() {}
    }

    /// A decision sent to the engine, and the confirmation on screen when it was sent.
    public struct Decision: Equatable, Sendable {
        public var event: Event
        public var confirmationBefore: PendingConfirmation?
    }
}

/// The number table of steps 8 and 9: cursor, selection, filter, sort and page.
public struct TableState: Equatable, Sendable {
    public var cursor = 0
    public var selected: Set<String> = []
    public var filter = TextField()
    public var filtering = false
    public var sort = TableSort()
    /// `~`: only the numbers whose reading changed since the person last looked.
    public var onlyChanges = false
}
