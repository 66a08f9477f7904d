import Foundation
import Onboarding
import TerminalUI

/// The question the plain renderer asks now, read from the model (so a resumed onboarding
/// asks where it stands), and how an answer becomes keys, decisions or typed values. Forms are
/// asked one field at a time, at the form's own focus, so the drafts are the full screen's.
enum PlainQuestion: Equatable {
    case confirm
    case typeDisableWord
    case sendEnterprise
    case chooseFrequency
    case pickEnterprise
    case replaceLOA
    case closeOverlay
    /// Step 9's remediation: what the calls are for, then the contact email.
    case remediation(field: Int)
    case terms
    case enterpriseRow(EnterpriseForm.Row)
    case disabled
    case loaRow(LOAForm.Row)
    case signedLOA
    case enable
    case review
    case numbers
    case table

    static func current(_ model: WizardModel) -> PlainQuestion {
        if let pending = model.state.confirmation {
            if case .disable = pending.action { return .typeDisableWord }
            return .confirm
        }
        switch model.overlay {
        case .review?: return .sendEnterprise
        case .chooseFrequency?: return .chooseFrequency
        case .pickEnterprise?: return .pickEnterprise
        case .confirmLOAReplacement?: return .replaceLOA
        case .help?, .pickNumbers?, .auditLog?, .associationResults?, .webhook?, .ownershipProof?, .ownershipHistory?,
            .removedNumbers?:
            return .closeOverlay
        case .remediation(let form)?: return .remediation(field: form.focus)
        case nil: break
        }
        switch model.screenStep {
        case .terms: return .terms
        case .enterprise: return .enterpriseRow(model.enterpriseForm.focusedRow)
        case .loaRender where model.state.disabledReputation != nil: return .disabled
        case .loaRender:
            // A row left with a problem (a signature image not found) is asked again first.
            let form = model.loaForm
            if let wrong = form.rows.first(where: { form.problems[$0] != nil }),
                let index = form.rows.firstIndex(of: wrong), index < form.focus
            {
                return .loaRow(wrong)
            }
            return .loaRow(form.focusedRow)
        case .signAndUpload: return .signedLOA
        case .enable: return .enable
        case .gates: return .review
        case .associate: return .numbers
        case .query, .manage: return .table
        }
    }

