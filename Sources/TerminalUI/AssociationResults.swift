import Onboarding

/// What became of each number sent to be added: added, or set aside with Telnyx's reason.
/// Set-aside numbers come first, since they are the ones to act on.
enum AssociationResults {
    static func lines(_ numbers: [String], state: OnboardingState) -> (summary: String, lines: [(String, Style)]) {
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
        let summary = "\(added.count) added · \(setAside.count) not added"
        return (summary, setAside + added)
    }
}
