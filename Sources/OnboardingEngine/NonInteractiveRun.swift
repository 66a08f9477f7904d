import Foundation
import Onboarding

/// Drives an onboarding without a screen, as far as the answers allow, and says why it
/// stopped. Billable steps go ahead only with `confirmBillable` (`--yes`).
public struct NonInteractiveRun: Sendable {
    /// Why the run stopped; the command's exit code.
    public enum Stop: Equatable, Sendable {
        case complete
        case inputNeeded(String)
        case waitingOnTelnyx(String)
        case confirmationRequired(String)
        case rejected([String])
        case error(String)

        public var exitCode: Int32 {
            switch self {
            case .complete: 0
            case .inputNeeded: 10
            case .waitingOnTelnyx: 11
            case .confirmationRequired: 12
            case .rejected: 13
            case .error: 1
            }
        }

        public var message: String {
            switch self {
            case .complete: "Onboarding complete."
            case .inputNeeded(let what): "Input needed: \(what)"
            case .waitingOnTelnyx(let what): what
            case .confirmationRequired(let what): "Confirmation required: \(what) Run again with --yes to go ahead."
            case .rejected(let reasons): "Telnyx rejected the enterprise: \(reasons.joined(separator: "; "))"
            case .error(let what): what
            }
        }
    }

