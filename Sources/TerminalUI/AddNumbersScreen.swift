import Onboarding

/// Step 7: numbers typed or pasted one per line, each checked as it is written: its
/// normalised form, or why it cannot be monitored.
enum AddNumbersScreen {

    /// The verdict shown beside a line.
    static func verdict(_ line: NumberListParser.Line, model: WizardModel) -> (String, Style) {
        switch line.verdict {
        case .number(let number):
            let e164 = number.e164
            if model.state.monitoredNumbers.contains(e164) { return ("already monitored", .muted) }
            if let inventory = model.inventory, !inventory.contains(e164) {
                // Not in the account: hosted at another carrier (monitored after an ownership proof),
                // or toll-free elsewhere (never).
                if number.isTollFree { return ("! toll-free elsewhere", .colored(.danger)) }
                return proofApproved(model) ? ("✓ other carrier", .colored(.good)) : ("! at another carrier", .colored(.danger))
            }
            return ("✓ \(e164)", .colored(.good))
        case .duplicate(_, let firstLine):
            // A loaded line is named by the file's own line, as the message below the list does.
            if let origin = model.numberLineOrigins[firstLine - 1] {
                return ("duplicate of file line \(origin.lineNumber)", .colored(.warning))
            }
            return ("duplicate of line \(firstLine)", .colored(.warning))
        case .invalid(let problem):
            // Only a line that is not a number can be a path (most lines are numbers).
            if isPath(line.text) { return ("a path: ^O loads it", .muted) }
            return ("! \(problem)", .colored(.danger))
        }
    }

    /// The numbers F2 sends: valid and not yet monitored (those outside the inventory are set
    /// aside by the engine before the estimate, and named in the confirmation).
    static func toSend(_ model: WizardModel, parsed: [NumberListParser.Line]? = nil) -> [String] {
        let monitored = Set(model.state.monitoredNumbers)
        let lines = parsed ?? model.numberMemo.parse(model.numberLines + [model.numbersText.text])
        return NumberListParser.numbers(in: lines).map(\.e164).filter { !monitored.contains($0) }
    }

    /// The lines that cannot be added, as the confirmation names them: the line as written →
    /// where it is and why (`numbers.csv line 5, column 2 (Phone): was turned into …`).
    static func refused(_ model: WizardModel) -> [String: String] {
        let lines = model.numberMemo.parse(model.numberLines + [model.numbersText.text])
        var refused: [String: String] = [:]
        for line in lines {
            guard case .invalid(let problem) = line.verdict, !isPath(line.text) else { continue }
            let place = model.numberLineOrigins[line.lineNumber - 1]?.description ?? "line \(line.lineNumber)"
            refused[RemoteText.sanitized(String(line.text.prefix(40)))] = "\(place): \(problem)"
        }
        return refused
    }

    /// The numbers the confirmation will bill: valid, not yet monitored, and in the inventory
    /// or (US local) hosted elsewhere once the ownership proof is approved.
    static func addable(_ model: WizardModel, parsed: [NumberListParser.Line]? = nil) -> [String] {
        toSend(model, parsed: parsed).filter { number in
            model.inventory?.contains(number) ?? true || (proofApproved(model) && !isTollFree(number))
        }
    }

    /// Numbers hosted at other carriers can be added: the ownership proof is approved.
    static func proofApproved(_ model: WizardModel) -> Bool { model.state.gates?.externalVerificationStatus == .approved }

    static func isTollFree(_ e164: String) -> Bool { (try? USPhoneNumber(e164))?.isTollFree == true }

    /// Lines of numbers hosted at other carriers (not toll-free), which wait on the ownership proof.
    static func elsewhere(_ model: WizardModel, parsed: [NumberListParser.Line]) -> Int {
        guard let inventory = model.inventory else { return 0 }
        return NumberListParser.numbers(in: parsed).filter { !inventory.contains($0.e164) && !$0.isTollFree }.count
    }

