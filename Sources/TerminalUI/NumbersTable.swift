import Foundation
import Onboarding

/// Steps 8 and 9: the monitored numbers with their spam risk (word and colour), category, the
/// four scores as numbers and bars, and when Telnyx last refreshed them; sort, filter, select
/// and page.
enum NumbersTable {
    /// The numbers the filter lets through, in the order monitored.
    static func matching(_ model: WizardModel) -> [String] {
        let filter = model.table.filter.text.filter(\.isNumber)
        let numbers =
            model.table.onlyChanges ? model.state.monitoredNumbers.filter(model.changedSinceLook.contains) : model.state.monitoredNumbers
        return filter.isEmpty ? numbers : numbers.filter { $0.contains(filter) }
    }

    /// The table's rows: the matching numbers in the chosen order.
    static func rows(_ model: WizardModel) -> [String] {
        model.table.sort.apply(matching(model), readings: model.readings)
    }

    static func risk(_ value: String?) -> (String, Style) {
        switch value {
        case "low": ("low", .colored(.good))
        case "medium": ("MEDIUM", .colored(.warning, bold: true))
        case "high": ("HIGH", .colored(.danger, bold: true))
        case nil: ("—", .muted)
        case let other?: (RemoteText.sanitized(other), .plain)
        }
    }

    static func content(_ model: WizardModel) -> [ScreenBlock] {
        let state = model.state
        let count = state.monitoredNumbers.count
        let monitored =
            "\(count) \(count == 1 ? "number is" : "numbers are") monitored; Telnyx checks \(count == 1 ? "it" : "them") \(state.checkFrequency.label)."
        var blocks: [ScreenBlock] =
            if state.step == .query {
                [.wording(fullScreen: firstReadChoice(state), plain: monitored + " " + firstReadChoice(state))]
            } else {
                [
                    .wording(
                        fullScreen: "\(count) \(count == 1 ? "number" : "numbers") monitored \(state.checkFrequency.label).",
                        plain: monitored)
                ]
            }
        if let url = state.webhookURL, state.step == .manage {
            blocks.append(
                .wording(
                    fullScreen: "", plain: "Telnyx calls \(RemoteText.sanitized(url)) for ownership events (`webhook clear` stops it)."))
        }
        if let status = OwnershipProofScreen.status(model, key: "P") { blocks.append(status) }
        if let ownership = ownershipLine(state) { blocks.append(ownership) }
        if let awaiting = awaitingLine(model) { blocks.append(awaiting) }
        if let changed = changedLine(model) { blocks.append(changed) }
        if let remediation = remediationLine(state) { blocks.append(remediation) }
        if model.table.filtering || !model.table.filter.text.isEmpty {
            blocks.append(.input(label: "Filter: ", field: model.table.filter, inlineWidth: 16, focused: model.table.filtering))
        }
        blocks.append(.onScreenOnly(.blank))
        return blocks + [.table(table(model))]
    }

    /// Step 8's choice, with the whole cost of reading now said plainly.
    static func firstReadChoice(_ state: OnboardingState) -> String {
        let billed = state.monitoredNumbers.filter(state.nextReadIsBilled).count
        let count = billed.grouped
        let now =
            "First reads are billed: reading the \(count) \(billed == 1 ? "number" : "numbers") marked $ now costs \(state.prices.liveCheck * billed) (\(count) × \(state.prices.liveCheck); Enter)."
        guard state.checkFrequency != .never else { return now }
        return now + " Or w: Telnyx's first scheduled check (\(state.checkFrequency.label)) reads them; nothing billed now."
    }

    /// How many readings changed since the table was last shown, and the key that shows only them.
    static func changedLine(_ model: WizardModel) -> ScreenBlock? {
        let monitored = Set(model.state.monitoredNumbers)
        let changed = model.changedSinceLook.filter(monitored.contains).count
        guard model.state.step == .manage, changed > 0 else { return nil }
        let since = model.lastLookAt.map { " since you last looked (\(ReportTime.said($0, now: model.now)))" } ?? ""
        let what = "\(changed) \(changed == 1 ? "number" : "numbers") changed\(since)"
        return .wording(
            fullScreen: what + (model.table.onlyChanges ? "; ~ shows all again." : ", marked ~; ~ shows only them."),
            plain: what + ": `~` lists only them.", .colored(.warning))
    }