    func prompt(_ model: WizardModel) -> String {
        switch self {
        case .confirm where model.state.confirmation?.budget?.passes == true:
            return "Over the budget. Go ahead anyway? override (or O) = yes, n = no:"
        case .confirm: return "Go ahead? y = yes (as the cost says), n = no:"
        case .typeDisableWord: return "Type \(PlainText.disableWord) to disable, or n to keep it:"
        case .sendEnterprise: return "Send this to Telnyx? y = send, n = go through the fields again:"
        case .chooseFrequency: return "Number of the frequency (Enter keeps it):"
        case .pickEnterprise: return "Number of the enterprise to use (Enter goes back):"
        case .replaceLOA: return "y = replace it, n = keep it:"
        case .closeOverlay: return "Press Enter to go on:"
        case .remediation(let field):
            guard case .remediation(let form)? = model.overlay else { return "" }
            let problem = form.problem.map { "! \($0)\n" } ?? ""
            let numbers = form.numbers.count == 1 ? "this number" : "these \(form.numbers.count) numbers"
            return field == 0
                ? "\(problem)What are the calls from \(numbers) for? (the carriers' reviewers read it; the cost is asked next; q cancels):"
                : "\(problem)Contact email for the carriers (optional; Enter for none):"
        case .terms: return "Agree to these terms for the account? Enter or y agrees:"
        case .enterpriseRow(.field(let field)):
            let form = model.enterpriseForm
            let fields = form.rows.compactMap { if case .field(let field) = $0 { field } else { nil } }
            let index = fields.firstIndex(of: field).map { "\($0 + 1)/\(fields.count)" } ?? ""
            let current = form.values[field]?.text ?? ""
            var text = "\(index) \(field.fullLabel)\(field.isRequired ? "" : " (optional)")"
            if case .choice(let options) = field.kind { text += " — one of: \(options.joined(separator: ", "))" }
            if !current.isEmpty { text += " [\(RemoteText.sanitized(current)); Enter keeps it, - clears it]" }
            if form.focus == 0 && !form.correcting { text += " (or `existing` to use an enterprise the account has)" }
            return text + ":"
        case .enterpriseRow(.sameAsPhysical):
            return "Is the billing address the physical one? y/n [\(model.enterpriseForm.billingSameAsPhysical ? "y" : "n")]:"
        case .enterpriseRow(.review): return "Every field is asked. Review before sending? Enter or y reviews:"
        case .disabled: return "Reputation is disabled. e = enable again (a new LOA, then billed), L = audit log:"
        case .loaRow(let row):
            let form = model.loaForm
            switch row {
            case .signerName: return "Signer's name, printed beside the signature (optional)\(offered(form, row)):"
            case .signatureImage: return "Signature image, a PNG's path (optional; Enter for none)\(offered(form, row)):"
            case .actingAsAgent: return "Is a reseller or BPO signing as the enterprise's agent? y/n [\(form.actingAsAgent ? "y" : "n")]:"
            case .agent(let field):
                return "Agent: \(field.label)\(field.isRequired ? "" : " (optional)")\(offered(form, row)):"
            case .render: return "Render the LOA now (free)? y = render, n = go through the fields again:"
            }
        case .signedLOA:
            let rendered = model.state.renderedLOASigned == true ? "; Enter uploads the rendered LOA, which carries the signature" : ""
            return "Path of the signed LOA (PDF)\(rendered); o opens the rendered one; b goes back:"
        case .enable:
            let chosen = (CheckFrequency.allCases.firstIndex(of: model.frequency) ?? 0) + 1
            let planned = model.plannedNumbers.text.isEmpty ? "0" : model.plannedNumbers.text
            return
                "The frequency's number from the list, then how many numbers you plan, e.g. `2 250` [\(chosen) \(planned); Enter keeps them]:"
        case .review:
            var keys = ["r = check now", "Enter = wait for the next check"]
            if model.state.canReplaceLOA { keys.append("l = replace the LOA") }
            if model.state.gates?.vettingRejected == true { keys.append("c = correct the enterprise") }
            if model.sandboxScenario != nil { keys.append("t = sandbox clock +1 h") }
            return keys.joined(separator: ", ") + ":"
        case .numbers where !model.numberLines.isEmpty:
            return "Next (an empty line ends the list):"
        case .numbers:
            return "Numbers, one a line, or a file's path (an empty line ends the list; `clear` empties it):"
        case .table:
            let manage =
                model.state.step == .manage
                ? ", R NUMBER… = refresh (billed), x NUMBER… = remove, E = write them all to a CSV file, ~ = only those changed, C NUMBER… = confirm ownership, H NUMBER = its history, F = frequency, D = disable, L = audit log, webhook URL|clear"
                : ""
            let proof =
                model.state.gates?.externalVerificationStatus == .approved && !model.awaitingProof.isEmpty
                ? ", A = add the numbers the ownership proof covers"
                : model.state.gates?.ownershipProofPending == true
                    ? ", r = check the ownership proof's review, proof PATH = send another"
                    : model.state.canSendOwnershipProof ? ", proof PATH = send the ownership proof" : ""
            let wait =
                model.state.step == .query && model.state.checkFrequency != .never
                ? ", w = let Telnyx's first scheduled check read them (nothing billed now)" : ""
            return
                "Enter = read every number (asks first), f = fresh read\(wait)\(manage), a = add numbers\(proof), t = show the table again:"
        }
    }

    private func current(_ text: String) -> String { text.isEmpty ? "" : " [\(RemoteText.sanitized(text)); - clears it]" }

