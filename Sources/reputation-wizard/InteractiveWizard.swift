import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import Synchronization
import TelnyxAPI
import TerminalUI

/// The full-screen wizard: draws the model, turns keys into commands, and runs them (engine
/// decisions in the background with a spinner, review polling at step 6, drafts saved as typed).
struct InteractiveWizard {
    let engine: OnboardingEngine
    let store: OnboardingStore
    let client: TelnyxClient
    let sandbox: Sandbox?
    let scenario: String
    /// The wizard's clock (what it shows as "now", when a lost answer is asked about again);
    /// tests give one that moves as they say.
    var now: @Sendable () -> Date = Date.init

    /// The answer of the decision running in the background, once it comes.
    final class Outcome: Sendable {
        private let value = Mutex<String??>(nil)
        func set(_ refusal: String?) { value.withLock { $0 = .some(refusal) } }
        func take() -> String?? {
            value.withLock { stored in
                let taken = stored
                stored = nil
                return taken
            }
        }
    }

    func run(on terminal: some Terminal) async throws {
        let id = await engine.state.id
        var model = WizardModel(state: await engine.state, sandboxScenario: sandbox == nil ? nil : scenario)
        model.restoreEnterprise(draft: try store.draft(id, form: "enterprise"))
        // A correction under way before a quit comes back over what Telnyx holds now.
        if let correction = try store.draft(id, form: WizardModel.correctionDraftName), !correction.isEmpty, model.canCorrect {
            await openCorrection(&model, draft: correction)
        }
        if let draft = try store.draft(id, form: "typed") { model.restoreTyped(draft) }
        let outcome = Outcome()
        var running: Task<Void, Never>? = send(.begin, outcome: outcome)
        // The decision running, and the confirmation it answers, for what is shown once it ends.
        var sent: (event: Event, confirmation: PendingConfirmation?) = (.begin, nil)
        // The step whose numbers were last read.
        var readStep: Step?
        func start(_ event: Event) {
            model.busy = Self.describe(event)
            sent = (event, model.state.confirmation)
            running = send(event, outcome: outcome)
            readStep = nil
        }
        model.busy = "Asking Telnyx where things stand"
        // When Telnyx is next asked about an answer that was lost.
        var nextReconcileAt = Date.distantPast
        // Whether the audit log was read for who disabled reputation.
        var disablingRead = false
        var poller: GatePoller?
        var polling: Task<Void, Never>?
        defer { polling?.cancel() }

        while true {
            model.state = await engine.state
            model.batchProgress = engine.batchProgress
            if let refusal = outcome.take() {
                running = nil
                model.busy = nil
                model.notice = refusal
                model.state = await engine.state
                WizardController.finished(sent.event, confirmationBefore: sent.confirmation, &model)
                // A correction that reached Telnyx needs its draft no more.
                if case .correctEnterprise = sent.event, model.state.pendingCorrection == nil, model.state.lastError == nil {
                    try? store.saveDraft(id, form: WizardModel.correctionDraftName, fields: [:])
                }
                // A decision made while another ran goes next (one waits; a newer one replaces it).
                if let next = model.queued {
                    model.queued = nil
                    start(next)
                }
            }
            model.now = now()
            model.tick += 1
            // An answer lost on the way: Telnyx is asked what happened, by itself and again
            // every little while, instead of waiting for a restart.
            if running == nil, model.state.inFlight != nil, model.state.lastError?.outcomeUnknown == true, model.now >= nextReconcileAt {
                nextReconcileAt = model.now.addingTimeInterval(Self.reconcileEvery)
                model.busy = "Checking with Telnyx whether it happened"
                sent = (.begin, nil)
                running = Task { [engine] in
                    do {
                        let settled = try await engine.reconcile()
                        outcome.set(settled ? nil : "Telnyx could not be asked yet; it is asked again in \(Int(Self.reconcileEvery)) s.")
                    } catch {
                        outcome.set("Telnyx could not be asked yet (\(error)); it is asked again in \(Int(Self.reconcileEvery)) s.")
                    }
                }
            }
            // Review polling runs while the onboarding waits at step 6.
            if model.state.step == .gates && model.state.inFlight == nil && polling == nil {
                let newPoller = GatePoller(engine: engine)
                poller = newPoller
                polling = Task { try? await newPoller.run() }
            } else if model.state.step != .gates, let task = polling {
                task.cancel()
                polling = nil
                poller = nil
            }
            if let poller {
                switch await poller.activity {
                case .waiting(let at)?: (model.nextReviewCheckAt, model.reviewChecking) = (at, false)
                case .checking?: model.reviewChecking = true
                default: (model.nextReviewCheckAt, model.reviewChecking) = (nil, false)
                }
            }
            // Who disabled reputation, and when, for its screen: read once each time it is disabled.
            if model.state.disabledReputation == nil {
                model.disabledBy = nil
                disablingRead = false
            } else if !disablingRead {
                disablingRead = true
                if let disabled = try? store.report(id).reputationDisabled, let at = disabled.at, let user = disabled.by {
                    model.disabledBy = .init(at: at, user: user)
                }
            }
            if readStep != model.state.step && running == nil {
                readStep = model.state.step
                await loadNumbers(into: &model)
            }
            let size = terminal.size
            terminal.show(WizardView.render(model, width: size.width, height: size.height))
            guard let first = terminal.nextKey(timeoutMilliseconds: 80) else {
                await Task.yield()
                continue
            }
            // A paste arrives as many keys at once: all are answered before the next frame, and
            // each form's draft is written once for them, not once a key.
            var keys = [first]
            while keys.count < Self.keysPerFrame, let more = terminal.nextKey(timeoutMilliseconds: 0) { keys.append(more) }
            var drafts: [String: [String: String]] = [:]
            var typedChanged = false
            defer {
                if typedChanged { drafts[WizardModel.typedDraftName] = model.typedDraft }
                for (form, fields) in drafts { try? store.saveDraft(id, form: form, fields: fields) }
            }
            for command in keys.flatMap({ WizardController.handle($0, &model) }) {
                switch command {
                case .quit:
                    running?.cancel()
                    return
                case .send(let event):
                    guard running == nil else {
                        model.queued = event
                        continue
                    }
                    start(event)
                case .checkReviewNow:
                    // A poller that stopped (after a rejection, say) no longer checks: ask directly.
                    if let poller, await poller.isWaiting {
                        await poller.checkNow()
                    } else if running == nil {
                        model.busy = "Checking Telnyx's review"
                        sent = (.checkGatesNow, nil)
                        running = send(.checkGatesNow, outcome: outcome)
                    }
                case .advanceSandboxClock:
                    sandbox?.advance(seconds: 3600)
                case .saveDraft(let form, let fields):
                    drafts[form] = fields
                case .saveTypedDraft:
                    typedChanged = true
                case .reloadNumbers:
                    await loadNumbers(into: &model)
                case .loadEnterprises:
                    do {
                        (model.enterprises, model.trackedEnterprises) = try await enterpriseChoices()
                    } catch {
                        model.enterprises = []
                        let said = (error as? TelnyxError)?.message ?? error.localizedDescription
                        model.notice = "Could not read the account's enterprises (\(said)); Esc, then F3 to try again."
                    }
                    if case .pickEnterprise(var picker) = model.overlay {
                        picker.items = model.enterprises ?? []
                        model.overlay = .pickEnterprise(picker)
                    }
                case .openFile(let path):
                    model.notice = FileOpener.open(path)
                case .loadEnterpriseRecord:
                    // A correction typed before (sent and failed, or left) comes back over Telnyx's record.
                    let kept = (try? store.draft(id, form: WizardModel.correctionDraftName)).flatMap { $0 }
                    await openCorrection(&model, draft: kept?.isEmpty == false ? kept : nil)
                case .loadAuditLog:
                    let formatter = ISO8601DateFormatter()
                    model.auditLines = ((try? store.auditLog(id)) ?? []).map { entry in
                        let cost = entry.cost.map { " · \($0)" } ?? ""
                        return RemoteText.sanitized("\(formatter.string(from: entry.at)) \(entry.osUser): \(entry.action)\(cost) → \(entry.result)")
                    }
                }
            }
        }
    }

