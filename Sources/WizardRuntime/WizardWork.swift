import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TerminalUI

/// Runs the wizard's commands off the key loop, each as its own task whose result (or failure)
/// is posted to the inbox as a message. Holds what runs: the decision under way, the review
/// poller, the draft writer. Used from the loop's task only.
final class WizardWork {
    let engine: OnboardingEngine
    let store: OnboardingStore
    let client: TelnyxClient
    let sandbox: SandboxControl?
    let inbox: Inbox
    let onboardingId: String
    private let drafts: DraftWriter
    private var decision: Task<Void, Never>?
    private var poller: GatePoller?
    private var polling: [Task<Void, Never>] = []
    private var lookedForChanges = false

    init(
        engine: OnboardingEngine, store: OnboardingStore, client: TelnyxClient, sandbox: SandboxControl?, inbox: Inbox, onboardingId: String
    ) {
        self.engine = engine
        self.store = store
        self.client = client
        self.sandbox = sandbox
        self.inbox = inbox
        self.onboardingId = onboardingId
        drafts = DraftWriter(store: store, onboardingId: onboardingId, inbox: inbox)
    }

    enum Outcome { case goOn, quit }

    /// Starts every command; drafts asked for more than once in the frame are written once
    /// (the last one), the typed draft as the model holds it now.
    func perform(_ commands: [Command], model: WizardModel) async -> Outcome {
        var formDrafts: [DraftForm: [String: String]] = [:]
        var typedChanged = false
        for command in commands {
            switch command {
            case .quit:
                for (form, fields) in formDrafts { drafts.save(form, fields) }
                if typedChanged { drafts.save(.typed, model.typedDraft) }
                await stop()
                return .quit
            case .saveDraft(let form, let fields): formDrafts[form] = fields
            case .saveTypedDraft: typedChanged = true
            default: start(command)
            }
        }
        for (form, fields) in formDrafts { drafts.save(form, fields) }
        if typedChanged { drafts.save(.typed, model.typedDraft) }
        return .goOn
    }

    /// Ends what runs, and waits for every draft to be written.
    func stop() async {
        decision?.cancel()
        for task in polling { task.cancel() }
        await drafts.finish()
    }

