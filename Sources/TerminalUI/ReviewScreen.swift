import Foundation
import Onboarding

/// Step 6: both of Telnyx's reviews side by side, when they were checked and will be again,
/// and, after a rejection, its reasons in full with the way forward one key away.
enum ReviewScreen {
    static func verdict(_ value: ReviewStatus) -> (String, Style) {
        switch value {
        case .approved: ("✓ approved", .colored(.good, bold: true))
        case .rejected, .deleted: ("! \(value)", .colored(.danger, bold: true))
        case .pending, .other: ("… \(RemoteText.sanitized(value.rawValue))", .colored(.warning))
        }
    }

    static func content(_ model: WizardModel) -> [ScreenBlock] {
        guard let gates = model.state.gates else {
            return [.wording(fullScreen: "Asking Telnyx where the review stands…", plain: "Asking Telnyx where the review stands.")]
        }
        let (vetting, vettingStyle) = verdict(gates.status)
        let (loa, loaStyle) = verdict(gates.loaStatus)
        var blocks: [ScreenBlock] = [
            .columns(
                [
                    ScreenColumn(
                        title: "Enterprise vetting", value: vetting, style: vettingStyle,
                        spoken: RemoteText.sanitized(gates.status.rawValue)),
                    ScreenColumn(title: "LOA review", value: loa, style: loaStyle, spoken: RemoteText.sanitized(gates.loaStatus.rawValue)),
                ]
                    + (gates.externalVerificationStatus.map { proof in
                        let (value, style) = verdict(proof)
                        return [
                            ScreenColumn(title: "Ownership proof", value: value, style: style, spoken: RemoteText.sanitized(proof.rawValue))
                        ]
                    } ?? []))
        ]
        let last = model.state.gatesCheckedAt.map { relative($0, now: model.now) }
        let next = model.nextReviewCheckAt.map { relative($0, now: model.now) }
        // Plain mode says both in one sentence; the screen gives each a line (together they are
        // wider than the screen at 80 columns), or the spinner while a check runs.
        let sentence = last.map { "Last checked \($0)\(next.map { "; the next check is \($0)" } ?? "")." }
        if model.reviewChecking {
            blocks.append(
                .wording(fullScreen: "\(WizardView.spinner(model.tick)) checking with Telnyx…", plain: sentence, .colored(.accent)))
        } else {
            blocks.append(.wording(fullScreen: last.map { "last checked \($0)" } ?? "not checked yet", plain: sentence, .muted))
            if let next { blocks.append(.wording(fullScreen: "next check \(next)", plain: nil, .muted)) }
        }
        blocks.append(.blank)
        if gates.externalVerificationStatus == .rejected, let status = OwnershipProofScreen.status(model, key: "P") {
            blocks += [status, .blank]
        }
        if gates.vettingRejected {
            blocks.append(
                .wording(
                    fullScreen: "Telnyx's reasons:", plain: "Telnyx rejected the enterprise, for these reasons:",
                    .colored(.danger, bold: true)))
            blocks += gates.rejectionReasons.map { .paragraph("• " + RemoteText.sanitized($0), indent: 1) }
            blocks += [
                .blank,
                .wording(
                    fullScreen: "Press c to correct the enterprise, then it is submitted again with a newly signed LOA.",
                    plain: "Answer c to correct the enterprise; it is then submitted again with a newly signed LOA.", .bold),
            ]
        } else if gates.loaRejected {
            blocks.append(
                .wording(
                    fullScreen: "Telnyx rejected the LOA. Press l to render, sign and upload a replacement (not billed).",
                    plain: "Telnyx rejected the LOA. Answer l to render, sign and upload a replacement (not billed).", .bold))
        } else {
            blocks.append(
                .paragraph("Telnyx's reviewers decide within hours or days. You can quit: the wizard comes back here and checks again."))
            if gates.loaStatus == .pending {
                blocks.append(
                    .wording(
                        fullScreen: "An LOA pending for long can be replaced with l.",
                        plain: "An LOA pending for long can be replaced: answer l.",
                        .muted))
            }
        }
        return blocks
    }

    /// Milliseconds until `relative(date, now:)` reads differently (the next whole minute, or
    /// the moment a time under a minute away is reached), so an idle step 6 redraws only when
    /// its line changes: about once a minute, not once a second.
    static func millisecondsUntilChange(of date: Date, now: Date) -> Int {
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        if seconds > 0 && magnitude < 60 { return Int(seconds * 1000) + 1 }
        let intoMinute = magnitude.truncatingRemainder(dividingBy: 60)
        let left = seconds > 0 ? intoMinute : 60 - intoMinute
        return max(1000, Int(left * 1000) + 1)
    }

    /// A time beside now in whole minutes (`in 4 min`, `2 h 5 min ago`); under a minute, "in
    /// less than a minute" or "less than a minute ago", so the line does not tick each second.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded(.towardZero))
        let magnitude = abs(seconds)
        if magnitude < 60 { return seconds > 0 ? "in less than a minute" : "less than a minute ago" }
        let text = magnitude < 3600 ? "\(magnitude / 60) min" : "\(magnitude / 3600) h \(magnitude % 3600 / 60) min"
        return seconds >= 0 ? "in \(text)" : "\(text) ago"
    }
}
