import Foundation

/// Remediation's timing and rules where Telnyx states none (README lists them).
enum RemediationRules {
    static let maximumNumbers = 2000
    /// From submission: carriers start after a minute, tier 1 ends after an hour, tier 2 (and
    /// the request) after a day.
    static let startAfter: Double = 60
    static let tier1After: Double = 3600
    static let tier2After: Double = 24 * 3600
    /// A number remediated within this long is ineligible (cooldown).
    static let cooldown: Double = 30 * 24 * 3600
}

extension SimulatorWorld {
    /// `POST …/reputation/remediation` (202): the numbers sent to the carriers are billed at
    /// once; those in cooldown are only counted and listed as ineligible; a number in an
    /// unfinished request refuses the whole request (409).
    func submitRemediation(enterpriseId: String, _ body: Schemas.RemediationRequestCreate) throws -> Schemas.RemediationRequest {
        try transact { state, now in
            let settings = try state.settings(enterpriseId).reputation
            guard state.tosAgreement != nil else {
                throw SimulatorError.badRequest("The Number Reputation terms of service are not agreed.")
            }
            guard settings.status?.is(.approved) == true, settings.loaStatus?.is(.approved) == true else {
                throw SimulatorError.badRequest(
                    "Remediation needs both the enterprise (status: \(settings.status?.rawValue ?? "unknown")) and its LOA (loa_status: \(settings.loaStatus?.rawValue ?? "unknown")) approved."
                )
            }
            var problems: [SimulatorError.Entry] = []
            func fail(_ detail: String, _ pointer: String) {
                problems.append(.init(code: "10005", title: "Invalid parameters", detail: detail, pointer: pointer))
            }
            let purpose = body.callPurpose.trimmingCharacters(in: .whitespacesAndNewlines)
            if purpose.isEmpty || body.callPurpose.count > 2000 { fail("call_purpose must be 1 to 2000 characters", "/body/call_purpose") }
            if let email = body.contactEmail, email.count > 255 || !Self.looksLikeEmail(email) {
                fail("contact_email must be an email address", "/body/contact_email")
            }
            if let url = body.webhookUrl, !url.lowercased().hasPrefix("https://") {
                fail("webhook_url must be an HTTPS URL", "/body/webhook_url")
            }
            if body.phoneNumbers.isEmpty || body.phoneNumbers.count > RemediationRules.maximumNumbers {
                fail("phone_numbers must list 1 to \(RemediationRules.maximumNumbers) numbers", "/body/phone_numbers")
            }
            var seen = Set<String>()
            for (index, number) in body.phoneNumbers.enumerated() {
                if let problem = NumberRules.shapeProblem(number) {
                    fail(problem, "/body/phone_numbers/\(index)")
                } else if !seen.insert(number).inserted {
                    fail("'\(number)' is listed more than once in this request.", "/body/phone_numbers/\(index)")
                } else if state.numbers[number]?.record.enterpriseId != enterpriseId {
                    fail("'\(number)' is not monitored by this enterprise.", "/body/phone_numbers/\(index)")
                }
            }
            if !problems.isEmpty { throw SimulatorError.invalid(problems) }
            let additions = state.additions
            let unfinished = additions.remediationOrder.compactMap { additions.remediations[$0] }.filter {
                $0.enterpriseId == enterpriseId && $0.request.status.known.map { [.pending, .inProgress].contains($0) } == true
            }
            let inFlight = body.phoneNumbers.filter { number in unfinished.contains { $0.submitted.contains(number) } }
            if !inFlight.isEmpty {
                throw SimulatorError.conflict(
                    "\(inFlight.joined(separator: ", ")) \(inFlight.count == 1 ? "is" : "are") in a remediation request not finished yet.")
            }
            let ineligible = body.phoneNumbers.filter { state.inCooldown($0, enterpriseId: enterpriseId, now: now) }
            let submitted = body.phoneNumbers.filter { !ineligible.contains($0) }
            var outcomes: [String: RemediationOutcome] = [:]
            for number in submitted { outcomes[number] = Self.outcome(of: state.numbers[number]?.record, seed: options.seed) }
            let id = state.newID()
            let request = Schemas.RemediationRequest(
                callPurpose: body.callPurpose, contactEmail: body.contactEmail, createdAt: now, id: id,
                phoneNumbersCount: body.phoneNumbers.count, phoneNumbersIneligible: ineligible.count,
                phoneNumbersSubmitted: submitted.count,
                results: nil, status: .init(.pending), tier1CompletedAt: nil, tier2CompletedAt: nil, updatedAt: now,
                webhookUrl: body.webhookUrl)
            var record = RemediationRecord(
                request: request, enterpriseId: enterpriseId, submitted: submitted, outcomes: outcomes,
                startsAt: now.addingTimeInterval(RemediationRules.startAfter), tier1At: now.addingTimeInterval(RemediationRules.tier1After),
                tier2At: now.addingTimeInterval(RemediationRules.tier2After))
            record.ineligible = ineligible
            state.additions.remediations[id] = record
            state.additions.remediationOrder.append(id)
            for number in submitted {
                state.bill(
                    .remediation, enterpriseId: enterpriseId, phoneNumber: number, amount: options.prices.remediationPerNumberUSD, at: now)
            }
            return state.additions.remediations[id]!.request
        }
    }

