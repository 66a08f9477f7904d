import Onboarding

/// What became of each number given to be added: added, or set aside with Telnyx's reason, or
/// set aside before the estimate and not sent (`setAsideBefore`: hosted at another carrier,
/// not in service…). Set-aside numbers come first, since they are the ones to act on.
enum AssociationResults {
    static func lines(
        _ numbers: [String], state: OnboardingState, setAsideBefore: SetAsideNumbers? = nil
    ) -> (summary: String, lines: [(String, Style)]) {
        let monitored = Set(state.monitoredNumbers)
        let reasons = state.lastError?.fieldProblems ?? [:]
        var setAside: [(String, Style)] = []
        var added: [(String, Style)] = []
        for number in numbers {
            if let reason = reasons[number] {
                setAside.append(("! \(number) set aside: \(RemoteText.sanitized(reason))", .colored(.danger)))
            } else if monitored.contains(number) {
                added.append(("✓ \(number) added", .colored(.good)))
            } else {
                setAside.append(("! \(number) not added; Telnyx gave no reason", .colored(.danger)))
            }
        }
        var before: [(String, Style)] = []
        if let setAsideBefore, setAsideBefore.count > 0 {
            before = setAsideBefore.named.sorted { $0.key < $1.key }.map {
                ("! \($0.key) not sent: \(RemoteText.sanitized($0.value))", .colored(.warning))
            }
            if setAsideBefore.count > before.count {
                before.append(("  … and \(setAsideBefore.count - before.count) more (`status` names them all)", .muted))
            }
        }
        let notSent = setAsideBefore.map { $0.count > 0 ? " · \($0.count) set aside, not sent" : "" } ?? ""
        let summary = "\(added.count) added · \(setAside.count) not added\(notSent)"
        return (summary, setAside + before + added)
    }
}
