import Foundation
import NumberFiles
import Onboarding

/// Turns keys into changes of what is typed on screen and into commands for the program
/// (decisions for the state machine, a check now, a draft to keep, a file to read). Never calls
/// anything: no network, database or file system (`WizardRuntime` runs the commands).
public enum WizardController {
    public static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let typedBefore = model.typedFingerprint
        var commands = dispatch(key, &model)
        // Whatever else is typed (signer, signed PDF path, numbers) is kept like the form.
        if model.typedFingerprint != typedBefore { commands.append(.saveTypedDraft) }
        return commands
    }

    static func dispatch(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let notice = model.notice
        model.notice = nil
        if key == .control("c") || key == .control("q") || key == .function(10) { return [.quit] }
        if key == .resize { return [] }
        if let overlay = model.overlay { return handleOverlay(key, overlay, &model) }
        if let pending = model.state.confirmation { return confirmation(key, pending.action, &model) }
        if key == .function(1) || (key == .character("?") && !isTyping(model)) {
            model.overlay = .help
            model.helpMessage = notice ?? model.state.lastError.map(\.message) ?? correctionReasons(model)
            return []
        }
        if key == .character("q") && !isTyping(model) { return [.quit] }
        if key == .escape && !escapeStaysOnScreen(model) { return [.send(.goBack)] }
        // While the engine works, typing goes on; a decision waits until it is done.
        switch model.screenStep {
        case .terms: return key == .enter ? [.send(.agreeToTerms)] : []
        case .enterprise: return enterpriseForm(key, &model)
        case .loaRender: return loaForm(key, &model)
        case .signAndUpload: return upload(key, &model)
        case .enable: return enable(key, &model)
        case .gates: return review(key, &model)
        case .associate: return addNumbers(key, &model)
        case .query, .manage: return table(key, &model)
        }
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
        case .help:
            if key == .escape || key == .enter || key == .character("?") || key == .function(1) || key == .character("q") {
                model.overlay = nil
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
        case .auditLog(let top):
            if key == .character("L") { model.overlay = nil }
            if let top = scroll(top, key, lines: model.auditLines.count) { model.overlay = top < 0 ? nil : .auditLog(top: top) }
            return []
        case .associationResults(let numbers, let top):
            if let top = scroll(top, key, lines: numbers.count) {
                model.overlay = top < 0 ? nil : .associationResults(numbers: numbers, top: top)
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
        switch key {
        case .character("y"), .character("Y"): return [.send(.confirm)]
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
        case .escape, .enter, .character("q"): return -1
        default: return nil
        }
    }

    /// After a decision's work ended: once numbers were added, what became of each is shown;
    /// a removal, a frequency change or a disable says what was done.
    public static func finished(_ event: Event, confirmationBefore: PendingConfirmation?, _ model: inout WizardModel) {
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
            model.overlay = .associationResults(numbers: numbers, top: 0)
        case .enable, .query, .refresh, .remove, .changeFrequency, .disable: return
        }
    }

    static func enterpriseForm(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if key == .function(3) && !model.enterpriseForm.correcting {
            model.overlay = .pickEnterprise(ListPicker(items: model.enterprises ?? [], multiple: false))
            return model.enterprises == nil ? [.loadEnterprises] : []
        }
        var form = model.enterpriseForm
        let rows = form.rows
        let row = form.focusedRow
        func move(_ delta: Int) {
            if case .field(let field) = row { form.check(field) }
            form.focus = (form.focus + delta + rows.count) % rows.count
        }
        var changed = false
        switch key {
        case .up, .backTab:
            move(-1)
            changed = true  // the focus is kept too
        case .down, .tab:
            move(1)
            changed = true
        case .enter:
            if row == .review {
                form.checkAll()
                if form.correcting && form.problems.isEmpty && form.correction.changes.isEmpty {
                    model.notice = "Nothing is changed yet: the form shows the enterprise as Telnyx holds it. Change what the reasons name."
                } else if form.problems.isEmpty {
                    model.overlay = .review(top: 0)
                } else {
                    model.notice = "\(form.problems.count) field\(form.problems.count == 1 ? " needs" : "s need") attention (marked !)."
                    if let first = form.rows.firstIndex(where: {
                        if case .field(let field) = $0 { form.problems[field] != nil } else { false }
                    }) {
                        form.focus = first
                    }
                }
            } else {
                move(1)
            }
        case .character(" ") where row == .sameAsPhysical:
            form.billingSameAsPhysical.toggle()
            changed = true
        case .right:
            if case .field(let field) = row, var value = form.values[field], value.cursor == value.text.count,
                let first = form.suggestions(for: field).first, first != value.text
            {
                value = TextField(first)
                form.values[field] = value
                changed = true
            } else if case .field(let field) = row {
                form.values[field]?.edit(key)
            }
        case .escape:
            if form.correcting {
                form.correcting = false
                model.enterpriseForm = form
                model.notice = "Correction left; the enterprise is unchanged."
                return [.saveDraft(form: .enterpriseCorrection, fields: [:])]
            }
        default:
            if case .field(let field) = row, form.values[field]?.edit(key) == true {
                changed = key != .left && key != .home && key != .end
            }
        }
        model.enterpriseForm = form
        return changed ? [.saveDraft(form: form.correcting ? .enterpriseCorrection : .enterprise, fields: form.draft)] : []
    }

    /// F4 at steps 3 to 5 of a resubmission: correct the enterprise again before its new LOA.
    static func correctAgain(_ key: Key, _ model: inout WizardModel) -> [Command]? {
        guard key == .function(4), model.canCorrect else { return nil }
        model.notice = "Reading the enterprise as Telnyx holds it…"
        return [.loadEnterpriseRecord]
    }

    static func loaForm(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = correctAgain(key, &model) { return commands }
        if let disabled = model.state.disabledReputation {
            // Enabling again is a choice of its own; the form waits behind it.
            switch key {
            case .character("e"):
                // Step 5 and the numbers start from what is true now, not from before the disable.
                model.frequency = model.state.checkFrequency
                model.plannedNumbers = TextField(disabled.numbersDropped > 0 ? String(disabled.numbersDropped) : "")
                model.numberLines = []
                model.numberLineOrigins = [:]
                model.numbersText = TextField()
                model.signedLOAPath = TextField()  // a newly signed LOA is needed
                return [.send(.enableAgain)]
            case .character("L"):
                model.overlay = .auditLog(top: 0)
                return [.loadAuditLog]
            default: return []
            }
        }
        var form = model.loaForm
        let rows = form.rows
        let row = form.focusedRow
        var commands: [Command] = []
        func move(_ delta: Int) {
            form.check(row)
            // The image itself is read off the key loop; its problem comes back as a message.
            if row == .signatureImage, let path = form.signaturePath {
                commands.append(.checkFile(.signatureImage(path: path, thenRender: false)))
            }
            form.focus = (form.focus + delta + rows.count) % rows.count
        }
        switch key {
        case .up, .backTab: move(-1)
        case .down, .tab: move(1)
        case .enter where row == .render, .function(2):
            if let path = form.signaturePath {
                model.loaForm = form
                return [.checkFile(.signatureImage(path: path, thenRender: true))]
            }
            model.loaForm = form
            return render(&model)
        case .enter: move(1)
        case .character(" ") where row == .actingAsAgent:
            form.actingAsAgent.toggle()
            if !form.actingAsAgent { form.problems = form.problems.filter { if case .agent = $0.key { false } else { true } } }
        case .right where row == .signatureImage && form.signatureImage.cursor == form.signatureImage.text.count:
            commands.append(.completePath(.signatureImage, typed: form.signatureImage.text))
        default:
            form[row]?.edit(key)
        }
        model.loaForm = form
        return commands
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

    static func upload(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = correctAgain(key, &model) { return commands }
        switch key {
        case .control("o"):
            guard let rendered = model.state.renderedLOAPath else {
                model.notice = "No LOA is rendered yet: Esc goes back to step 3 to render it."
                return []
            }
            return [.openFile(rendered)]
        case .enter where model.signedLOAPath.text.trimmingCharacters(in: .whitespaces).isEmpty && model.state.renderedLOASigned == true:
            // The rendered LOA carries the signature image: it is the signed LOA.
            guard let rendered = model.state.renderedLOAPath else { return [] }
            return [.send(.useSignedLOA(path: rendered))]
        case .enter:
            // Checked (a PDF, within the size limit) off the key loop, then uploaded.
            return [.checkFile(.signedLOA(path: LocalFile.expanded(model.signedLOAPath.text.trimmingCharacters(in: .whitespaces))))]
        case .tab:
            return [.completePath(.signedLOA, typed: model.signedLOAPath.text)]
        default:
            model.signedLOAPath.edit(key)
        }
        return []
    }

    static func enable(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = correctAgain(key, &model) { return commands }
        let all = CheckFrequency.allCases
        let index = all.firstIndex(of: model.frequency) ?? 0
        switch key {
        case .up: model.frequency = all[max(0, index - 1)]
        case .down: model.frequency = all[min(all.count - 1, index + 1)]
        case .enter:
            let planned = model.plannedNumbers.text.isEmpty ? 0 : Int(model.plannedNumbers.text)
            guard let planned, planned >= 0 else {
                model.notice = "Numbers you mean to monitor: write a whole number such as 250."
                return []
            }
            return [.send(.chooseFrequency(model.frequency, plannedNumbers: planned))]
        case .character(let character) where !character.isNumber:
            return []
        default: model.plannedNumbers.edit(key)
        }
        return []
    }

    static func review(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let gates = model.state.gates
        switch key {
        case .character("r"): return [.checkReviewNow]
        case .character("t") where model.sandboxScenario != nil: return [.advanceSandboxClock, .checkReviewNow]
        case .character("l") where model.state.canReplaceLOA:
            model.signedLOAPath = TextField()
            model.overlay = .confirmLOAReplacement
            return []
        case .character("c") where gates?.vettingRejected == true:
            // The form starts from what Telnyx holds, read now.
            model.notice = "Reading the enterprise as Telnyx holds it…"
            return [.loadEnterpriseRecord]
        default: return []
        }
    }

    static func addNumbers(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if key != .control("o") { model.loadProblem = nil }
        switch key {
        case .function(3):
            guard let inventory = model.inventory else {
                model.notice = "The inventory is still being read; try again in a moment."
                return [.reloadNumbers]
            }
            let monitored = Set(model.state.monitoredNumbers)
            let items = inventory.subtracting(monitored).sorted().map { ListPicker.Item(id: $0, label: $0) }
            model.overlay = .pickNumbers(ListPicker(items: items, multiple: true))
        case .enter:
            model.numberLines.append(model.numbersText.text)
            model.numbersText = TextField()
        case .backspace where model.numbersText.text.isEmpty && !model.numberLines.isEmpty:
            model.numbersText = TextField(model.numberLines.removeLast())
            model.numberLineOrigins[model.numberLines.count] = nil
        case .function(2):
            // Numbers outside the inventory go too: the engine sets them aside before the
            // estimate, and the confirmation names them with why.
            if AddNumbersScreen.isPath(model.numbersText.text) {
                model.notice = "The current line is a file's path: ^O loads it, or ^U clears it, before F2."
                return []
            }
            let numbers = AddNumbersScreen.toSend(model)
            guard !numbers.isEmpty else {
                model.notice = "No number to add yet: every line is marked with what is wrong."
                return []
            }
            // What was typed stays (a cancelled confirmation loses nothing); added numbers
            // then read "already monitored". Lines marked ! go along to be named in the
            // confirmation as not added.
            model.addingMoreNumbers = false
            return [.send(.addNumbers(numbers, setAside: AddNumbersScreen.refused(model)))]
        case .escape where model.addingMoreNumbers:
            model.addingMoreNumbers = false
        case .control("o"):
            let typed = model.numbersText.text.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else {
                model.loadProblem = "Load file: write the file's path on the current line, then ^O."
                return []
            }
            model.loadProblem = nil
            model.notice = "Reading \(RemoteText.sanitized((typed as NSString).lastPathComponent))…"
            return [.readNumbersFile(typed)]
        default:
            model.numbersText.edit(key)
        }
        return []
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

    static func table(_ key: Key, _ model: inout WizardModel) -> [Command] {
        // Sorting thousands of rows is left to the keys that need the order, not the moving ones.
        let count = NumbersTable.matching(model).count
        var rows: [String] { NumbersTable.rows(model) }
        func chosen() -> [String] {
            let rows = rows
            if !model.table.selected.isEmpty { return rows.filter(model.table.selected.contains) }
            return rows.indices.contains(model.table.cursor) ? [rows[model.table.cursor]] : []
        }
        if model.table.filtering {
            if key == .enter || key == .escape {
                model.table.filtering = false
            } else {
                model.table.filter.edit(key)
                model.table.cursor = 0
            }
            return []
        }
        let state = model.state
        switch key {
        case .up: model.table.cursor = max(0, model.table.cursor - 1)
        case .down: model.table.cursor = min(max(0, count - 1), model.table.cursor + 1)
        case .pageUp: model.table.cursor = max(0, model.table.cursor - 15)
        case .pageDown: model.table.cursor = min(max(0, count - 1), model.table.cursor + 15)
        case .home: model.table.cursor = 0
        case .end: model.table.cursor = max(0, count - 1)
        case .character("/"): model.table.filtering = true
        case .character("s"):
            model.table.sort = model.table.sort.next()
            model.table.cursor = 0
        case .character("S"):
            model.table.sort.descending.toggle()
            model.table.cursor = 0
        case .character(" "):
            let rows = rows
            if rows.indices.contains(model.table.cursor) {
                let current = rows[model.table.cursor]
                if model.table.selected.contains(current) {
                    model.table.selected.remove(current)
                } else {
                    model.table.selected.insert(current)
                }
                model.table.cursor = min(max(0, rows.count - 1), model.table.cursor + 1)
            }
        case .enter, .character("f"):
            let fresh = key == .character("f")
            let numbers = state.monitoredNumbers
            return [.send(.query(numbers: numbers, fresh: fresh))]
        case .character("R"):
            let chosen = chosen()
            guard !chosen.isEmpty else { return [] }
            // The engine sends them 100 a request, Telnyx's most; the dialog says how many requests.
            return [.send(.refresh(chosen))]
        case .character("x"):
            let chosen = chosen()
            guard !chosen.isEmpty else { return [] }
            model.table.selected = []
            return [.send(.removeNumbers(chosen))]
        case .character("F"):
            model.overlay = .chooseFrequency(state.checkFrequency)
        case .character("D"):
            model.confirmationWord = TextField()
            return [.send(.disable)]
        case .character("L"):
            model.overlay = .auditLog(top: 0)
            return [.loadAuditLog]
        case .character("a"):
            model.addingMoreNumbers = true
            return [.reloadNumbers]
        default: break
        }
        return []
    }
}
