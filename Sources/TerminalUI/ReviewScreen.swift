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

    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        guard let gates = model.state.gates else {
            region.write("Asking Telnyx where the review stands…", into: &surface)
            return
        }
        let half = region.width / 2
        let y = region.y + region.line
        surface.put("Enterprise vetting", x: region.x, y: y, style: .bold)
        surface.put("LOA review", x: region.x + half, y: y, style: .bold)
        let (vetting, vettingStyle) = verdict(gates.status)
        let (loa, loaStyle) = verdict(gates.loaStatus)
        surface.put(vetting, x: region.x, y: y + 1, style: vettingStyle)
        surface.put(loa, x: region.x + half, y: y + 1, style: loaStyle)
        region.skip(3)
        if model.reviewChecking {
            region.write("\(WizardView.spinner(model.tick)) checking with Telnyx…", style: .colored(.accent), into: &surface)
        } else {
            let last = model.state.gatesCheckedAt.map { "last checked \(relative($0, now: model.now))" } ?? "not checked yet"
            // One line each: together they are wider than the screen at 80 columns.
            region.write(last, style: .muted, into: &surface)
            if let next = model.nextReviewCheckAt {
                region.write("next check \(relative(next, now: model.now))", style: .muted, into: &surface)
            }
        }
        region.skip()
        if gates.vettingRejected {
            region.write("Telnyx's reasons:", style: .colored(.danger, bold: true), into: &surface)
            for reason in gates.rejectionReasons {
                region.wrap("• " + RemoteText.sanitized(reason), into: &surface, indent: 1)
            }
            region.skip()
            region.wrap(
                "Press c to correct the enterprise, then it is submitted again with a newly signed LOA.", style: .bold, into: &surface)
        } else if gates.loaRejected {
            region.wrap(
                "Telnyx rejected the LOA. Press l to render, sign and upload a replacement (not billed).", style: .bold, into: &surface)
        } else {
            region.wrap(
                "Telnyx's reviewers decide within hours or days. You can quit: the wizard comes back here and checks again.", into: &surface
            )
            if gates.loaStatus == "pending" {
                region.wrap("An LOA pending for long can be replaced with l.", style: .muted, into: &surface)
            }
        }
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
