import Foundation
import NumberFiles
import Onboarding

/// The wizard's one update: a message (a key, or a command's result) changes the model and
/// asks for commands. Pure: the loop that runs the commands (`WizardRuntime`) and the screens
/// that draw the model are elsewhere, so both renderers share it.
public enum WizardUpdate {
    /// Seconds between two checks of an answer that was lost.
    public static let reconcileEvery: Double = 10

    /// Answers `message`, then starts what became due (a lost answer to reconcile, the review
    /// poller at step 6, the numbers a step shows). A decision sent while another runs waits
    /// its turn (a newer one replaces it).
    public static func update(_ model: inout WizardModel, _ message: WizardMessage) -> [Command] {
        let asked = answer(message, &model)
        var commands: [Command] = []
        for command in asked { commands += route(command, &model) }
        commands += due(&model)
        return commands
    }

    /// The wizard opens by asking Telnyx where things stand (the engine's `.begin`).
    public static func begin(_ model: inout WizardModel) -> [Command] {
        route(.send(.begin), &model)
    }

    /// A message's own answer, before it is routed and before what became due is added (for
    /// tests that look at one key's commands).
    static func answer(_ message: WizardMessage, _ model: inout WizardModel) -> [Command] {
        switch message {
        case .key(let key):
            // Nothing acts once the store is lost: what was shown may be out of date, and
            // another desk may hold the onboarding. Quitting and help still work.
            if let lost = model.storeLost, !WizardController.isQuitOrHelp(key) {
                model.notice = lost
                return []
            }
            return WizardController.handle(key, &model)
        case .decide(let event):
            if model.storeLost != nil { return [] }
            return [.send(event)]
        case .clock(let now):
            model.now = now
            return []
        case .engine(let state, let progress):
            model.state = state
            model.batchProgress = progress
            model.tick += 1
            return []
        case .decided(let refusal, let state):
            return decided(refusal: refusal, state: state, &model)
        case .review(let activity):
            switch activity {
            case .waiting(let at): (model.nextReviewCheckAt, model.reviewChecking) = (at, false)
            case .checking: model.reviewChecking = true
            case .stopped: (model.nextReviewCheckAt, model.reviewChecking) = (nil, false)
            }
            return []
        case .inventory(.success(let inventory)):
            model.inventory = inventory
            return []
        case .inventory(.failure(let failure)):
            model.notice = "Could not read the account's numbers (\(failure)); F3 tries again."
            return []
        case .readings(.success(let readings)):
            model.readings.merge(readings) { _, new in new }
            return []
        case .changedSinceLook(let numbers, let since):
            model.changedSinceLook = numbers
            model.lastLookAt = since
            return []
        case .readings(.failure(let failure)):
            model.notice = "Could not read the kept readings (\(failure)); the table shows what it had."
            return []
        case .enterprises(let result):
            switch result {
            case .success(let choices): (model.enterprises, model.trackedEnterprises) = (choices.items, choices.tracked)
            case .failure(let failure):
                model.enterprises = []
                model.notice = "Could not read the account's enterprises (\(failure)); Esc, then F3 to try again."
            }
            if case .pickEnterprise(var picker) = model.overlay {
                picker.items = model.enterprises ?? []
                model.overlay = .pickEnterprise(picker)
            }
            return []
        case .ownershipHistory(let number, let result):
            // Only into the box that asked for it (it may have been closed meanwhile).
            guard case .ownershipHistory(number, nil, _)? = model.overlay else { return [] }
            model.overlay = .ownershipHistory(number: number, lines: boxLines(result, what: "it"), top: 0)
            return []
        case .removedNumbers(let result):
            guard case .removedNumbers(nil, _)? = model.overlay else { return [] }
            model.overlay = .removedNumbers(lines: boxLines(result, what: "them"), top: 0)
            return []
        case .awaitingProof(.success(let numbers)):
            model.awaitingProof = numbers
            return []
        case .awaitingProof(.failure(let failure)):
            model.notice = "Could not read the numbers waiting on the ownership proof (\(failure))."
            return []
        case .auditLog(.success(let lines)):
            model.auditLines = lines
            return []
        case .auditLog(.failure(let failure)):
            model.auditLines = ["The audit log could not be read (\(failure))."]
            return []
        case .disabling(.success(let disabling)):
            model.disabledBy = disabling
            return []
        case .disabling(.failure(let failure)):
            model.notice = "Could not read who disabled reputation (\(failure))."
            return []
        case .enterpriseRecord(.success(nil), _):
            model.notice = "There is no enterprise to correct yet."
            return []
        case .enterpriseRecord(.success(let record?), let draft):
            model.startCorrection(record: record, draft: draft)
            return []
        case .enterpriseRecord(.failure(let failure), _):
            model.notice = "Could not read the enterprise from Telnyx (\(failure)); press c (F4 at steps 3 to 5) to try again."
            return []
        case .numbersFile(let typed, let result):
            model.background.readingFile = nil
            // Read while the person went on: the lines go where the file's path was typed, or
            // below what was typed since.
            WizardController.loaded(result, typed: typed, &model)
            return []
        case .fileChecked(let check, let problem):
            return WizardController.checked(check, problem: problem, &model)
        case .pathCompleted(let field, let typed, let completed):
            WizardController.completed(field, typed: typed, completed: completed, &model)
            return []
        case .draftNotSaved(let form, let failure):
            model.notice = "What is typed in the \(form.rawValue) form could not be kept (\(failure)); it is kept again at the next key."
            return []
        case .notice(let text):
            model.notice = text
            return []
        case .deskCase(let deskCase):
            model.deskCase = deskCase
            return []
        case .storeLost(let reason):
            model.storeLost = reason
            model.notice = reason
            return []
        }
    }