    /// A row's value offered in brackets to keep, unless it was refused: a refused value is
    /// not offered back (Enter then leaves the optional row empty).
    private func offered(_ form: LOAForm, _ row: LOAForm.Row) -> String {
        form.problems[row] == nil ? current(form[row]?.text ?? "") : ""
    }

    /// Answers a line: keys for the controller, decisions, or values typed into the model.
    func answer(_ line: String, _ model: inout WizardModel, printer: inout PlainPrinter, console: PlainConsole) -> [WizardMessage] {
        let text = line.trimmingCharacters(in: .whitespaces)
        let word = text.lowercased()
        // In the remediation questions q cancels them (nothing was asked of Telnyx yet).
        if case .remediation = self, word == "q" { return [.key(.escape)] }
        if word == "q" || word == "quit" { return [.key(.control("q"))] }
        if word == "?" || word == "help" {
            console.write(help(model).map { "  \($0)\n" }.joined())
            return []
        }
        // Steps 3 to 5 of a resubmission: the enterprise can be corrected again before its new
        // LOA (the full screen's F4).
        if word == "correct" && Self.correctsAgain(model) {
            switch self {
            case .loaRow, .signedLOA, .enable: return [.key(.function(4))]
            default: break
            }
        }
        // The ownership proof, at steps 6 to 9 (the full screen's P): its documents' paths.
        if word == "proof" || word.hasPrefix("proof ") {
            switch self {
            case .review, .numbers, .table:
                guard model.state.canSendOwnershipProof else {
                    console.write(
                        model.state.gates?.externalVerificationStatus == .approved
                            ? "! Telnyx approved the ownership proof; it cannot be replaced.\n"
                            : "! The ownership proof is sent once reputation is enabled (step 5).\n")
                    return []
                }
                let paths =
                    text.count > 5
                    ? text.dropFirst(6).split(separator: ";").map { LocalFile.dropped(String($0)) }.filter { !$0.isEmpty } : []
                guard !paths.isEmpty else {
                    console.write(
                        "! Give the path of a carrier invoice or statement after `proof` (PDF, PNG or JPEG); several paths are separated by ;.\n"
                    )
                    return []
                }
                return [.decide(.submitOwnershipProof(documents: paths, numbers: PlainText.numbersForReviewer(model)))]
            default: break
            }
        }
        func typed(_ value: String, into field: inout TextField) {
            if value == "-" { field = TextField() } else if !value.isEmpty { field = TextField(value) }
        }
        switch self {
        case .confirm where model.state.confirmation?.budget?.passes == true:
            if word == "override" || text == "O" { return [.key(.character("O"))] }
            if word == "n" || word == "no" { return [.key(.character("n"))] }
            console.write("! This passes the monthly budget: type override to go over it and pay, or n to cancel.\n")
            return []
        case .confirm:
            if word == "y" || word == "yes" { return [.key(.character("y"))] }
            if word == "n" || word == "no" { return [.key(.character("n"))] }
            console.write("! Answer y to go ahead (as the cost says) or n to cancel; nothing is done until then.\n")
            return []
        case .typeDisableWord:
            if text == PlainText.disableWord {
                model.confirmationWord = TextField(text)
                return [.key(.enter)]
            }
            return [.key(.escape)]
        case .sendEnterprise:
            if word == "y" || word == "yes" { return [.key(.enter)] }
            guard word == "n" || word == "no" else {
                console.write("! Answer y to send it to Telnyx, or n to go through the fields again; nothing is sent until then.\n")
                printer.answered()
                return []
            }
            model.overlay = nil
            model.enterpriseForm.focus = 0
            return []
        case .chooseFrequency:
            guard let index = Int(text), CheckFrequency.allCases.indices.contains(index - 1) else { return [.key(.escape)] }
            model.overlay = .chooseFrequency(CheckFrequency.allCases[index - 1])
            return [.key(.enter)]
        case .pickEnterprise:
            guard case .pickEnterprise(let picker)? = model.overlay, let index = Int(text), picker.items.indices.contains(index - 1) else {
                model.overlay = nil
                return []
            }
            model.overlay = nil
            let item = picker.items[index - 1]
            if let other = model.trackedEnterprises[item.id], other != model.state.id {
                model.notice = "That enterprise is tracked by onboarding \(other): continue it with `reputation-wizard run --id \(other)`."
                return []
            }
            return [.decide(.useExistingEnterprise(id: item.id, legalName: item.label))]
        case .replaceLOA:
            return [.key(word == "y" || word == "yes" ? .character("y") : .character("n"))]
        case .closeOverlay:
            model.overlay = nil
            // Something typed instead of Enter is the next question's answer, not lost.
            if !text.isEmpty { return Self.current(model).answer(line, &model, printer: &printer, console: console) }
            printer.reprint()
            return []
        case .remediation(let field):
            guard case .remediation(var form)? = model.overlay else { return [] }
            if field == 0 {
                form.callPurpose = TextField(text)
                // Checked at once, as the box does: asked again, not after the email.
                if let problem = CallPurpose.problem(text) {
                    form.problem = problem
                    model.overlay = .remediation(form)
                    return []
                }
                form.focus = 1
                form.problem = nil
                model.overlay = .remediation(form)
                return []
            }
            form.contactEmail = TextField(text)
            model.overlay = .remediation(form)
            return [.key(.enter)]
        case .terms:
            if word == "y" || word == "yes" || word.isEmpty { return [.key(.enter)] }
            console.write("! Nothing is agreed yet: Enter or y agrees, q quits.\n")
            return []
        case .enterpriseRow(.field(let field)):
            if word == "existing" && model.enterpriseForm.focus == 0 && !model.enterpriseForm.correcting { return [.key(.function(3))] }
            if word == "back" {
                model.enterpriseForm.focus = max(0, model.enterpriseForm.focus - 1)
                return []
            }
            var form = model.enterpriseForm
            var value = form.values[field] ?? TextField()
            // A choice is taken from its start (`comm` is commercial) when only one fits.
            if case .choice(let options) = field.kind, !options.contains(text), !text.isEmpty, text != "-" {
                let fitting = options.filter { $0.lowercased().hasPrefix(text.lowercased()) }
                if fitting.count > 1 {
                    console.write(
                        "! \(field.fullLabel): \(RemoteText.sanitized(text)) could be \(fitting.joined(separator: ", ")); type more of it.\n"
                    )
                    printer.answered()
                    return []
                }
                typed(fitting.count == 1 ? fitting[0] : text, into: &value)
            } else {
                typed(text, into: &value)
            }
            let before = form.values[field]
            form.values[field] = value
            form.check(field)
            if let problem = form.problems[field] {
                printer.said(problem, of: field.fullLabel, on: console)
                printer.answered()
                // Asked again with what it held before: a refused answer is not offered back.
                form.values[field] = before
            } else {
                form.focus = min(form.focus + 1, form.rows.count - 1)
            }
            model.enterpriseForm = form
            return []
        case .enterpriseRow(.sameAsPhysical):
            if word == "y" || word == "n" { model.enterpriseForm.billingSameAsPhysical = word == "y" }
            model.enterpriseForm.focus = min(model.enterpriseForm.focus + 1, model.enterpriseForm.rows.count - 1)
            return []
        case .enterpriseRow(.review):
            guard word == "y" || word == "yes" || word.isEmpty else { return [] }
            return [.key(.enter)]
        case .disabled:
            if text == "e" { return [.key(.character("e"))] }
            if text == "L" { return [.key(.character("L"))] }
            return []
        case .loaRow(let row):
            // Answered where it was asked (a row asked again is behind the focus).
            if let index = model.loaForm.rows.firstIndex(of: row) { model.loaForm.focus = index }
            if word == "back" {
                model.loaForm.focus = max(0, model.loaForm.focus - 1)
                return []
            }
            switch row {
            case .actingAsAgent:
                if (word == "y") != model.loaForm.actingAsAgent && (word == "y" || word == "n") {
                    return [.key(.character(" ")), .key(.down)]
                }
                return [.key(.down)]
            case .render:
                if word == "y" || word == "yes" || word.isEmpty { return [.key(.function(2))] }
                model.loaForm.focus = 0
                return []
            case .signerName, .signatureImage, .agent:
                if var field = model.loaForm[row] {
                    // A refused value is not kept by Enter: the optional row is left empty.
                    if text.isEmpty && model.loaForm.problems[row] != nil { field = TextField() }
                    typed(text, into: &field)
                    model.loaForm[row] = field
                }
                // Down leaves the row as the full screen does: it is checked, the image read.
                return [.key(.down)]
            }
        case .signedLOA:
            if word == "o" { return [.key(.control("o"))] }
            if word == "b" { return [.key(.escape)] }
            model.signedLOAPath = TextField(text)
            return [.key(.enter)]
        case .enable:
            let parts = text.split(separator: " ").map(String.init)
            let planned = parts.dropFirst().first.map { $0.filter { $0 != "," } }
            if let first = parts.first, let index = Int(first), CheckFrequency.allCases.indices.contains(index - 1),
                planned.map({ Int($0).map { $0 >= 0 } ?? false }) ?? true, parts.count <= 2
            {
                model.frequency = CheckFrequency.allCases[index - 1]
            } else if !parts.isEmpty {
                console.write(
                    "! Give the frequency's number (1 to \(CheckFrequency.allCases.count)), then how many numbers, e.g. `2 250`.\n")
                printer.answered()
                return []
            }
            if let planned { model.plannedNumbers = TextField(planned) }
            return [.key(.enter)]
        case .review:
            switch text {
            case "r", "l", "c", "t": return [.key(.character(Character(text)))]
            case "": return []
            default:
                console.write("! \(RemoteText.sanitized(text)) is not one of the answers; ? lists them.\n")
                return []
            }
        case .numbers:
            if text.isEmpty {
                console.write(PlainText.numbersSummary(model).map { "\($0)\n" }.joined())
                return [.key(.function(2))]
            }
            if word == "inventory" || word == "i" {
                guard let addable = PlainText.inventoryToAdd(model) else {
                    console.write("The inventory is still being read; ask again in a moment.\n")
                    return [.key(.function(3))]
                }
                console.write("\(addable.count) of this account's active numbers can be added:\n")
                console.write(addable.prefix(100).enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined())
                if addable.count > 100 { console.write("  … and \(addable.count - 100) more; a file of them is easier (a path).\n") }
                return []
            }
            if word.hasPrefix("take ") {
                guard let addable = PlainText.inventoryToAdd(model) else { return [] }
                var taken: [String] = []
                for part in word.dropFirst(5).split(whereSeparator: { $0 == " " || $0 == "," }) {
                    let bounds = part.split(separator: "-").compactMap { Int($0) }
                    guard let low = bounds.first, let high = bounds.last, low >= 1, high >= low, high <= addable.count, bounds.count <= 2
                    else {
                        console.write("! take: \(part) is not a number from the list (1 to \(addable.count)); `inventory` lists them.\n")
                        return []
                    }
                    taken += addable[(low - 1)...(high - 1)]
                }
                model.numberLines += taken
                console.write("Taken: \(taken.joined(separator: ", ")).\n")
                return []
            }
            if word == "clear" {
                model.numberLines = []
                model.numberLineOrigins = [:]
                model.numbersText = TextField()
                console.write("The list is empty.\n")
                return []
            }
            if PlainText.isPath(text) {
                model.numbersText = TextField(text)
                return [.key(.control("o"))]
            }
            model.numbersText = TextField(text)
            return [.key(.enter)]
        case .table:
            let parts = text.split(separator: " ").map(String.init)
            switch parts.first ?? "" {
            case "": return [.key(.enter)]
            case "t":
                printer.reprint()
                return []
            case "f", "a", "F", "D", "L", "s", "S", "A": return [.key(.character(Character(parts[0])))]
            case "T" where model.state.step == .manage: return [.key(.character("T"))]
            case "w" where model.state.step == .query: return [.key(.character("w"))]
            case "~" where model.state.step == .manage: return [.key(.character("~"))]
            case "E" where model.state.step == .manage: return [.key(.character("E"))]
            case "r" where model.state.gates?.ownershipProofPending == true: return [.key(.character("r"))]
            case "webhook" where model.state.step == .manage:
                // The ownership webhook, for a receiver of the customer's own (free).
                guard parts.count == 2 else {
                    console.write("! Give the webhook's URL after `webhook` (https://…), or `webhook clear` to clear it.\n")
                    return []
                }
                return [.decide(.setWebhook(url: parts[1].lowercased() == "clear" ? nil : parts[1]))]
            case "H" where model.state.step == .manage:
                // One number's ownership tracking and history (the full screen's H on its row).
                let rows = PlainText.tableRows(model)
                let named = parts.dropFirst().joined(separator: " ")
                guard
                    let number = Int(named).flatMap({ rows.indices.contains($0 - 1) ? rows[$0 - 1] : nil })
                        ?? (try? USPhoneNumber(named))?.e164,
                    let row = rows.firstIndex(of: number)
                else {
                    console.write("! Name one monitored number after H (as written, or its place in the list), e.g. `H +13125550134`.\n")
                    return []
                }
                model.table.cursor = row
                return [.key(.character("H"))]
            case "R", "x", "C", "M":
                // Numbers in any common writing, separated by commas (or spaces when each is whole).
                let rest = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
                let pieces =
                    rest.contains(",") || (try? USPhoneNumber(rest)) != nil
                    ? rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    : rest.split(separator: " ").map(String.init)
                guard !pieces.isEmpty else {
                    console.write("! Name the numbers after \(parts[0]), e.g. `\(parts[0]) +13125550134, (312) 555-0135`.\n")
                    return []
                }
                let monitored = Set(model.state.monitoredNumbers)
                let listed = PlainText.tableRows(model)
                var chosen: Set<String> = []
                for piece in pieces {
                    // A number from the table's list (`x 2`), as `take` reads step 7's.
                    if let index = Int(piece), listed.indices.contains(index - 1) {
                        chosen.insert(listed[index - 1])
                        continue
                    }
                    guard let number = try? USPhoneNumber(piece) else {
                        console.write("! \(RemoteText.sanitized(piece)) is not a US number; nothing was done.\n")
                        return []
                    }
                    guard monitored.contains(number.e164) else {
                        console.write("! \(number.e164) is not monitored by this onboarding; nothing was done.\n")
                        return []
                    }
                    chosen.insert(number.e164)
                }
                model.table.selected = chosen
                return [.key(.character(Character(parts[0])))]
            default:
                console.write("! \(RemoteText.sanitized(text)) is not one of the answers; ? lists them.\n")
                return []
            }
        }
    }

