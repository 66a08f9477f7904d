import Foundation

extension SimulatorWorld {
    /// Enabling is billed; the reviewers' verdicts are scheduled by the scenario.
    func enableReputation(enterpriseId: String, _ body: Schemas.EnterpriseReputationCreate) throws -> Schemas.EnterpriseReputationPublic {
        if let frequency = body.checkFrequency?.value1 { try Self.checkKnown(frequency) }
        return try transact { state, now in
            var enterprise = try state.enterprise(enterpriseId)
            guard state.tosAgreement != nil else {
                throw SimulatorError.forbidden("Agree to the Number Reputation terms of service before enabling it.")
            }
            guard state.settings[enterpriseId] == nil else {
                throw SimulatorError.badRequest("Number reputation is already enabled for this enterprise.")
            }
            try state.linkLOA(body.loaDocumentId, to: enterpriseId)
            state.vettingSubmissions += 1
            state.loaSubmissions += 1
            let settings = Schemas.EnterpriseReputationPublic(
                checkFrequency: body.checkFrequency?.value1 ?? .init(.businessDaily), createdAt: now, enterpriseId: enterpriseId,
                loaDocumentId: body.loaDocumentId, loaStatus: .init(.pending), rejectionReasons: nil, status: .init(.pending),
                updatedAt: now)
            let rejectVetting = options.scenario == .vettingRejected && state.vettingSubmissions == 1
            state.settings[enterpriseId] = SettingsRecord(
                reputation: settings,
                vettingDecision: ReviewDecision(at: now.addingTimeInterval(Scenario.vettingDelay), approve: !rejectVetting),
                loaDecision: state.scheduleLOAReview(scenario: options.scenario, now: now))
            enterprise.numberReputationEnabled = true
            state.enterprises[enterpriseId] = enterprise
            state.bill(.enable, enterpriseId: enterpriseId, amount: options.prices.enableUSD, at: now)
            return settings
        }
    }

    func reputationSettings(enterpriseId: String) throws -> Schemas.EnterpriseReputationPublic {
        try transact { state, _ in try state.settings(enterpriseId).reputation }
    }

    /// De-registers every number; enabling again needs a new LOA.
    func disableReputation(enterpriseId: String) throws {
        try transact { state, _ in
            _ = try state.settings(enterpriseId)
            state.settings[enterpriseId] = nil
            for phoneNumber in state.numbersByEnterprise.removeValue(forKey: enterpriseId) ?? [] {
                state.numbers[phoneNumber] = nil
            }
            state.enterprises[enterpriseId]?.numberReputationEnabled = false
        }
    }

    /// A frequency sent must be one Telnyx lists (its enums are open only in what it answers).
    static func checkKnown(_ frequency: Schemas.ReputationCheckFrequency) throws(SimulatorError) {
        guard frequency.known != nil else {
            throw .invalid(
                "check_frequency must be one of \(Schemas.ReputationCheckFrequency.Known.allCases.map(\.rawValue).joined(separator: ", "))",
                pointer: "/body/check_frequency")
        }
    }

    func updateFrequency(enterpriseId: String, _ frequency: Schemas.ReputationCheckFrequency) throws -> Schemas.EnterpriseReputationPublic {
        try Self.checkKnown(frequency)
        return try transact { state, now in
            var record = try state.settings(enterpriseId)
            guard record.reputation.status?.is(.approved) == true else {
                throw SimulatorError.badRequest(
                    "Check frequency can only be changed once the enterprise is approved (status is \(record.reputation.status?.rawValue ?? "unknown"))."
                )
            }
            record.reputation.checkFrequency = frequency
            record.reputation.updatedAt = now
            state.settings[enterpriseId] = record
            return record.reputation
        }
    }

