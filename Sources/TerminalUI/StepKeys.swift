import Foundation
import Onboarding

// Each step's keys, declared once (`KeyBinding`): the key line, help and dispatch read them.

extension TermsScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        [
            KeyBinding([.enter], "Enter agree", help: "Agreeing is per account and one-time. Enter agrees.") { _, _ in
                [.send(.agreeToTerms)]
            }
        ]
    }
}

extension EnterpriseScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        let form = model.enterpriseForm
        let onReview = form.focusedRow == .review
        // → completes a choice field while there is something to complete.
        let onChoice: Bool = if case .field(let field) = form.focusedRow { form.completion(for: field) != nil } else { false }
        var bindings = [
            KeyBinding(
                [.up, .down, .tab, .backTab], onReview ? "↑↓ move" : "↑↓/Tab move",
                help: "↑/↓ or Tab/Shift-Tab move between fields; each is checked as you leave it.", action: handle),
            KeyBinding(
                [.enter], onReview ? "Enter review" : nil,
                help: "Enter goes to the next field; on the last row it shows the enterprise before it is sent.", action: handle),
            KeyBinding(
                [.right], onChoice ? "→ complete" : nil, help: "Choice fields: type to filter, → takes the first match.", action: handle),
        ]
        if form.focusedRow == .sameAsPhysical {
            bindings.append(
                KeyBinding([.character(" ")], nil, help: "Space on the billing toggle copies the physical address.", action: handle))
        }
        if form.correcting {
            bindings.append(
                KeyBinding(
                    [.escape], onReview ? "Esc leave the correction" : "Esc leave",
                    help: "Esc leaves the correction; the enterprise stays as Telnyx holds it.", action: handle))
        } else {
            bindings.append(
                KeyBinding(
                    [.function(3)], "F3 use existing", help: "F3 uses an enterprise the account already has instead.", action: handle))
        }
        return bindings
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { handle(key, &model) }

    static func about(_ model: WizardModel) -> [String] { ["Everything typed is kept: quit and come back at any time."] }

    static func everyKey(_ model: WizardModel) -> [KeyBinding] {
        bindings(atEveryRowOf: model.enterpriseForm.rows.count, model) { $0.enterpriseForm.focus = $1 }
    }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
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
            if case .field(let field) = row, let completion = form.completion(for: field) {
                form.values[field] = TextField(completion)
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
}

extension LOAScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        if model.state.disabledReputation != nil {
            return [
                KeyBinding(
                    [.character("e")], "e enable again (new LOA, then billed)",
                    help: "e enables reputation again: a newly signed LOA, then the enable (billed).", action: handle),
                KeyBinding([.character("L")], "L log", help: "L shows the audit log: who disabled reputation, and when.", action: handle),
            ]
        }
        let row = model.loaForm.focusedRow
        // A corrected enterprise's LOA: the key line keeps room for F4.
        let correcting = model.canCorrect && model.state.loaRound == .resubmission
        var bindings = [
            KeyBinding(
                [.up, .down, .tab, .backTab], row == .render ? "↑↓ move" : "↑↓/Tab move",
                help: "↑/↓ or Tab/Shift-Tab move between the rows; everything here is optional.", action: handle),
            KeyBinding(
                [.enter],
                correcting
                    ? nil : row == .render ? "Enter render the LOA" : row == .actingAsAgent || row == .signatureImage ? nil : "Enter next",
                help: "Enter goes to the next row; on [ Render the LOA ] it renders the PDF into the onboarding's folder (yours only).",
                action: handle),
        ]
        if row == .actingAsAgent {
            bindings.append(
                KeyBinding(
                    [.character(" ")], correcting ? nil : "Space agent on/off",
                    help: "An agent is a reseller or BPO acting for the enterprise: Space turns it on.", action: handle))
        }
        if row == .signatureImage {
            bindings.append(
                KeyBinding(
                    [.right], correcting ? nil : "→ complete path",
                    help: "Signature: a PNG of it (→ completes the path); the signer's name is printed beside it.", action: handle))
        }
        bindings.append(
            KeyBinding(
                [.function(2)], row == .render ? nil : "F2 render",
                help: "F2 renders the LOA from any row. Rendering is free and repeatable.", action: handle))
        if correcting {
            bindings.append(
                KeyBinding(
                    [.function(4)], "F4 correct the enterprise again", help: "F4 corrects the enterprise again before its new LOA.",
                    action: handle))
        }
        return bindings
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] {
        model.state.disabledReputation == nil ? handle(key, &model) : []
    }

    static func everyKey(_ model: WizardModel) -> [KeyBinding] {
        bindings(atEveryRowOf: model.loaForm.rows.count, model) { $0.loaForm.focus = $1 }
    }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = WizardController.correctAgain(key, &model) { return commands }
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
            return WizardController.render(&model)
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
}