    /// Numbers left for Telnyx's first scheduled check that have no reading here yet.
    static func awaitingLine(_ model: WizardModel) -> ScreenBlock? {
        guard model.state.step == .manage, let awaiting = model.state.awaitingFirstCheck else { return nil }
        let monitored = Set(model.state.monitoredNumbers)
        let waiting = awaiting.filter { monitored.contains($0) && model.readings[$0] == nil }.count
        guard waiting > 0 else { return nil }
        let what =
            "\(waiting) \(waiting == 1 ? "number waits" : "numbers wait") for Telnyx's first scheduled check (\(model.state.checkFrequency.label))"
        return .wording(
            fullScreen: what + "; `watch` reads it.", plain: what + "; `reputation-wizard watch` reads the data it brings.", .muted)
    }

    /// Help lines shared by two keys each (help shows a line once), so step 9's keys fit 80×24.
    static let sortAndFilterHelp = "s sorts by the next column, worst first (S reverses); / filters by digits."
    static let disableAndLogHelp = "D disables reputation (type DISABLE); L shows the audit log."

    /// Telnyx's ownership questions at a glance: how many, the first deadline, the keys.
    static func ownershipLine(_ state: OnboardingState) -> ScreenBlock? {
        guard let notices = state.ownershipNotices, !notices.isEmpty, state.step == .manage else { return nil }
        let deadline = notices.compactMap(\.confirmBy).min().map { ", the first by \(ReportTime.stamp($0))" } ?? ""
        let count = "\(notices.count) \(notices.count == 1 ? "number" : "numbers")"
        return .wording(
            fullScreen:
                "Telnyx asks whether \(count) marked ! \(notices.count == 1 ? "is" : "are") still yours\(deadline): C confirms, x gives up, H says why.",
            plain:
                "Telnyx asks whether \(count) \(notices.count == 1 ? "is" : "are") still yours\(deadline): `C NUMBER` confirms, `x NUMBER` gives up, `H NUMBER` says why.",
            .colored(.warning))
    }

    /// Where remediation stands: the requests under way, else the last one's outcome; nil when
    /// none was sent.
    static func remediationLine(_ state: OnboardingState) -> ScreenBlock? {
        guard let requests = state.remediations, let last = requests.last else { return nil }
        let open = requests.filter { !$0.isFinished }
        if !open.isEmpty {
            let numbers = open.reduce(0) { $0 + $1.numbers.count }
            let text =
                "Remediation under way: \(open.count) \(open.count == 1 ? "request" : "requests"), \(numbers) \(numbers == 1 ? "number" : "numbers"); checked on its own."
            return .wording(fullScreen: text, plain: text, .colored(.accent))
        }
        let text = "Last remediation: \(RemoteText.sanitized(last.summary))."
        return .wording(fullScreen: text, plain: text, .muted)
    }

