import Foundation

/// Something that happened: a person's decision, or the outcome of an effect.
public enum Event: Codable, Equatable, Sendable {
    // A person's decisions.
    /// Opening or resuming: find out where Telnyx stands.
    case begin
    case agreeToTerms
    case useExistingEnterprise(id: String, legalName: String)
    case submitEnterprise(fields: [String: String])
    case renderLOA(agent: [String: String]?, signature: SignatureImage?)
    case useSignedLOA(path: String)
    case chooseFrequency(CheckFrequency, plannedNumbers: Int)
    case confirm
    /// Confirm a charge that passes the monthly budget: a plain `confirm` is refused for it.
    case confirmOverBudget
    case cancel
    /// The most this onboarding may bill in a calendar month without an override; nil removes
    /// the budget. Local: nothing is sent.
    case setBudget(Money?)
    /// Back to the previous step, where nothing done at Telnyx would be undone by it.
    case goBack
    case checkGatesNow
    /// Replace a rejected (or long-pending) LOA: render, sign, upload again.
    case startLOAReplacement
    /// Correct the enterprise after vetting rejected it; then submit again with a new LOA.
    case correctEnterprise(fields: [String: String])
    /// Add `numbers` (to be billed); `setAside` (number → why) were refused before the
    /// estimate (outside the account's inventory) and are named in the confirmation, not billed.
    case addNumbers([String], setAside: [String: String] = [:])
    /// Read `numbers`; the state machine decides which reads bill (every one when `fresh`, else
    /// those of numbers never read).
    case query(numbers: [String], fresh: Bool)
    case refresh([String])
    /// At step 8: do not read the numbers now (billed); let Telnyx's first scheduled check read
    /// them (billed by Telnyx as a scheduled check, within the frequency's period).
    case awaitScheduledCheck
    case changeFrequency(CheckFrequency)
    case removeNumbers([String])
    case disable
    /// After reputation was disabled: monitor again (a newly signed LOA, then the enable, billed).
    case enableAgain
    /// Set the enterprise's ownership webhook (a public HTTPS URL), or clear it with nil. Free.
    case setWebhook(url: String?)
    /// Ask Telnyx which monitored numbers need an ownership answer, and which it removed (free).
    case checkOwnershipNow
    /// Answer Telnyx that the enterprise still owns `numbers` (free), with `evidence` (a local
    /// document's path: PDF, PNG or JPEG) when given; giving a number up is removing it
    /// (`removeNumbers`, confirmed first).
    case confirmOwnership([String], evidence: String? = nil)
    /// Send the enterprise's ownership proof for numbers hosted at other carriers: `documents`
    /// are local paths of the evidence (a carrier invoice or statement: PDF, PNG or JPEG),
    /// `numbers` (E.164) guide Telnyx's reviewer. Free; replaces a pending or rejected proof.
    case submitOwnershipProof(documents: [String], numbers: [String])

    // Outcomes of effects, and facts the engine supplies.
    /// This month's spend as the audit log records it (the engine reads it before decisions).
    case monthSpendRead(MonthSpend)
    case termsChecked(agreed: Bool, version: String)
    case termsAgreed(version: String)
    case enterpriseReady(id: String, legalName: String)
    /// What Telnyx holds about the existing enterprise chosen at step 2.
    case enterpriseFactsRead(RemoteFacts)
    case loaRendered(path: String)
    /// `sha256`: hex digest of the uploaded file, so a later run can tell a newly signed LOA from it.
    case signedLOAUploaded(documentId: String, sha256: String? = nil)
    case reputationEnabled(GateReport)
    case gatesChecked(GateReport, at: Date)
    case loaReplaced(GateReport)
    case reputationDisabled
    /// `setAside`: numbers not added, with the reason for each.
    case numbersAssociated([String], setAside: [String: String] = [:])
    /// `withoutData`: those of them the analytics networks have no data for yet (Telnyx keeps
    /// `reputation_data` null, so their next read is live and billed again).
    case numbersQueried([String], withoutData: [String]? = nil)
    case numbersRefreshed(succeeded: [String], failed: [String], withoutData: [String]? = nil)
    /// Telnyx's free list shows data for these numbers, never read here (its scheduled check
    /// read them): their data is cached at Telnyx, so a read is no longer a billed first read.
    case scheduledReadingsListed(withData: [String])
    case frequencyChanged(CheckFrequency)
    case numbersRemoved([String])
    /// The ownership webhook as Telnyx now holds it (nil: none).
    case webhookSet(url: String?)
    /// Monitored numbers Telnyx asks about, and those it removed (number → `removal_reason`).
    case ownershipRead(notices: [OwnershipNotice], removed: [String: String])
    /// Telnyx took the answer for these numbers: verified again.
    case ownershipConfirmed([String])
    /// Telnyx took the ownership proof: its review status now (`pending`), and the SHA-256 (hex)
    /// of each document sent, so the same evidence is not sent again after a rejection.
    case ownershipProofSubmitted(status: ReviewStatus, sha256: [String])
    /// Send monitored `numbers` to remediation (billed $1.00 a number, asked first), with what
    /// their calls are for (1 to 2,000 characters) and an optional contact email; `setAside`
    /// (number → why) were left out before the estimate.
    case remediate(numbers: [String], callPurpose: String, contactEmail: String?, setAside: [String: String] = [:])
    /// Ask Telnyx where the unfinished remediation requests stand (free).
    case checkRemediationsNow
    /// Telnyx took these requests (202).
    case remediationsSubmitted([RemediationRecord])
    /// The requests as Telnyx reports them now (status, per-number results).
    case remediationsRead([RemediationRecord])
    case effectFailed(Effect, Failure)
}