    /// The account's enterprises for F3, each with its state at Telnyx (reputation on or off, both
    /// reviews) and the local onboarding that tracks it, if any.
    func enterpriseChoices() async throws -> ([ListPicker.Item], [String: String]) {
        let enterprises = try await client.allEnterprises()
        let client = self.client
        let enabled = enterprises.filter { $0.numberReputationEnabled == true }.compactMap(\.id)
        let gates = try await enabled.concurrentMap(inFlight: 4) { id in
            (id, try? await client.reputationSettings(enterpriseId: id))
        }
        let reviews = Dictionary(gates, uniquingKeysWith: { first, _ in first })
        // Every onboarding here, read once: enterprise id → the onboarding tracking it.
        var trackers: [String: String] = [:]
        for summary in try store.list(includingArchived: true) {
            if let enterpriseId = summary.state.enterprise?.id, trackers[enterpriseId] == nil { trackers[enterpriseId] = summary.state.id }
        }
        var tracked: [String: String] = [:]
        let items = enterprises.compactMap { enterprise -> ListPicker.Item? in
            guard let id = enterprise.id else { return nil }
            var label = RemoteText.sanitized(enterprise.legalName ?? id)
            if let settings = reviews[id] ?? nil {
                label += " · on: vetting \(settings.status?.rawValue ?? "?"), LOA \(settings.loaStatus?.rawValue ?? "?")"
            } else {
                label += enterprise.numberReputationEnabled == true ? " · on" : " · reputation off"
            }
            if let onboarding = trackers[id] {
                tracked[id] = onboarding
                label += " · tracked by \(onboarding.prefix(8))"
            }
            return ListPicker.Item(id: id, label: label)
        }
        return (items, tracked)
    }

