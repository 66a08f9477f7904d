import Foundation
import NumberFiles
import Onboarding

/// Turns keys into changes of what is typed on screen and into commands for the program
/// (decisions for the state machine, a check now, a draft to keep, a file to read). Never calls
/// anything: no network, database or file system (`WizardRuntime` runs the commands).
public enum WizardController {
    public static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let typedBefore = model.typedFingerprint
        var commands: [Command]
        if case .paste(let text) = key {
            // Typed into the field being typed in, never read as commands (`PastedText`).
            guard let keys = PastedText.keys(text, model) else {
                model.notice = "A paste goes into a text field; nothing was done with it here."
                return []
            }
            commands = keys.flatMap { dispatch($0, &model) }
        } else {
            commands = dispatch(key, &model)
        }
        // Whatever else is typed (signer, signed PDF path, numbers) is kept like the form.
        if model.typedFingerprint != typedBefore { commands.append(.saveTypedDraft) }
        return commands
    }

    /// The keys that still work once the store is lost: quitting, help, closing what is open.
    public static func isQuitOrHelp(_ key: Key) -> Bool {
        [.control("c"), .control("q"), .function(10), .function(1), .character("q"), .character("?"), .escape, .resize].contains(key)
    }

    static func dispatch(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let notice = model.notice
        model.notice = nil
        if key == .control("c") || key == .control("q") || key == .function(10) { return [.quit] }
        if key == .resize { return [] }
        if let overlay = model.overlay { return handleOverlay(key, overlay, &model) }
        if let pending = model.state.confirmation { return confirmation(key, pending.action, &model) }
        if key == .function(1) || (key == .character("?") && !isTyping(model)) {
            model.overlay = .help(top: 0)
            model.helpMessage = notice ?? model.state.lastError.map(\.message) ?? correctionReasons(model)
            return []
        }
        if key == .character("q") && !isTyping(model) { return [.quit] }
        if key == .escape && !escapeStaysOnScreen(model) { return [.send(.goBack)] }
        // While the engine works, typing goes on; a decision waits until it is done. The step's
        // screen answers through its declared keys (`KeyBinding`), else as typing.
        return StepScreens.screen(model).dispatch(key, &model)
    }

    /// Esc leaves what the screen is in the middle of (a correction, adding more numbers, a
    /// filter) before it asks to go back a step.
    static func escapeStaysOnScreen(_ model: WizardModel) -> Bool {
        switch model.screenStep {
        case .enterprise: model.enterpriseForm.correcting
        case .associate: model.addingMoreNumbers
        case .query, .manage: model.table.filtering
        default: false
        }
    }

    /// Whether keys go into a text field, so letters are text, not commands.
    static func isTyping(_ model: WizardModel) -> Bool {
        switch model.screenStep {
        case .enterprise: if case .field = model.enterpriseForm.focusedRow { return true } else { return false }
        case .loaRender: return model.state.disabledReputation == nil && model.loaForm[model.loaForm.focusedRow] != nil
        case .signAndUpload, .associate: return true
        case .query, .manage: return model.table.filtering
        default: return false
        }
    }

    static func handleOverlay(_ key: Key, _ overlay: WizardModel.Overlay, _ model: inout WizardModel) -> [Command] {
        switch overlay {
        case .help(let top):
            if key == .character("?") || key == .function(1) {
                model.overlay = nil
            } else if let top = scroll(top, key, lines: Overlays.helpLines(model).count) {
                model.overlay = top < 0 ? nil : .help(top: top)
            }
            return []
        case .review(let top):
            if key == .enter {
                model.overlay = nil
                let form = model.enterpriseForm
                guard form.correcting else { return [.send(.submitEnterprise(fields: form.fields))] }
                model.enterpriseForm.correcting = false
                model.signedLOAPath = TextField()  // the corrected enterprise needs a newly signed LOA
                // The draft stays until the correction has reached Telnyx: a failure loses nothing.
                return [.send(.correctEnterprise(fields: form.changedFields))]
            }
            let lines = ReviewLines.lines(model).count
            if let top = scroll(top, key, lines: lines) { model.overlay = top < 0 ? nil : .review(top: top) }
            return []
        case .confirmLOAReplacement:
            switch key {
            case .character("y"), .character("Y"), .enter:
                model.overlay = nil
                return [.send(.startLOAReplacement)]
            case .character("n"), .character("N"), .escape:
                model.overlay = nil
                model.notice = "The LOA under review stays as it is."
            default: break
            }
            return []
        case .pickEnterprise(var picker):
            switch picker.handle(key) {
            case .stay: model.overlay = .pickEnterprise(picker)
            case .cancel: model.overlay = nil
            case .take(let ids):
                model.overlay = nil
                guard let id = ids.first, let item = picker.items.first(where: { $0.id == id }) else { return [] }
                if let other = model.trackedEnterprises[id], other != model.state.id {
                    // One onboarding per enterprise: the other one is continued, not duplicated.
                    model.notice =
                        "That enterprise is tracked by onboarding \(other): continue it with `reputation-wizard run --id \(other)`."
                    return []
                }
                return [.send(.useExistingEnterprise(id: id, legalName: item.label))]
            }
            return []
        case .pickNumbers(var picker):
            switch picker.handle(key) {
            case .stay: model.overlay = .pickNumbers(picker)
            case .cancel: model.overlay = nil
            case .take(let numbers):
                model.overlay = nil
                // Picked numbers join the typed ones, checked the same way.
                if !model.numbersText.text.isEmpty { model.numberLines.append(model.numbersText.text) }
                model.numberLines += numbers
                model.numbersText = TextField()
            }
            return []
        case .webhook(var field):
            switch key {
            case .escape: model.overlay = nil
            case .enter:
                model.overlay = nil
                let url = field.text.trimmingCharacters(in: .whitespaces)
                return [.send(.setWebhook(url: url.isEmpty ? nil : url))]
            default:
                field.edit(key)
                model.overlay = .webhook(field)
            }
            return []
        case .ownershipProof(var field):
            switch key {
            case .escape: model.overlay = nil
            case .enter:
                let paths = OwnershipProofScreen.paths(field.text)
                guard !paths.isEmpty else {
                    model.notice = "Type the path of a carrier invoice or statement (PDF, PNG or JPEG), or Esc."
                    return []
                }
                model.overlay = nil
                // Kept until Telnyx takes the proof: a refused file is corrected, not typed again.
                model.lastProofPaths = field.text
                return [.send(.submitOwnershipProof(documents: paths, numbers: OwnershipProofScreen.numbersForReviewer(model)))]
            default:
                field.edit(key)
                model.overlay = .ownershipProof(field)
            }
            return []
        case .remediation(var form):
            let (done, decision) = form.handle(key)
            model.overlay = done ? nil : .remediation(form)
            if decision != nil { (model.lastCallPurpose, model.lastContactEmail) = (form.callPurpose.text, form.contactEmail.text) }
            return decision.map { [.send($0)] } ?? []
        case .removedNumbers(let lines, let top):
            if key == .character("T") { model.overlay = nil }
            if let top = scroll(top, key, lines: lines?.count ?? 0) {
                model.overlay = top < 0 ? nil : .removedNumbers(lines: lines, top: top)
            }
            return []
        case .ownershipHistory(let number, let lines, let top):
            if key == .character("H") { model.overlay = nil }
            if let top = scroll(top, key, lines: lines?.count ?? 0) {
                model.overlay = top < 0 ? nil : .ownershipHistory(number: number, lines: lines, top: top)
            }
            return []
        case .auditLog(let top):
            if key == .character("L") { model.overlay = nil }
            if let top = scroll(top, key, lines: model.auditLines.count) { model.overlay = top < 0 ? nil : .auditLog(top: top) }
            return []
        case .associationResults(let numbers, let setAside, let top):
            let lines = AssociationResults.lines(numbers, state: model.state, setAsideBefore: setAside).lines.count
            if let top = scroll(top, key, lines: lines) {
                model.overlay = top < 0 ? nil : .associationResults(numbers: numbers, setAside: setAside, top: top)
            }
            return []
        case .chooseFrequency(let chosen):
            let all = CheckFrequency.allCases
            let index = all.firstIndex(of: chosen) ?? 0
            switch key {
            case .up: model.overlay = .chooseFrequency(all[max(0, index - 1)])
            case .down: model.overlay = .chooseFrequency(all[min(all.count - 1, index + 1)])
            case .escape, .character("q"): model.overlay = nil
            case .enter:
                model.overlay = nil
                // One request for the one frequency chosen; the state machine asks before it.
                return [.send(.changeFrequency(chosen))]
            default: break
            }
            return []
        }
    }

    /// Telnyx's reasons in one line while correcting, for help to show in full.
    static func correctionReasons(_ model: WizardModel) -> String? {
        guard model.enterpriseForm.correcting, !model.rejectionReasons.isEmpty else { return nil }
        return "Telnyx's reasons: " + model.rejectionReasons.joined(separator: " · ")
    }

    /// A pending confirmation: y or n; disabling needs its word typed, as it drops every number.
    static func confirmation(_ key: Key, _ action: BillableAction, _ model: inout WizardModel) -> [Command] {
        if case .disable = action {
            switch key {
            case .escape:
                model.confirmationWord = TextField()
                return [.send(.cancel)]
            case .enter:
                guard model.confirmationWord.text == WizardModel.disableWord else {
                    model.notice = "Type \(WizardModel.disableWord) exactly to go ahead, or Esc to cancel."
                    return []
                }
                model.confirmationWord = TextField()
                return [.send(.confirm)]
            default:
                model.confirmationWord.edit(key)
                return []
            }
        }
        let passes = model.state.confirmation?.budget?.passes == true
        switch key {
        case .character("y") where passes, .character("Y") where passes:
            model.notice = "This passes the monthly budget: O goes over it, n cancels."
            return []
        case .character("y"), .character("Y"): return [.send(.confirm)]
        case .character("O") where passes: return [.send(.confirmOverBudget)]
        case .character("o") where passes:
            // Going over a budget takes the capital letter, as a deliberate key.
            model.notice = "Going over the monthly budget takes a capital O (Shift+o); n cancels."
            return []
        case .character("n"), .character("N"), .escape: return [.send(.cancel)]
        case .character("q"): return [.quit]
        default: return []
        }
    }

    /// A scrolling list's first line after a key: nil for a key it ignores, -1 to close it.
    static func scroll(_ top: Int, _ key: Key, lines: Int) -> Int? {
        let last = max(0, lines - 1)
        switch key {
        case .up: return max(0, top - 1)
        case .down: return min(last, top + 1)
        case .pageDown: return min(last, top + 10)
        case .pageUp: return max(0, top - 10)
        case .home: return 0
        case .end: return last
        case .escape, .enter, .character("q"): return -1
        default: return nil
        }
    }

    /// After a decision's work ended: once numbers were added, what became of each is shown;
    /// a removal, a frequency change or a disable says what was done.
    public static func finished(_ event: Event, confirmationBefore: PendingConfirmation?, _ model: inout WizardModel) {
        // Free answers have no confirmation: each is said once Telnyx took it.
        if model.state.inFlight == nil, model.state.lastError == nil {
            switch event {
            case .confirmOwnership(let numbers, let evidence):
                model.notice =
                    "Told Telnyx \(numbers.count == 1 ? numbers[0] : "\(numbers.count) numbers") \(numbers.count == 1 ? "is" : "are") still yours\(evidence == nil ? "" : ", with the evidence")."
                return
            case .setWebhook(let url?):
                model.notice = "Telnyx now calls \(RemoteText.sanitized(url)) for ownership events."
                return
            case .setWebhook(nil):
                model.notice = "The ownership webhook is cleared; the wizard keeps polling."
                return
            default: break
            }
        }
        // The ownership proof is free, so it has no confirmation: said once Telnyx took it.
        if case .submitOwnershipProof(let documents, _) = event, model.state.inFlight == nil, model.state.lastError == nil {
            model.lastProofPaths = ""
            model.notice =
                "Sent the ownership proof (\(documents.count) \(documents.count == 1 ? "document" : "documents")); Telnyx reviews it and the wizard checks on its own."
            return
        }
        guard event == .confirm, let action = confirmationBefore?.action, model.state.inFlight == nil else { return }
        let succeeded = model.state.lastError == nil
        switch action {
        case .remove(let numbers) where succeeded:
            let shown = numbers.prefix(3).joined(separator: ", ") + (numbers.count > 3 ? ", …" : "")
            model.notice =
                "Removed \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") from monitoring (\(shown)); the audit log (L) names each."
        case .changeFrequency(_, let to, _) where succeeded:
            model.notice = "Telnyx now checks the numbers \(to.label)."
        case .disable where succeeded:
            model.notice = "Reputation is disabled; no number is monitored. Enabling again needs a newly signed LOA."
        case .refresh(let numbers) where succeeded:
            model.notice = "Refreshed \(numbers.count) \(numbers.count == 1 ? "number" : "numbers"): the table shows the new readings."
        case .associate(let numbers):
            // A failure that names no number is the error line's to tell.
            if let error = model.state.lastError, error.fieldProblems.isEmpty { return }
            model.overlay = .associationResults(numbers: numbers, setAside: confirmationBefore?.setAside, top: 0)
        case .remediate(let numbers, _, _) where succeeded:
            (model.lastCallPurpose, model.lastContactEmail) = ("", "")
            model.notice =
                "Sent \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") to remediation; Telnyx works through it over about a day and the wizard checks on its own."
        case .enable, .query, .refresh, .remove, .changeFrequency, .disable, .remediate: return
        }
    }

    /// F4 at steps 3 to 5 of a resubmission: correct the enterprise again before its new LOA.
    static func correctAgain(_ key: Key, _ model: inout WizardModel) -> [Command]? {
        guard key == .function(4), model.canCorrect else { return nil }
        model.notice = "Reading the enterprise as Telnyx holds it…"
        return [.loadEnterpriseRecord]
    }

    /// Renders the LOA from the form, once every row (the signature image included) is checked.
    static func render(_ model: inout WizardModel) -> [Command] {
        var form = model.loaForm
        guard let event = form.renderEvent() else {
            model.notice = "\(form.problems.count) field\(form.problems.count == 1 ? " needs" : "s need") attention (marked !)."
            form.focus = form.rows.firstIndex { form.problems[$0] != nil } ?? form.focus
            model.loaForm = form
            return []
        }
        model.loaForm = form
        return [.send(event)]
    }

    /// A file named on screen was checked off the key loop: its problem is shown where it was
    /// typed, or what waited for it (rendering, the upload) goes ahead.
    static func checked(_ check: FileCheck, problem: String?, _ model: inout WizardModel) -> [Command] {
        switch check {
        case .signatureImage(let path, let thenRender):
            // Checked for what is typed now only: an older answer for another path is dropped.
            guard model.loaForm.signaturePath == path else { return [] }
            model.loaForm.problems[.signatureImage] = problem
            guard thenRender, model.screenStep == .loaRender else { return [] }
            return render(&model)
        case .signedLOA(let path):
            if let problem {
                model.notice = "Signed LOA: \(problem)"
                return []
            }
            guard model.screenStep == .signAndUpload else { return [] }
            return [.send(.useSignedLOA(path: path))]
        }
    }

    /// A path completed off the key loop replaces what was typed, unless the person typed on.
    static func completed(_ field: PathField, typed: String, completed: String, _ model: inout WizardModel) {
        switch field {
        case .signatureImage where model.loaForm.signatureImage.text == typed:
            model.loaForm.signatureImage = TextField(completed)
        case .signedLOA where model.signedLOAPath.text == typed:
            model.signedLOAPath = TextField(completed)
        case .signatureImage, .signedLOA: break
        }
    }

    /// ^O's file, read off the key loop as CSV (`NumberFile`): its numbers column's cells are
    /// added as lines, each remembering the file's line (and column) it came from; a file that
    /// cannot be loaded is said, and nothing is added.
    static func loaded(_ result: Result<NumberFile, CommandFailure>, typed: String, _ model: inout WizardModel) {
        model.notice = nil  // "Reading…" is over
        let file: NumberFile
        switch result {
        case .success(let read): file = read
        case .failure(let failure):
            model.loadProblem = "Load file: \(failure). Nothing was loaded."
            return
        }
        let name = RemoteText.sanitized((typed as NSString).lastPathComponent)
        // A quote never closed swallowed the rest of the file: fixed first, then loaded whole.
        if let unclosed = file.lines.first(where: { if case .invalid(.unclosedQuote) = $0.verdict { true } else { false } }),
            case .invalid(let problem) = unclosed.verdict
        {
            model.loadProblem = "Load file: \(name) \(unclosed.place) \(problem). Nothing was loaded."
            return
        }
        guard !file.lines.isEmpty else {
            model.loadProblem = "Load file: \(name) holds no numbers (it is empty, or only a heading). Nothing was loaded."
            return
        }
        // A row with no number where the numbers are is named here; it has no line to show.
        let blank = file.lines.filter { $0.verdict == .invalid(.empty) }
        for line in file.lines where line.verdict != .invalid(.empty) {
            model.numberLineOrigins[model.numberLines.count] = NumberLineOrigin(
                file: name, lineNumber: line.lineNumber, column: line.column)
            model.numberLines.append(line.text)
        }
        // The path's line gives way to the file's lines (unless the person typed on meanwhile).
        if model.numbersText.text.trimmingCharacters(in: .whitespaces) == typed { model.numbersText = TextField() }
        let from = file.column.map { " from \($0)" } ?? ""
        let unread =
            blank.isEmpty
            ? ""
            : "; nothing in that column on line\(blank.count == 1 ? "" : "s") "
                + NumberFile.lineList(blank)
        let others = file.otherColumnsNote.map { "; \($0)" } ?? ""
        model.notice =
            "Loaded \(file.lines.count - blank.count) line\(file.lines.count - blank.count == 1 ? "" : "s") of \(name)\(from)\(unread)\(others)."
    }

}