    /// A rejected or pending LOA can be replaced; an approved one cannot.
    func replaceLOA(enterpriseId: String, documentId: String) throws -> Schemas.EnterpriseReputationPublic {
        try transact { state, now in
            var record = try state.settings(enterpriseId)
            guard record.reputation.loaStatus?.is(.approved) != true else {
                throw SimulatorError.badRequest("The LOA is already approved and cannot be replaced.")
            }
            try state.linkLOA(documentId, to: enterpriseId)
            state.loaSubmissions += 1
            record.reputation.loaDocumentId = documentId
            record.reputation.loaStatus = .init(.pending)
            record.reputation.updatedAt = now
            record.loaDecision = state.scheduleLOAReview(scenario: options.scenario, now: now)
            state.settings[enterpriseId] = record
            return record.reputation
        }
    }

    /// `PATCH …/reputation/webhook`: a public HTTPS URL, or nil (JSON `null`) to stop.
    func setWebhook(enterpriseId: String, url: String?) throws -> Schemas.EnterpriseReputationPublic {
        if let url {
            guard let parsed = URL(string: url), parsed.scheme?.lowercased() == "https", let host = parsed.host?.lowercased(), !host.isEmpty
            else { throw SimulatorError.invalid("webhook_url must be a public HTTPS URL", pointer: "/body/webhook_url") }
            let local =
                host == "localhost" || host.hasSuffix(".local") || host.hasPrefix("127.") || host.hasPrefix("10.")
                || host.hasPrefix("192.168.") || host == "[::1]" || host == "::1"
            guard !local else {
                throw SimulatorError.invalid("webhook_url must be reachable from the internet", pointer: "/body/webhook_url")
            }
        }
        return try transact { state, now in
            var record = try state.settings(enterpriseId)
            record.reputation.webhookUrl = url
            record.reputation.updatedAt = now
            state.settings[enterpriseId] = record
            return record.reputation
        }
    }

    /// The admin override: set the gates by hand (any value, known or not), cancelling scheduled
    /// verdicts.
    public func setGates(enterpriseId: String, status: String?, loaStatus: String?, rejectionReasons: [String]?) throws {
        try transact { state, now in
            var record = try state.settings(enterpriseId)
            // Any value: a test can send one Telnyx may add later (`in_review`) to see it tolerated.
            if let status {
                guard !status.isEmpty else { throw SimulatorError.invalid("status must not be empty", pointer: "/status") }
                record.reputation.status = .init(rawValue: status)
                record.vettingDecision = nil
            }
            if let loaStatus {
                guard !loaStatus.isEmpty else { throw SimulatorError.invalid("loa_status must not be empty", pointer: "/loa_status") }
                record.reputation.loaStatus = .init(rawValue: loaStatus)
                record.loaDecision = nil
            }
            if let rejectionReasons {
                record.reputation.rejectionReasons = rejectionReasons.isEmpty ? nil : rejectionReasons
            } else if status != nil {
                record.reputation.rejectionReasons = record.reputation.status?.is(.rejected) == true ? ["Rejected by the reviewer."] : nil
            }
            record.reputation.updatedAt = now
            state.settings[enterpriseId] = record
        }
    }

    func renderLOA(enterpriseId: String, _ body: Schemas.EnterpriseReputationLoaRender?) throws -> [UInt8] {
        try LOARules.check(body)
        let enterprise = try transact { state, _ in
            let enterprise = try state.enterprise(enterpriseId)
            guard state.tosAgreement != nil else {
                throw SimulatorError.forbidden("Agree to the Number Reputation terms of service before rendering the LOA.")
            }
            return enterprise
        }
        return LOADocument.render(enterprise: enterprise, agent: body?.agent, signature: body?.signature, date: clock.now)
    }
}

extension WorldState {
    func scheduleLOAReview(scenario: Scenario, now: Date) -> ReviewDecision {
        let delay = scenario == .slowReview ? Scenario.slowLoaReviewDelay : Scenario.loaReviewDelay
        let reject = scenario == .loaRejected && loaSubmissions == 1
        return ReviewDecision(at: now.addingTimeInterval(delay), approve: !reject)
    }
}