    /// `GET …/reputation/remediation/{id}`.
    func remediation(enterpriseId: String, id: String) throws -> Schemas.RemediationRequest {
        try transact { state, _ in
            _ = try state.settings(enterpriseId)
            guard let record = state.additions.remediations[id], record.enterpriseId == enterpriseId else {
                throw SimulatorError.notFound("Remediation request \(id) not found for this enterprise.")
            }
            return record.request
        }
    }

    /// `GET …/reputation/remediation`: newest first, without results or URLs.
    func listRemediations(
        enterpriseId: String, status: Schemas.RemediationStatus?, createdFrom: Date?, createdTo: Date?, paging: Paging
    ) throws -> ([Schemas.RemediationRequestListItem], Schemas.NumberReputationPaginationMeta) {
        try transact { state, _ in
            _ = try state.settings(enterpriseId)
            let items = state.additions.remediationOrder.reversed().compactMap { state.additions.remediations[$0] }
                .filter { $0.enterpriseId == enterpriseId }
                .map(\.request)
                .filter { request in
                    (status.map { request.status.rawValue == $0.rawValue } ?? true)
                        && (createdFrom.map { request.createdAt >= $0 } ?? true) && (createdTo.map { request.createdAt <= $0 } ?? true)
                }
                .map { request in
                    Schemas.RemediationRequestListItem(
                        callPurpose: request.callPurpose, createdAt: request.createdAt, id: request.id,
                        phoneNumbersCount: request.phoneNumbersCount, status: request.status, tier1CompletedAt: request.tier1CompletedAt,
                        tier2CompletedAt: request.tier2CompletedAt, updatedAt: request.updatedAt)
                }
            let page = paging.slice(items)
            return (Array(page.items), page.meta)
        }
    }

    /// What the carriers make of a number, from its reputation when it was sent: high or medium
    /// risk is remediated (one high-risk number in four goes to manual review, a
    /// `scam_likely` one is refused); low risk, or no data, was not flagged.
    static func outcome(of record: Schemas.ReputationPhoneNumber?, seed: UInt64) -> RemediationOutcome {
        guard let data = record?.reputationData, let risk = data.spamRisk?.known else { return .notFlagged }
        if data.spamCategory == "scam_likely" { return .refused }
        switch risk {
        case .low: return .notFlagged
        case .medium: return .remediated
        case .high:
            var generator = SeededGenerator(seed: seed, key: "remediation \(record?.phoneNumber ?? "")")
            return generator.next() % 4 == 0 ? .requiresReview : .remediated
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

extension WorldState {
    /// Whether a number was remediated for the enterprise within the cooldown.
    func inCooldown(_ phoneNumber: String, enterpriseId: String, now: Date) -> Bool {
        additions.remediations.values.contains { record in
            record.enterpriseId == enterpriseId && record.outcomes[phoneNumber] == .remediated && record.request.status.is(.completed)
                && (record.request.tier2CompletedAt.map { now.timeIntervalSince($0) < RemediationRules.cooldown } ?? false)
        }
    }

    /// Moves each unfinished request through its tiers as the clock passes them.
    mutating func settleRemediations(now: Date) {
        guard let records = storedAdditions?.remediations,
            records.values.contains(where: { $0.request.status.known.map { [.pending, .inProgress].contains($0) } == true })
        else { return }
        for (id, var record) in records where record.request.status.known.map({ [.pending, .inProgress].contains($0) }) == true {
            var request = record.request
            if now >= record.startsAt {
                request.status = .init(.inProgress)
                request.updatedAt = record.startsAt
            }
            if now >= record.tier1At, request.tier1CompletedAt == nil {
                request.tier1CompletedAt = record.tier1At
                request.updatedAt = record.tier1At
            }
            if now >= record.tier2At {
                request.tier2CompletedAt = record.tier2At
                request.status = .init(.completed)
                request.updatedAt = record.tier2At
                func numbers(_ outcome: RemediationOutcome) -> [String] { record.submitted.filter { record.outcomes[$0] == outcome } }
                request.results = .init(
                    ineligible: record.ineligible, notFlagged: numbers(.notFlagged), refused: numbers(.refused),
                    remediated: numbers(.remediated), requiresReview: numbers(.requiresReview))
            }
            record.request = request
            additions.remediations[id] = record
        }
    }
}