    public var answers: RunAnswers
    public var confirmBillable: Bool
    public var wait: Bool
    public var schedule = GatePollSchedule()
    /// Waits between review checks; the sandbox moves its simulated clock instead.
    public var pause: @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }
    /// Progress lines, for stderr.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(answers: RunAnswers, confirmBillable: Bool, wait: Bool) {
        self.answers = answers
        self.confirmBillable = confirmBillable
        self.wait = wait
    }

    public func run(_ engine: OnboardingEngine) async throws -> Stop {
        do {
            return try await drive(engine)
        } catch let error as RunInputError {
            return .inputNeeded(error.message)
        }
    }

    func drive(_ engine: OnboardingEngine) async throws -> Stop {
        try await engine.reconcile()
        var lastStep: Step?
        var repeats = 0
        // A step's stored error stops the run only once this run has tried its own answers:
        // a corrected answers file must get its chance.
        var attempted = Set<Step>()
        // The list (and its file) is read once per run, when first needed.
        var parsedNumbers: [String]?
        func numbers() throws -> [String] {
            if let parsedNumbers { return parsedNumbers }
            let parsed = try self.parseNumbers()
            parsedNumbers = parsed
            return parsed
        }
        while true {
            let state = await engine.state
            if state.step == lastStep { repeats += 1 } else { repeats = 0 }
            lastStep = state.step
            if let inFlight = state.inFlight {
                return .error("“\(inFlight.name)” has no known outcome yet (\(state.lastError?.message ?? "interrupted")); run again to check with Telnyx.")
            }
            // A step that does not move after its answer was given is stuck on an error.
            if repeats > 3 { return .error(state.lastError?.message ?? "Step \(state.step.rawValue) does not move on.") }
            progress("step \(state.step.rawValue) \(state.step.title): \(state.nextAction)")
            switch state.step {
            case .terms:
                if case .unknown = state.terms {
                    try await engine.send(.begin)
                } else if answers.acceptTerms == true {
                    try await engine.send(.agreeToTerms)
                } else {
                    return .inputNeeded("accept_terms: true, after reading https://telnyx.com/terms/reputation-services")
                }
            case .enterprise:
                if attempted.contains(.enterprise), let problems = state.lastError?.fieldProblems, !problems.isEmpty {
                    return .inputNeeded("enterprise fields: " + problems.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
                }
                attempted.insert(.enterprise)
                if let id = answers.enterpriseId {
                    try await engine.send(.useExistingEnterprise(id: id, legalName: id))
                } else if let fields = answers.enterpriseFields {
                    if let refusal = try await engine.send(.submitEnterprise(fields: fields)) { return .error(refusal) }
                } else {
                    return .inputNeeded("enterprise (its fields, as POST /enterprises takes them) or enterprise_id")
                }
            case .loaRender:
                if attempted.contains(.loaRender), let error = state.lastError { return .inputNeeded("loa: \(error.message)") }
                attempted.insert(.loaRender)
                switch answers.loa?.request() ?? .success((nil, nil)) {
                case .success(let request): try await engine.send(.renderLOA(agent: request.agent, signature: request.signature))
                case .failure(let problem): return .inputNeeded(problem.description)
                }
            case .signAndUpload:
                guard let signed = answers.signedLoa, !attempted.contains(.signAndUpload) || state.lastError == nil else {
                    let problem = state.lastError.map { " (\($0.message))" } ?? ""
                    return .inputNeeded("signed_loa: sign \(state.renderedLOAPath ?? "the LOA") and give the signed PDF's path\(problem)")
                }
                attempted.insert(.signAndUpload)
                try await engine.send(.useSignedLOA(path: signed))
            case .enable:
                if state.confirmation == nil {
                    try await engine.send(.chooseFrequency(answers.checkFrequency ?? .businessDaily, plannedNumbers: try numbers().count))
                }
                guard let confirmation = await engine.state.confirmation else { continue }
                guard confirmBillable else { return .confirmationRequired("enabling reputation costs \(confirmation.estimate).") }
                try await engine.send(.confirm)
            case .gates:
                try await engine.send(.checkGatesNow)
                let gates = await engine.state.gates
                if await engine.state.step != .gates { continue }
                if let gates, gates.vettingRejected { return .rejected(gates.rejectionReasons) }
                if let gates, gates.loaRejected {
                    return .inputNeeded("Telnyx rejected the LOA: sign a new one and run again with its path as signed_loa")
                }
                guard wait else { return .waitingOnTelnyx(await engine.state.nextAction) }
                let (pause, progress) = (self.pause, self.progress)
                try await GatePoller(engine: engine, schedule: schedule) { delay in
                    progress("waiting \(Int(delay)) s before checking the review again")
                    try await pause(delay)
                }.run()
                repeats = 0
            case .associate:
                let wanted = try numbers()
                guard !wanted.isEmpty else { return .inputNeeded("numbers (a list) or numbers_file") }
                if state.confirmation == nil {
                    if let refusal = try await engine.send(.addNumbers(wanted)) { return .error(refusal) }
                }
                guard let confirmation = await engine.state.confirmation else { continue }
                guard confirmBillable else { return .confirmationRequired("adding numbers costs \(confirmation.estimate).") }
                try await engine.send(.confirm)
            case .query:
                let monitored = state.monitoredNumbers
                let uncached = monitored.filter { !state.queriedNumbers.contains($0) }
                if state.confirmation == nil {
                    try await engine.send(.query(numbers: monitored, fresh: false, uncached: uncached))
                }
                if let confirmation = await engine.state.confirmation {
                    guard confirmBillable else { return .confirmationRequired("the first reputation check costs \(confirmation.estimate).") }
                    try await engine.send(.confirm)
                }
            case .manage:
                return .complete
            }
        }
    }

    /// The numbers to monitor, from the list and the file; every bad line is refused by name.
    func parseNumbers() throws -> [String] {
        var text = (answers.numbers ?? []).joined(separator: "\n")
        if let file = answers.numbersFile {
            guard let contents = FileManager.default.contents(atPath: (file as NSString).expandingTildeInPath) else {
                throw RunInputError(message: "numbers_file \(file) cannot be read")
            }
            text += "\n" + String(decoding: contents, as: UTF8.self)
        }
        let lines = NumberListParser.parse(text)
        let bad = lines.compactMap { line -> String? in
            if case .invalid(let problem) = line.verdict { return "'\(line.text)' \(problem)" }
            return nil
        }
        if !bad.isEmpty { throw RunInputError(message: "numbers: " + bad.joined(separator: "; ")) }
        return NumberListParser.numbers(in: lines).map(\.e164)
    }
}

public struct RunInputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