    /// The table: its columns, and each row (made when shown or said) as cells and as a sentence.
    static func table(_ model: WizardModel) -> ScreenTable {
        let sort = model.table.sort
        func title(_ text: String, _ column: TableSort.Column) -> String { sort.column == column ? text + sort.arrow : text }
        let columns = [
            ScreenTable.Column(title: title("   Number", .number), kind: .text(width: 16)),
            .init(title: title("Risk", .risk), kind: .text(width: 7)), .init(title: "Category", kind: .text(width: 8)),
            .init(title: title("Mat", .maturity), kind: .score), .init(title: title("Con", .connection), kind: .score),
            .init(title: title("Eng", .engagement), kind: .score), .init(title: title("Sen", .sentiment), kind: .score),
            .init(title: title("Refreshed", .refreshed), kind: .trailing(minWidth: 14)),
        ]
        let all = rows(model)
        let asked = Set((model.state.ownershipNotices ?? []).map(\.phoneNumber))
        func row(_ index: Int) -> ScreenTable.Row {
            let number = all[index]
            let reading = model.readings[number]
            // Two marks, so a selected number still shows what Telnyx asks, what changed since the
            // last look, or what a read costs.
            let selection = model.table.selected.contains(number) ? "*" : " "
            let second =
                asked.contains(number)
                ? "!" : model.changedSinceLook.contains(number) ? "~" : model.state.nextReadIsBilled(number) ? "$" : " "
            let mark = selection + second
            let (word, style) = risk(reading?.spamRisk)
            // Read, but Telnyx's analytics have nothing on it yet: said where the category goes,
            // so it is not taken for a failed read.
            let noData = reading?.spamRisk == nil && model.state.numbersWithoutData.contains(number)
            let refreshed = reading?.lastRefreshedAt.map { ReviewScreen.relative($0, now: model.now) } ?? ""
            return ScreenTable.Row(
                cells: [
                    .text("\(mark) \(number)"), .text(word, style),
                    noData ? .text("no data", .muted) : .text(RemoteText.sanitized(reading?.category ?? "")),
                    .score(reading?.maturity), .score(reading?.connection), .score(reading?.engagement), .score(reading?.sentiment),
                    .text(refreshed, .muted),
                ],
                spoken: spoken(number, model: model))
        }
        // A cursor left past the end (rows removed) counts as the last row.
        let page = all.isEmpty ? 0 : min(model.table.cursor, all.count - 1) + 1
        // Too narrow for the column, the focused number says when it was last refreshed.
        var whenNarrow: String?
        if all.indices.contains(model.table.cursor), let refreshed = model.readings[all[model.table.cursor]]?.lastRefreshedAt {
            // Short enough to stay whole beside "298/450 by number ▲" in the narrowest table.
            let ago = ReviewScreen.relative(refreshed, now: model.now)
            whenNarrow = "refreshed \(ago == "less than a minute ago" ? "just now" : ago)"
        }
        return ScreenTable(
            columns: columns, rowCount: all.count, row: row, cursor: model.table.cursor,
            empty: "No numbers match.", leftOut: "`status --json` lists every one",
            footer: [
                "\(page)/\(all.count) \(sort.description)\(model.table.onlyChanges ? ", changed only" : "")", "* selected", "$ billed",
            ]
                + (asked.isEmpty ? [] : ["! ownership"]) + (model.changedSinceLook.isEmpty ? [] : ["~ changed"]),
            whenNarrow: whenNarrow)
    }

    /// A number in words: what Telnyx asks about its ownership (and by when), if anything, then
    /// its reading.
    static func spoken(_ number: String, model: WizardModel) -> String {
        let reading = reading(number, model: model)
        guard let notice = model.state.ownershipNotices?.first(where: { $0.phoneNumber == number }) else { return reading }
        let deadline = notice.confirmBy.map { " by \(ReportTime.stamp($0)), \(OwnershipNotice.unanswered(notice.flagReason))" } ?? ""
        let asked =
            notice.status == .flagged
            ? "Telnyx flagged its ownership (\(notice.reason))" : "Telnyx asks to confirm ownership (\(notice.reason))\(deadline)"
        return "\(asked). \(reading)"
    }

    /// A number's reading in words: risk, category, the four scores (0 to 100) and when Telnyx
    /// last read it; or that it is not read yet, and whether its first read is billed.
    static func reading(_ number: String, model: WizardModel) -> String {
        if model.state.numbersWithoutData.contains(number) {
            return "\(number): Telnyx has no analytics data for it yet; each read of it is billed."
        }
        guard let reading = model.readings[number] else {
            return "\(number): not read yet\(model.state.queriedNumbers.contains(number) ? "" : " (its first read is billed)")."
        }
        var parts = ["spam risk \(reading.spamRisk.map(RemoteText.sanitized) ?? "not known yet")"]
        if let category = reading.category { parts.append("category \(RemoteText.sanitized(category))") }
        let scores = [
            ("maturity", reading.maturity), ("connection", reading.connection), ("engagement", reading.engagement),
            ("sentiment", reading.sentiment),
        ]
        .compactMap { name, score in score.map { "\(name) \($0)" } }
        if !scores.isEmpty { parts.append(scores.joined(separator: ", ")) }
        if let at = reading.lastRefreshedAt {
            parts.append("read by Telnyx \(ReviewScreen.relative(min(at, model.now), now: model.now))")
        }
        return "\(number): \(parts.joined(separator: "; "))."
    }
}