    /// A decision (or reconciliation) ended: what it did is shown, and a decision made
    /// meanwhile goes next.
    /// A box's lines read from Telnyx, or what went wrong in their place.
    static func boxLines(_ result: Result<[String], CommandFailure>, what: String) -> [String] {
        switch result {
        case .success(let lines): lines
        case .failure(let failure): ["Could not read \(what) from Telnyx: \(failure)"]
        }
    }

    static func decided(refusal: String?, state: OnboardingState, _ model: inout WizardModel) -> [Command] {
        let decision = model.background.decision
        // A change whose answer was lost, before Telnyx was asked about it.
        let lost = model.state.lastError?.outcomeUnknown == true ? model.state.inFlight.flatMap { $0.changesRemoteState ? $0 : nil } : nil
        model.background.decision = nil
        model.busy = nil
        model.notice = refusal
        model.state = state
        if decision?.event == .begin, let lost, refusal == nil, state.inFlight == nil, state.lastError == nil {
            model.notice = "Telnyx had taken “\(lost.name)” before its answer was lost; it was not sent again."
        }
        var commands: [Command] = []
        if let decision {
            WizardController.finished(decision.event, confirmationBefore: decision.confirmationBefore, &model)
            // A correction that reached Telnyx needs its draft no more.
            if case .correctEnterprise = decision.event, state.pendingCorrection == nil, state.lastError == nil {
                commands.append(.saveDraft(form: .enterpriseCorrection, fields: [:]))
            }
        }
        if let next = model.queued {
            model.queued = nil
            commands.append(.send(next))
        }
        return commands
    }

    /// A command as the loop should run it: a decision starts (or waits behind the one under
    /// way), "check now" is asked of the poller or of the engine, a reload names what to read.
    static func route(_ command: Command, _ model: inout WizardModel) -> [Command] {
        switch command {
        case .send(let event):
            guard model.background.decision == nil else {
                model.queued = event
                return []
            }
            start(event, busy: describe(event, confirming: model.state.confirmation), &model)
            return [command]
        case .checkReviewNow:
            if model.background.reviewPolling && model.nextReviewCheckAt != nil { return [command] }
            // A poller that stopped (after a rejection, say) no longer checks: ask directly.
            guard model.background.decision == nil else { return [] }
            start(.checkGatesNow, busy: "Checking Telnyx's review", &model)
            return [.send(.checkGatesNow)]
        case .reloadNumbers:
            return numbersToRead(model)
        case .readNumbersFile(let typed):
            model.background.readingFile = typed
            return [command]
        case .startReviewPolling, .stopReviewPolling, .reconcile, .advanceSandboxClock, .saveDraft, .saveTypedDraft,
            .loadInventory, .loadReadings, .loadAwaitingProof, .loadOwnershipHistory, .loadRemovedNumbers,
            .loadEnterprises, .loadAuditLog, .loadDisabling, .exportNumbers,
            .openFile,
            .loadEnterpriseRecord,
            .checkFile, .completePath, .quit:
            return [command]
        }
    }

    static func start(_ event: Event, busy: String, _ model: inout WizardModel) {
        model.busy = busy
        model.background.decision = WizardModel.Decision(event: event, confirmationBefore: model.state.confirmation)
        model.background.numbersReadAt = nil
    }

