import Onboarding

/// The enterprise's ownership proof in the wizard: the box its documents are typed in, and the
/// sentence steps 6 to 9 show about it and the numbers hosted at other carriers that wait on it.
enum OwnershipProofScreen {
    /// The paths typed, separated by `;` (a path dragged in quoted or with `\ ` is taken whole).
    static func paths(_ typed: String) -> [String] {
        typed.split(separator: ";").map { LocalFile.dropped(String($0)) }.filter { !$0.isEmpty }
    }

    /// The numbers named to Telnyx's reviewer: those set aside for the proof, and at step 7 the
    /// typed ones hosted at other carriers (not yet set aside).
    static func numbersForReviewer(_ model: WizardModel) -> [String] {
        guard model.screenStep == .associate, let inventory = model.inventory else { return model.awaitingProof }
        let typed = AddNumbersScreen.toSend(model).filter { !inventory.contains($0) && !AddNumbersScreen.isTollFree($0) }
        return Array(Set(model.awaitingProof).union(typed)).sorted()
    }

    /// The box's field when it opens: the paths typed last time, when Telnyx has not taken them.
    static func opened(_ model: WizardModel) -> TextField { TextField(model.lastProofPaths) }

    /// The box's lines: what the proof is, who waits on it, the last rejection, the field.
    static func box(_ model: WizardModel, field: TextField) -> [(String, Style)] {
        var lines: [(String, Style)] = [
            ("Numbers hosted at other carriers are monitored once Telnyx", .plain),
            ("approves the enterprise's ownership proof: a recent carrier", .plain),
            ("invoice or statement that shows the numbers (PDF, PNG or JPEG,", .plain),
            ("10 MB at most each). Sending it is free.", .plain),
        ]
        let waiting = model.awaitingProof
        if !waiting.isEmpty {
            lines += [("", .plain), ("\(count(waiting.count)) \(wait(waiting.count)) on it: \(Effect.sample(waiting))", .muted)]
        }
        if model.state.gates?.ownershipProofPending == true {
            lines += [("", .plain), ("Telnyx is reviewing a proof already; sending again replaces it.", .colored(.warning))]
        }
        if model.state.gates?.externalVerificationStatus == .rejected {
            let why = model.state.gates?.externalVerificationRejection.map { ": \(RemoteText.clause($0))" } ?? ""
            lines += [("", .plain), ("Telnyx rejected the last proof\(why).", .colored(.danger))]
        }
        lines += [
            ("", .plain), ("Documents: \(field.text)▏", .bold), ("Several documents: separate their paths with ;", .muted),
            ("", .plain), ("Enter sends them   Esc cancels", .muted),
        ]
        return lines
    }

    /// Where the ownership proof stands for the numbers that wait on it, with the key that acts
    /// next (`key`: P, or ^P where letters are typed), or nil when no number waits and no proof
    /// was sent.
    static func status(_ model: WizardModel, key: String) -> ScreenBlock? {
        let gates = model.state.gates
        let waiting = model.awaitingProof.count
        let numbers = waiting == 0 ? "numbers hosted at other carriers" : "the \(count(waiting)) hosted at other carriers"
        let plainKey = "`proof PATH`"
        switch gates?.externalVerificationStatus {
        case nil, .deleted?:
            guard waiting > 0 else { return nil }
            return .wording(
                fullScreen: "\(count(waiting)) hosted at other carriers \(wait(waiting)) on the ownership proof: \(key) sends it (free).",
                plain: "\(count(waiting)) hosted at other carriers \(wait(waiting)) on the ownership proof: \(plainKey) sends it (free).",
                .colored(.warning))
        case .pending?, .other?:
            let status = RemoteText.sanitized(gates?.externalVerificationStatus?.rawValue ?? "pending")
            let who = waiting == 0 ? "" : "; \(numbers) \(wait(waiting)) on it"
            return .wording(
                fullScreen: "Telnyx reviews the ownership proof (\(status))\(who).",
                plain: "Telnyx reviews the ownership proof (\(status))\(who).", .colored(.warning))
        case .rejected?:
            let why = gates?.externalVerificationRejection.map { " (\(RemoteText.clause($0)))" } ?? ""
            return .wording(
                fullScreen: "Telnyx rejected the ownership proof\(why): \(key) sends new evidence for \(numbers).",
                plain: "Telnyx rejected the ownership proof\(why): \(plainKey) sends new evidence for \(numbers).",
                .colored(.danger))
        case .approved?:
            guard waiting > 0, model.state.step >= .query else { return nil }
            return .wording(
                fullScreen: "The ownership proof is approved: A adds \(numbers) (billed, asked first).",
                plain: "The ownership proof is approved: `A` adds \(numbers) (billed, asked first).", .colored(.good))
        }
    }

    /// The table's keys for the proof (steps 8 and 9), each only while it can act: P while no
    /// proof is approved, r (and the sandbox's t) while one is reviewed, A once it is approved.
    static func bindings(_ model: WizardModel, action: @escaping @Sendable (Key, inout WizardModel) -> [Command]) -> [KeyBinding] {
        let state = model.state
        var bindings: [KeyBinding] = []
        if state.canSendOwnershipProof {
            bindings.append(
                KeyBinding([.character("P")], nil, help: "P sends the ownership proof (numbers at other carriers; free).", action: action))
        }
        if state.gates?.ownershipProofPending == true {
            bindings.append(
                KeyBinding(
                    [.character("r")], "r check proof", help: "r checks the ownership proof's review now, while Telnyx reviews it.",
                    action: action))
            if model.sandboxScenario != nil {
                bindings.append(
                    KeyBinding(
                        [.character("t")], "t +1 h (sandbox)", help: "In the sandbox, t moves the simulated clock one hour.",
                        action: action))
            }
        }
        if state.gates?.externalVerificationStatus == .approved {
            bindings.append(
                KeyBinding(
                    [.character("A")], nil, help: "A adds the numbers that waited on the ownership proof (billed, asked first).",
                    action: action))
        }
        return bindings
    }

    static func wait(_ count: Int) -> String { count == 1 ? "waits" : "wait" }

    static func count(_ count: Int) -> String { "\(count) \(count == 1 ? "number" : "numbers")" }
}