    private func start(_ command: Command) {
        let engine = self.engine
        let store = self.store
        let client = self.client
        let inbox = self.inbox
        let id = onboardingId
        switch command {
        case .send(let event):
            decision = Task { await WizardWork.decide(event, engine: engine, inbox: inbox) }
        case .reconcile:
            decision = Task {
                let refusal: String?
                do {
                    let settled = try await engine.reconcile()
                    refusal = settled ? nil : "Telnyx could not be asked yet; it is asked again in \(Int(WizardUpdate.reconcileEvery)) s."
                } catch {
                    refusal = "Telnyx could not be asked yet (\(error)); it is asked again in \(Int(WizardUpdate.reconcileEvery)) s."
                }
                inbox.post(.decided(refusal: refusal, state: await engine.state))
            }
        case .startReviewPolling:
            startPolling()
        case .stopReviewPolling:
            for task in polling { task.cancel() }
            polling = []
            poller = nil
        case .checkReviewNow:
            if let poller { Task { await poller.checkNow() } }
        case .advanceSandboxClock:
            sandbox?.advance(3600)
        case .loadInventory:
            Task {
                do {
                    let inventory = try await client.allInventory()
                    inbox.post(.inventory(.success(Set(inventory.filter { $0.status.is(.active) }.map(\.phoneNumber)))))
                } catch {
                    inbox.post(.inventory(.failure(CommandFailure((error as? TelnyxError)?.message ?? "\(error)"))))
                }
            }
        case .loadReadings:
            Task { inbox.post(.readings(WizardWork.readings(store: store, onboardingId: id))) }
            if !lookedForChanges {
                // Once a session: Telnyx's list (free) brings the readings its scheduled checks made
                // since, then what changed since the table was last shown is marked.
                lookedForChanges = true
                Task { [store, client, engine] in
                    if let enterpriseId = await engine.state.enterprise?.id,
                        let listed = try? await client.allNumbers(enterpriseId: enterpriseId)
                    {
                        _ = try? store.recordNewReadings(id, ReadingDecoding.snapshots(listed, at: Date()))
                        inbox.post(.readings(WizardWork.readings(store: store, onboardingId: id)))
                        // Numbers Telnyx's scheduled check read are no longer billed first reads.
                        try? await engine.noteScheduledReadings(listed)
                        inbox.post(.engine(await engine.state, engine.batchProgress))
                    }
                    if let (changed, since) = try? WizardWork.changedSinceLastLook(store: store, onboardingId: id, now: Date()) {
                        inbox.post(.changedSinceLook(changed, since: since))
                    }
                }
            } else {
                // What the table shows now has been seen: the next session compares with it.
                Task { [store] in try? store.recordWatch(id, at: Date(), ownership: [:], by: .table) }
            }
        case .loadOwnershipHistory(let number):
            Self.readForBox(engine: engine, inbox: inbox, answer: { .ownershipHistory(number: number, $0) }) { enterpriseId in
                // The readings kept here come first; they show even when Telnyx cannot be read.
                let readings =
                    (try? NumberHistory.kept(store: store, onboardingId: id, phoneNumber: number)).map(ReadingHistoryText.lines) ?? []
                let remediations = RemediationText.lines(for: number, in: await engine.state.remediations ?? [])
                do {
                    let detail = try await client.ownership(enterpriseId: enterpriseId, phoneNumber: number)
                    return readings + [""] + OwnershipHistoryText.lines(detail) + remediations
                } catch {
                    let said = (error as? TelnyxError)?.message ?? "\(error)"
                    return readings + ["", "Ownership: not read (\(said)); H again tries again."] + remediations
                }
            }
        case .exportNumbers:
            Task { [engine, client, inbox] in
                let state = await engine.state
                guard let enterpriseId = state.enterprise?.id else { return }
                let folder = FileManager.default.currentDirectoryPath
                let name = LOAFileName.name(
                    legalName: state.enterprise?.legalName ?? "Enterprise", kind: "numbers", fileExtension: "csv", day: Date(),
                    taken: { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) })
                let path = (folder as NSString).appendingPathComponent(name)
                do {
                    let rows = NumberSheet.rows(try await client.allNumbers(enterpriseId: enterpriseId))
                    try SpreadsheetCSV.write(try NumberSheet.csv(rows), to: path)
                    // Short enough for one line of 80 columns: the file is in the current folder.
                    inbox.post(.notice("\(rows.count.grouped) numbers written to ./\(name) (opens in a spreadsheet)."))
                } catch {
                    let said = (error as? TelnyxError)?.message ?? "\(error)"
                    inbox.post(.notice("The numbers were not written: \(said); E tries again."))
                }
            }
        case .loadRemovedNumbers:
            Self.readForBox(engine: engine, inbox: inbox, answer: { .removedNumbers($0) }) { enterpriseId in
                RemovedNumbersText.lines(try await client.allNumbers(enterpriseId: enterpriseId, ownershipStatus: .removed))
            }
        case .loadAwaitingProof:
            Task {
                do {
                    inbox.post(.awaitingProof(.success(try await engine.numbersAwaitingOwnershipProof())))
                } catch {
                    inbox.post(.awaitingProof(.failure(CommandFailure("\(error)"))))
                }
            }
        case .loadEnterprises:
            Task {
                do {
                    inbox.post(.enterprises(.success(try await WizardWork.enterpriseChoices(client: client, store: store))))
                } catch {
                    inbox.post(.enterprises(.failure(CommandFailure((error as? TelnyxError)?.message ?? "\(error)"))))
                }
            }
        case .loadAuditLog:
            Task {
                do {
                    let formatter = ISO8601DateFormatter()
                    let lines = try store.auditLog(id).map { entry in
                        let cost = entry.cost.map { " · \($0)" } ?? ""
                        return RemoteText.sanitized(
                            "\(formatter.string(from: entry.at)) \(entry.osUser): \(entry.action)\(cost) → \(entry.result)")
                    }
                    inbox.post(.auditLog(.success(lines)))
                } catch {
                    inbox.post(.auditLog(.failure(CommandFailure("\(error)"))))
                }
            }
        case .loadDisabling:
            Task {
                do {
                    let disabled = try store.report(id).reputationDisabled
                    if let at = disabled?.at, let user = disabled?.by {
                        inbox.post(.disabling(.success(WizardModel.Disabling(at: at, user: user))))
                    } else {
                        inbox.post(.disabling(.success(nil)))
                    }
                } catch {
                    inbox.post(.disabling(.failure(CommandFailure("\(error)"))))
                }
            }
        case .openFile(let path):
            Task { inbox.post(.notice(FileOpener.open(path))) }
        case .loadEnterpriseRecord:
            Task {
                // A correction typed before (sent and failed, or left) comes back over Telnyx's record.
                let kept = (try? store.draft(id, form: DraftForm.enterpriseCorrection.rawValue)) ?? nil
                do {
                    inbox.post(.enterpriseRecord(.success(try await engine.enterpriseRecord()), draft: kept?.isEmpty == false ? kept : nil))
                } catch {
                    inbox.post(.enterpriseRecord(.failure(CommandFailure((error as? TelnyxError)?.message ?? "\(error)")), draft: nil))
                }
            }
        case .readNumbersFile(let typed):
            Task.detached { inbox.post(LocalFileWork.numbersFile(typed)) }
        case .checkFile(let check):
            Task.detached { inbox.post(LocalFileWork.check(check)) }
        case .completePath(let field, let typed):
            Task.detached { inbox.post(LocalFileWork.complete(field, typed: typed)) }
        case .reloadNumbers, .saveDraft, .saveTypedDraft, .quit:
            // Routed or collected before: `WizardUpdate.route` names what to reload; drafts and
            // quitting are the frame's.
            break
        }
    }

    /// Sends a decision to the engine, with the onboarding's state posted every 100 ms while it
    /// runs (a batch's progress, the spinner), and the outcome once it ends.
    static func decide(_ event: Event, engine: OnboardingEngine, inbox: Inbox) async {
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(WizardUpdate.spinnerMilliseconds))
                if Task.isCancelled { return }
                inbox.post(.engine(await engine.state, engine.batchProgress))
            }
        }
        let refusal: String?
        do {
            if case .addNumbers(let numbers, let refused) = event {
                // Numbers outside the inventory are set aside before the estimate; the lines
                // the wizard refused are named beside them.
                refusal = try await engine.addNumbers(numbers, refused: refused)
            } else if case .remediate(let numbers, let callPurpose, let contactEmail, _) = event {
                // Numbers under way or in cooldown are set aside by the engine, which knows the time.
                refusal = try await engine.remediate(numbers, callPurpose: callPurpose, contactEmail: contactEmail)
            } else {
                refusal = try await engine.send(event)
            }
        } catch {
            refusal = "\(error)"
        }
        ticker.cancel()
        // No tick may land after the outcome with an older state.
        await ticker.value
        inbox.post(.decided(refusal: refusal, state: await engine.state))
    }

    /// The review poller (step 6's reviews, the ownership proof's, remediation requests, and
    /// the ownership questions at steps 8-9): each change of its activity is posted, with the
    /// onboarding after each check; a poller that stops on a store failure says so.
    private func startPolling() {
        let poller = GatePoller(engine: engine, watchingOwnership: true)
        self.poller = poller
        let engine = self.engine
        let inbox = self.inbox
        polling = [
            Task {
                do { try await poller.run() } catch { inbox.post(.notice("Review checks stopped: \(error)")) }
            },
            Task {
                for await activity in poller.activities {
                    switch activity {
                    case .waiting(let at):
                        inbox.post(.engine(await engine.state, nil))
                        inbox.post(.review(.waiting(nextCheckAt: at)))
                    case .checking: inbox.post(.review(.checking))
                    case .stopped:
                        inbox.post(.engine(await engine.state, nil))
                        inbox.post(.review(.stopped))
                    }
                }
            },
        ]
    }

    /// A read from Telnyx for a box (a number's ownership history, the removed numbers): its
    /// lines, or what went wrong, posted as `answer` makes them. Needs the enterprise.
    static func readForBox(
        engine: OnboardingEngine, inbox: Inbox, answer: @escaping @Sendable (Result<[String], CommandFailure>) -> WizardMessage,
        read: @escaping @Sendable (String) async throws -> [String]
    ) {
        Task {
            do {
                guard let enterpriseId = await engine.state.enterprise?.id else { throw CommandFailure("there is no enterprise yet") }
                inbox.post(answer(.success(try await read(enterpriseId))))
            } catch {
                let said = (error as? TelnyxError)?.message ?? (error as? CommandFailure)?.description ?? "\(error)"
                inbox.post(answer(.failure(CommandFailure(said))))
            }
        }
    }

    /// The numbers whose reading changed (risk, category, a score's fall, first data) between
    /// the readings kept when the table was last shown and the latest, and when that was; then
    /// marks this look. Nothing is marked the first time (no earlier look to compare with).
    static func changedSinceLastLook(
        store: OnboardingStore, onboardingId: String, now: Date
    ) throws(StoreError) -> (Set<String>, Date?) {
        let mark = try store.lastWatch(onboardingId, by: .table)
        var changed: Set<String> = []
        if let mark {
            let before = try store.readings(onboardingId, throughSnapshotId: mark.throughSnapshotId).compactMapValues(
                ReadingDecoding.reading)
            let latest = try store.latestReadings(onboardingId).values.compactMap(ReadingDecoding.reading)
            let present = Set(latest.map(\.phoneNumber))
            let changes = WatchComparison.changes(
                previous: before.filter { present.contains($0.key) }, current: latest.map { WatchedNumber(reading: $0) },
                dateText: ReportTime.stamp)
            changed = Set(changes.filter { $0.severity >= .change && $0.kind != .removed }.map(\.phoneNumber))
        }
        try store.recordWatch(onboardingId, at: now, ownership: [:], by: .table)
        return (changed, mark?.at)
    }

    /// The latest reading of each monitored number, as kept in the store.
    static func readings(store: OnboardingStore, onboardingId: String) -> Result<[String: NumberReading], CommandFailure> {
        let latest: [String: ReputationSnapshot]
        do { latest = try store.latestReadings(onboardingId) } catch { return .failure(CommandFailure("\(error)")) }
        var readings: [String: NumberReading] = [:]
        for (number, last) in latest {
            guard let reading = ReadingDecoding.reading(last), reading.hasData else { continue }
            readings[number] = reading
        }
        return .success(readings)
    }

    /// The account's enterprises for F3, each with its state at Telnyx (reputation on or off,
    /// both reviews) and the local onboarding that tracks it, if any.
    static func enterpriseChoices(client: TelnyxClient, store: OnboardingStore) async throws -> EnterpriseChoices {
        let enterprises = try await client.allEnterprises()
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
        return EnterpriseChoices(items: items, tracked: tracked)
    }
}