    /// Text that is a file's path rather than a number (`/data/numbers.csv`, `~/ids.csv`).
    static func isPath(_ text: String) -> Bool {
        let trimmed = LocalFile.dropped(text)
        let lowered = trimmed.lowercased()
        return trimmed.hasPrefix("/") || trimmed.hasPrefix("~") || trimmed.hasPrefix("./") || trimmed.hasPrefix("../")
            || [".csv", ".txt", ".tsv"].contains { lowered.hasSuffix($0) }
    }

    static func content(_ model: WizardModel) -> [ScreenBlock] {
        var blocks: [ScreenBlock] = [
            .wording(
                fullScreen: "Type or paste US numbers, one per line, in any common writing; or ^O to load a CSV or text file.",
                plain: "Give the numbers to monitor, one a line, in any common writing, or the path of a CSV or text file of them."),
            .wording(
                fullScreen: "", plain: "`inventory` lists this account's numbers that can be added; `take 1 2 5-9` adds listed ones."),
        ]
        if model.inventory == nil { blocks.append(.onScreenOnly(.line("Reading your inventory…", .muted))) }
        // Parsed once per frame: a pasted list may hold thousands of lines.
        let texts = model.numberLines + [model.numbersText.text]
        let parsedLines = model.numberMemo.parse(texts)
        let parsed = Dictionary(parsedLines.map { ($0.lineNumber, $0) }, uniquingKeysWith: { first, _ in first })
        // The last line that cannot be added says why in full below the list (a cell cuts it).
        let problems = parsedLines.filter { if case .invalid = $0.verdict { !isPath($0.text) } else { false } }
        let marked = parsedLines.filter { verdict($0, model: model).0.hasPrefix("!") }.count
        let shown = texts.indices.suffix(ScreenNumberList.mostLines).map { index in
            let (word, style) = parsed[index + 1].map { verdict($0, model: model) } ?? ("", .plain)
            return ScreenNumberList.Line(text: texts[index], verdict: word, style: style)
        }
        var below: [ScreenBlock] = [.blank]
        if let loadProblem = model.loadProblem {
            // Why ^O loaded nothing, in full where the person is looking.
            below.append(.paragraph("! \(loadProblem)", .colored(.danger)))
        } else if let last = problems.last, case .invalid(let problem) = last.verdict {
            let others = marked > 1 ? " (\(marked) lines marked !)" : ""
            let place = model.numberLineOrigins[last.lineNumber - 1]?.description ?? "Line \(last.lineNumber)"
            below.append(.paragraph("! \(place), \(RemoteText.sanitized(last.text)): \(problem)\(others)", .colored(.danger)))
        }
        let addable = addable(model, parsed: parsedLines)
        let batches = (addable.count + 99) / 100
        let cost = CostEstimate.associating(addable.count, model.state.prices)
        below += [
            .line("\(addable.count) to add in \(batches) batch\(batches == 1 ? "" : "es") of up to 100 · \(cost.amount)", .bold),
            .line("F2 asks before anything is billed.", .muted),
        ]
        // Numbers hosted elsewhere wait on the ownership proof: what to do about it (wrapped:
        // up to three lines at 80 columns).
        var proofLines = 0
        if !proofApproved(model), let status = OwnershipProofScreen.status(model, key: "^P") {
            below.append(status)
            proofLines = 3
        } else if model.state.gates?.externalVerificationStatus == nil, elsewhere(model, parsed: parsedLines) > 0 {
            below.append(
                .wording(
                    fullScreen: "Numbers at another carrier need the ownership proof: ^P sends it (free).",
                    plain: "Numbers at another carrier need the ownership proof: `proof PATH` sends it (free).", .colored(.warning)))
            proofLines = 2
        }
        let list = ScreenNumberList(
            lines: shown, typing: model.numbersText, linesBelow: (problems.isEmpty && model.loadProblem == nil ? 3 : 6) + proofLines)
        // Plain mode sums the list up in its own words (`PlainText.numbersSummary`).
        return blocks + [.onScreenOnly(.blank), .numberList(list)] + below.map(ScreenBlock.onScreenOnly)
    }
}