    /// Opens the correction form from the enterprise as Telnyx holds it now; a failure to read
    /// it is said, and nothing is opened.
    func openCorrection(_ model: inout WizardModel, draft: [String: String]?) async {
        do {
            guard let record = try await engine.enterpriseRecord() else {
                model.notice = "There is no enterprise to correct yet."
                return
            }
            model.startCorrection(record: record, draft: draft)
        } catch {
            model.notice = "Could not read the enterprise from Telnyx (\(error.message)); press c (F4 at steps 3 to 5) to try again."
        }
    }

    /// Seconds between two checks of an answer that was lost.
    static let reconcileEvery: Double = 10

    /// The most keys answered before a frame is drawn.
    static let keysPerFrame = 4096

    func send(_ event: Event, outcome: Outcome) -> Task<Void, Never> {
        Task { [engine] in
            do {
                if case .addNumbers(let numbers, let refused) = event {
                    // Numbers outside the inventory are set aside before the estimate; the
                    // lines the wizard refused are named beside them.
                    outcome.set(try await engine.addNumbers(numbers, refused: refused))
                    return
                }
                outcome.set(try await engine.send(event))
            } catch {
                outcome.set("\(error)")
            }
        }
    }

    /// The inventory at step 7, and the latest reading of each monitored number from step 8.
    func loadNumbers(into model: inout WizardModel) async {
        if model.screenStep == .associate && model.inventory == nil {
            if let inventory = try? await client.allInventory() {
                model.inventory = Set(inventory.filter { $0.status == .active }.map(\.phoneNumber))
            }
        }
        guard model.state.step >= .query, let latest = try? store.latestReadings(model.state.id) else { return }
        let decoder = JSONDecoder()
        for (number, last) in latest {
            guard let data = try? decoder.decode(ReputationData.self, from: Data(last.data.utf8)) else { continue }
            model.readings[number] = NumberReading(
                phoneNumber: number, spamRisk: data.spamRisk?.rawValue, category: data.spamCategory,
                maturity: data.maturityScore, connection: data.connectionScore, engagement: data.engagementScore,
                sentiment: data.sentimentScore, lastRefreshedAt: data.lastRefreshedAt)
        }
    }

    static func describe(_ event: Event) -> String {
        switch event {
        case .agreeToTerms: "Agreeing to the terms"
        case .submitEnterprise: "Creating the enterprise"
        case .correctEnterprise: "Sending the correction"
        case .renderLOA: "Rendering the LOA"
        case .useSignedLOA: "Checking and uploading the signed LOA"
        case .confirm: "Working (billed as confirmed)"
        case .addNumbers, .query, .refresh, .chooseFrequency: "Estimating the cost"
        case .removeNumbers: "Removing numbers"
        case .changeFrequency: "Changing the check frequency"
        case .disable: "Disabling reputation"
        case .goBack: "Going back"
        default: "Talking to Telnyx"
        }
    }
}