extension UploadScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        var bindings = [
            KeyBinding([.tab], "Tab complete", help: "Give the path of the signed PDF. Tab completes file names.", action: handle),
            KeyBinding(
                [.enter], "Enter upload",
                help: "Enter checks the PDF and uploads it (a LOA rendered with a signature image: Enter with no path).", action: handle),
            KeyBinding([.control("o")], "^O open the LOA", help: "^O opens the rendered LOA (xdg-open or open).", action: handle),
        ]
        if model.canCorrect && model.state.loaRound == .resubmission {
            bindings.append(
                KeyBinding([.function(4)], "F4 correct", help: "F4 corrects the enterprise again before its new LOA.", action: handle))
        } else {
            bindings.append(
                KeyBinding([.escape], "Esc step 3", help: "Esc goes back to step 3 to render the LOA again.") { _, _ in [.send(.goBack)] })
        }
        return bindings
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { handle(key, &model) }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = WizardController.correctAgain(key, &model) { return commands }
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
}

extension EnableScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        var bindings = [
            KeyBinding(
                [.up, .down], "↑↓ frequency", help: "↑/↓ choose how often numbers are checked; type how many you plan to add.",
                action: handle),
            KeyBinding([.enter], "Enter enable", help: "Enter asks for confirmation with the monthly cost.", action: handle),
            KeyBinding([.escape], "Esc back to step 4", help: "Esc goes back to step 4 (nothing at Telnyx is undone).") { _, _ in
                [.send(.goBack)]
            },
        ]
        if model.canCorrect && model.state.loaRound == .resubmission {
            bindings.append(KeyBinding([.function(4)], nil, help: "F4 corrects the enterprise again before its new LOA.", action: handle))
        }
        return bindings
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { handle(key, &model) }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let commands = WizardController.correctAgain(key, &model) { return commands }
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
}

extension ReviewScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        var bindings = [KeyBinding([.character("r")], "r check now", help: "r checks Telnyx's review now.", action: handle)]
        if model.state.gates?.vettingRejected == true {
            bindings.append(
                KeyBinding([.character("c")], "c correct enterprise", help: "After a rejection, c corrects the enterprise.", action: handle)
            )
        }
        if model.state.canReplaceLOA {
            bindings.append(
                KeyBinding(
                    [.character("l")], "l replace LOA", help: "l replaces the LOA (rejected, or pending for long); not billed.",
                    action: handle))
        }
        if model.state.canSendOwnershipProof {
            bindings.append(
                KeyBinding(
                    [.character("P")], model.state.gates?.externalVerificationStatus == .rejected ? "P proof" : nil,
                    help: "P sends the ownership proof for numbers hosted at other carriers (a carrier invoice or statement; free).",
                    action: handle))
        }
        if model.sandboxScenario != nil {
            bindings.append(
                KeyBinding(
                    [.character("t")], "t +1 h (sandbox)", help: "In the sandbox, t moves the simulated clock one hour.", action: handle))
        }
        return bindings
    }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        let gates = model.state.gates
        switch key {
        case .character("r"): return [.checkReviewNow]
        case .character("P") where model.state.canSendOwnershipProof:
            model.overlay = .ownershipProof(OwnershipProofScreen.opened(model))
            return []
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
}