    /// Help for this question, in the plain mode's own words (no keys of the full screen).
    func help(_ model: WizardModel) -> [String] {
        let general = [
            "q quits at any question; nothing typed is lost, and the same command comes back here.",
            "Answers are whole lines: type, then Enter.",
        ]
        let specific: [String]
        switch self {
        case .confirm: specific = ["y goes ahead and is billed as the cost above says; n cancels and nothing is billed."]
        case .typeDisableWord:
            specific = ["Disabling stops monitoring every number. Type DISABLE exactly to go ahead; anything else keeps it."]
        case .sendEnterprise:
            specific = ["y sends the enterprise to Telnyx; n asks every field again, each with its value (Enter keeps it)."]
        case .chooseFrequency: specific = ["Give the number of a frequency from the list; anything else keeps the one there is."]
        case .pickEnterprise: specific = ["Give the number of an enterprise from the list; Enter goes back to the form."]
        case .replaceLOA: specific = ["y renders, signs and uploads a new LOA for review (not billed); n keeps the one under review."]
        case .closeOverlay: specific = ["Enter goes on."]
        case .remediation:
            specific = [
                "The numbers go to the carriers for review, $1.00 a number Telnyx takes; the cost is asked before anything is sent.",
                "Say what the calls are for (1 to 2,000 characters), then a contact email if you want one; q cancels.",
            ]
        case .terms: specific = ["Agreeing is per account and one-time. Enter or y agrees; nothing is billed."]
        case .enterpriseRow:
            specific = [
                "Each field is asked in turn and checked at once; a problem is said and the field asked again.",
                "Enter keeps the value shown in brackets; - clears it. A choice can be given by its start (comm for commercial).",
                "`existing` (at the first field) uses an enterprise the account already has; `back` goes to the field before.",
            ]
        case .disabled: specific = ["e enables again: a newly signed LOA, then the enable, billed. L shows the audit log."]
        case .loaRow:
            specific = [
                "Everything here is optional. A signature image (PNG) is printed on the LOA, with the signer's name beside it.",
                "An agent is a reseller or BPO signing for the enterprise. Rendering is free and can be done again. `back` goes to the question before.",
            ]
        case .signedLOA:
            specific = [
                "Give the path of the signed PDF (~ and relative paths work). o opens the rendered LOA in a viewer; b goes back to step 3."
            ]
        case .enable:
            specific = [
                "Give the frequency's number and how many numbers you plan to monitor, e.g. `2 250`; Enter keeps both.",
                "The monthly cost is shown and asked before anything is billed.",
            ]
        case .review:
            specific = [
                "Telnyx reviews the enterprise and the LOA. r checks now; Enter waits (checks run on a schedule).",
                "After a rejection: c corrects the enterprise, l replaces the LOA.",
                "`proof PATH` sends the ownership proof for numbers hosted at other carriers (a carrier invoice or statement; several paths separated by ;); it is reviewed beside the others.",
            ]
        case .numbers:
            specific = [
                "One number a line, in any common writing; or a CSV or text file's path, which is read at once.",
                "`inventory` lists this account's numbers that can be added; `take 1 3 5-9` adds some of them.",
                "An empty line ends the list: what can be added, and what cannot (with why), is said, then the cost is asked.",
                "Numbers hosted at other carriers wait on the ownership proof: `proof PATH` sends it (a carrier invoice or statement; free).",
            ]
        case .table:
            specific = [
                "Enter reads every number (first reads are billed, asked first); f asks for a fresh, billed read of every number.",
                "R, x and C take numbers after them (as written, or their place in the list), separated by commas: R refreshes them (billed), x stops monitoring them, C tells Telnyx those it asks about (`status`) are still yours.",
                "F chooses the check frequency, D disables reputation, L shows the audit log, a adds numbers, t shows the table again.",
                "`webhook https://…` sets the ownership webhook Telnyx calls for a receiver of your own (free); `webhook clear` stops it.",
                "H NUMBER shows a number's ownership as Telnyx tracks it: its carrier, the last check, what Telnyx asks, and the history.",
                "T lists the numbers no longer monitored (removed by you or by Telnyx), with why and when.",
                "M NUMBER… sends numbers to remediation: what their calls are for is asked, then the cost ($1.00 a number).",
                "`proof PATH` sends the ownership proof for numbers hosted at other carriers (several paths separated by ;); once Telnyx approves it, A adds them (billed, asked first).",
            ]
        }
        let beforeTheNewLOA =
            switch self {
            case .loaRow, .signedLOA, .enable: true
            default: false
            }
        let again =
            beforeTheNewLOA && Self.correctsAgain(model)
            ? ["`correct` opens the corrected enterprise again, to change it before its new LOA."] : []
        return specific + again + general
    }

    /// Whether the enterprise, corrected after a rejection, can be corrected again now (steps 3
    /// to 5 of its resubmission).
    static func correctsAgain(_ model: WizardModel) -> Bool { model.canCorrect && model.state.loaRound == .resubmission }
}