    /// What the step shows that is read from elsewhere: the inventory at step 7, the kept
    /// readings from step 8.
    static func numbersToRead(_ model: WizardModel) -> [Command] {
        var commands: [Command] = []
        if model.screenStep == .associate && model.inventory == nil { commands.append(.loadInventory) }
        if model.state.step >= .query { commands.append(.loadReadings) }
        if model.state.step >= .associate { commands.append(.loadAwaitingProof) }
        return commands
    }

    /// What became due after a message.
    static func due(_ model: inout WizardModel) -> [Command] {
        var commands: [Command] = []
        let state = model.state
        // An answer lost on the way: Telnyx is asked what happened, by itself and again every
        // little while, instead of waiting for a restart.
        if model.background.decision == nil, state.inFlight != nil, state.lastError?.outcomeUnknown == true,
            model.now >= model.background.nextReconcileAt
        {
            model.background.nextReconcileAt = model.now.addingTimeInterval(reconcileEvery)
            start(.begin, busy: "Checking with Telnyx whether it happened", &model)
            commands.append(.reconcile)
        }
        // Review polling runs while the onboarding waits at step 6, while the ownership proof
        // is reviewed or a remediation request worked at any step after, and while numbers
        // are monitored (what Telnyx asks about them, read every quarter hour). A poller that
        // only watched ownership is started again when a review begins, so it is checked soon.
        let awaited =
            state.step == .gates || (state.gates?.ownershipProofPending == true && state.reputationEnabled)
            || state.hasUnfinishedRemediation
        let polled = awaited || state.ownershipWatched
        if polled && state.inFlight == nil && (!model.background.reviewPolling || awaited && !model.background.pollingForReviews) {
            if model.background.reviewPolling { commands.append(.stopReviewPolling) }
            model.background.reviewPolling = true
            model.background.pollingForReviews = awaited
            commands.append(.startReviewPolling)
        } else if !polled && model.background.reviewPolling {
            model.background.reviewPolling = false
            (model.nextReviewCheckAt, model.reviewChecking) = (nil, false)
            commands.append(.stopReviewPolling)
        }
        if !awaited { model.background.pollingForReviews = false }
        // Who disabled reputation, and when, for its screen: read once each time it is disabled.
        if state.disabledReputation == nil {
            model.disabledBy = nil
            model.background.disablingRead = false
        } else if !model.background.disablingRead {
            model.background.disablingRead = true
            commands.append(.loadDisabling)
        }
        if model.background.numbersReadAt != state.step && model.background.decision == nil {
            model.background.numbersReadAt = state.step
            commands += numbersToRead(model)
        }
        return commands
    }

    /// When the loop must wake by itself, in milliseconds from now (nil: only for a key or a
    /// result): the spinner moves while something is in flight, step 6's "last checked" and
    /// "next check" lines when they would read differently, and a lost answer is asked about again when its time comes.
    public static func wakeAfter(_ model: WizardModel) -> Int? {
        var after: [Int] = []
        if model.busy != nil || model.reviewChecking || model.background.readingFile != nil { after.append(spinnerMilliseconds) }
        if model.screenStep == .gates {
            for date in [model.nextReviewCheckAt, model.state.gatesCheckedAt].compactMap({ $0 }) {
                after.append(ReviewScreen.millisecondsUntilChange(of: date, now: model.now))
            }
        }
        if model.state.inFlight != nil, model.state.lastError?.outcomeUnknown == true {
            after.append(max(0, Int(model.background.nextReconcileAt.timeIntervalSince(model.now) * 1000) + 1))
        }
        return after.min()
    }

    /// How often the spinner moves while something is in flight.
    public static let spinnerMilliseconds = 100

    /// The spinner's words for a decision under way (`confirming`: the confirmation a `.confirm`
    /// answers, whose cost says whether the work is billed).
    public static func describe(_ event: Event, confirming: PendingConfirmation? = nil) -> String {
        switch event {
        case .confirm where confirming?.estimate.amount.cents == 0: "Working (nothing is billed)"
        case .begin: "Asking Telnyx where things stand"
        case .agreeToTerms: "Agreeing to the terms"
        case .submitEnterprise: "Creating the enterprise"
        case .correctEnterprise: "Sending the correction"
        case .renderLOA: "Rendering the LOA"
        case .useSignedLOA: "Checking and uploading the signed LOA"
        case .confirm: "Working (billed as confirmed)"
        case .addNumbers, .query, .refresh, .chooseFrequency: "Estimating the cost"
        // These only ask first: nothing is done until the confirmation is answered.
        case .removeNumbers, .changeFrequency, .disable: "Preparing the confirmation"
        case .goBack: "Going back"
        case .checkGatesNow: "Checking Telnyx's review"
        default: "Talking to Telnyx"
        }
    }
}