extension AddNumbersScreen: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        var bindings = [
            KeyBinding([.enter], "Enter new line", help: "One number per line; Enter starts a new line.", action: handle),
            KeyBinding([.function(2)], "F2 add", help: "F2 adds the numbers (asks first, with the cost).", action: handle),
            KeyBinding([.function(3)], "F3 inventory", help: "F3 picks from your inventory (Space marks, type to filter).", action: handle),
            KeyBinding([.control("o")], "^O file", help: "^O loads a CSV or text file whose path is on the current line.", action: handle),
        ]
        if model.state.canSendOwnershipProof {
            bindings.append(
                KeyBinding(
                    [.control("p")], nil,
                    help:
                        "^P sends the ownership proof for the numbers marked \"at another carrier\" (a carrier invoice or statement; free).",
                    action: handle))
        }
        if model.addingMoreNumbers {
            bindings.append(KeyBinding([.escape], nil, help: "Esc goes back to the table.", action: handle))
        }
        return bindings
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { handle(key, &model) }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
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
        case .control("p") where model.state.canSendOwnershipProof:
            model.overlay = .ownershipProof(OwnershipProofScreen.opened(model))
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
}

extension NumbersTable: StepScreen {
    static func bindings(_ model: WizardModel) -> [KeyBinding] {
        if model.table.filtering {
            return [
                KeyBinding(
                    [.enter, .escape], "Enter/Esc end the filter", help: "Type digits to filter; Enter or Esc ends the filter.",
                    action: handle)
            ]
        }
        let manage = model.state.step == .manage
        // With a high-risk number in the table, remediation takes the key line's place of
        // disabling and the audit log (both stay bound, and in help).
        let remediable = manage && model.readings.values.contains { $0.spamRisk == "high" }
        return [
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], nil, help: "↑/↓, PgUp/PgDn, Home/End move.", action: handle),
            KeyBinding([.character(" ")], manage ? "Spc sel" : nil, help: "Space selects the current number, for R and x.", action: handle),
            KeyBinding(
                [.enter], manage ? nil : "Enter read", help: "Enter reads every number (first reads billed, asked first).", action: handle),
            KeyBinding(
                [.character("f")], manage ? nil : "f fresh read", help: "f asks for a fresh (billed) read of every number.", action: handle),
        ]
            + (manage || model.state.checkFrequency == .never
                ? []
                : [
                    KeyBinding(
                        [.character("w")], "w wait",
                        help: "w reads nothing now: Telnyx's first scheduled check reads the numbers (billed by Telnyx then).",
                        action: handle)
                ])
            + [
                KeyBinding(
                    [.character("R")], manage ? "R refresh" : nil, help: "R refreshes the selected (or current) numbers; cost shown first.",
                    action: handle),
                KeyBinding(
                    [.character("x")], manage ? "x del" : nil, help: "x stops monitoring the selected numbers (asks first).", action: handle
                ),
                KeyBinding(
                    [.character("F")], manage ? "F freq" : nil, help: "F chooses the check frequency, with each one's monthly cost.",
                    action: handle),
                KeyBinding(
                    [.character("s"), .character("S")], manage ? "s sort" : "s/S sort",
                    help: NumbersTable.sortAndFilterHelp, action: handle),
                KeyBinding([.character("/")], manage ? "/ find" : nil, help: NumbersTable.sortAndFilterHelp, action: handle),
                KeyBinding(
                    [.character("E")], nil, help: "E writes every number, with its reputation and ownership, to a CSV file here (free).",
                    action: handle),
                KeyBinding(
                    [.character("~")], nil, help: "~ shows only the numbers changed since you last looked (marked ~), or all again.",
                    action: handle),
                KeyBinding(
                    [.character("D")], manage && !remediable ? "D off" : nil, help: NumbersTable.disableAndLogHelp, action: handle),
                KeyBinding(
                    [.character("L")], manage && !remediable ? "L log" : nil, help: NumbersTable.disableAndLogHelp, action: handle),
                KeyBinding(
                    [.character("a")], manage ? "a add" : "a add numbers", help: "a adds more numbers (Esc comes back here).",
                    action: handle),
            ]
            + (manage
                ? [KeyBinding([.character("W")], nil, help: "W sets or clears the ownership webhook (free).", action: handle)] : [])
            + OwnershipProofScreen.bindings(model, action: handle)
            + (manage
                ? [
                    KeyBinding(
                        [.character("C")], nil, help: "C: numbers marked ! (Telnyx asks about ownership) are still yours.",
                        action: handle),
                    KeyBinding(
                        [.character("H")], nil,
                        help: "H shows the current number's history: scores over time, risk changes, costs, ownership.",
                        action: handle),
                    KeyBinding(
                        [.character("T")], nil, help: "T lists the numbers no longer monitored, with why and when.", action: handle),
                    KeyBinding(
                        [.character("M")], remediable ? "M remediate" : nil,
                        help: "M sends the selected numbers to remediation ($1.00 each, asked first).", action: handle),
                ] : [])
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { model.table.filtering ? handle(key, &model) : [] }

    static func handle(_ key: Key, _ model: inout WizardModel) -> [Command] {
        // Sorting thousands of rows is left to the keys that need the order, not the moving ones.
        let count = NumbersTable.matching(model).count
        var rows: [String] { NumbersTable.rows(model) }
        func chosen() -> [String] {
            // Every selected number, also one a filter hides now (the confirmation names them all).
            if !model.table.selected.isEmpty {
                return model.table.sort.apply(model.state.monitoredNumbers, readings: model.readings).filter(model.table.selected.contains)
            }
            let rows = rows
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
        case .character("E") where state.step == .manage:
            model.notice = "Writing every number to a CSV file in the current directory…"
            return [.exportNumbers]
        case .character("~"):
            model.table.onlyChanges.toggle()
            model.table.cursor = 0
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
        case .character("w") where state.step == .query:
            return [.send(.awaitScheduledCheck)]
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
        case .character("W"):
            model.overlay = .webhook(TextField(state.webhookURL ?? ""))
        case .character("r"):
            // Bound only while the ownership proof is reviewed (`OwnershipProofScreen.bindings`).
            return [.checkReviewNow]
        case .character("t"):
            // The sandbox's, bound likewise.
            return [.advanceSandboxClock, .checkReviewNow]
        case .character("P"):
            // Bound only while no proof is approved (`OwnershipProofScreen.bindings`).
            model.overlay = .ownershipProof(OwnershipProofScreen.opened(model))
        case .character("A"):
            // Bound only once the proof is approved.
            guard !model.awaitingProof.isEmpty else {
                model.notice = "No number waits on the ownership proof."
                return []
            }
            return [.send(.addNumbers(model.awaitingProof))]
        case .character("M"):
            let chosen = chosen()
            guard !chosen.isEmpty else { return [] }
            // Said before the call purpose is asked: nothing could be sent.
            guard !chosen.allSatisfy(state.numbersUnderRemediation.contains) else {
                model.notice =
                    "\(chosen.count == 1 ? "\(chosen[0]) is" : "These numbers are") in a remediation request still under way; its outcome shows here once Telnyx is done."
                return []
            }
            model.table.selected = []
            var form = RemediationForm(numbers: chosen)
            (form.callPurpose, form.contactEmail) = (TextField(model.lastCallPurpose), TextField(model.lastContactEmail))
            model.overlay = .remediation(form)
        case .character("T"):
            model.overlay = .removedNumbers(lines: nil, top: 0)
            return [.loadRemovedNumbers]
        case .character("H"):
            let rows = rows
            guard rows.indices.contains(model.table.cursor) else { return [] }
            let number = rows[model.table.cursor]
            model.overlay = .ownershipHistory(number: number, lines: nil, top: 0)
            return [.loadOwnershipHistory(number)]
        case .character("C"):
            // Only what Telnyx asks about can be answered; giving a number up is removing it (x).
            let asked = Set((state.ownershipNotices ?? []).map(\.phoneNumber))
            let answering = chosen().filter(asked.contains)
            guard !answering.isEmpty else {
                model.notice = "Telnyx asks nothing about these numbers' ownership: C answers for the numbers marked !."
                return []
            }
            model.table.selected = []
            return [.send(.confirmOwnership(answering))]
        default: break
        }
        return []
    }
}
