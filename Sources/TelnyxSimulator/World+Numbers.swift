import Foundation

extension SimulatorWorld {
    static let maximumBatch = 100

    /// Atomic: one bad number fails the whole batch, with one error entry per bad number.
    func associate(enterpriseId: String, phoneNumbers: [String]) throws -> [Schemas.ReputationPhoneNumber] {
        try Self.checkBatchSize(phoneNumbers)
        return try transact { state, now in
            let settings = try state.settings(enterpriseId).reputation
            guard settings.status?.is(.approved) == true, settings.loaStatus?.is(.approved) == true else {
                throw SimulatorError.badRequest(
                    "Numbers can be added only once both the enterprise (status: \(settings.status?.rawValue ?? "unknown")) and its LOA (loa_status: \(settings.loaStatus?.rawValue ?? "unknown")) are approved."
                )
            }
            var problems: [SimulatorError.Entry] = []
            var needsProof: [String] = []
            var seen = Set<String>()
            for (index, number) in phoneNumbers.enumerated() {
                let pointer = "/body/phone_numbers/\(index)"
                func fail(_ detail: String, code: String = "10005", title: String = "Invalid parameters") {
                    problems.append(.init(code: code, title: title, detail: detail, pointer: pointer))
                }
                if let problem = NumberRules.shapeProblem(number) {
                    fail(problem)
                    continue
                }
                guard seen.insert(number).inserted else {
                    fail("'\(number)' is listed more than once in this request.")
                    continue
                }
                if let existing = state.numbers[number] {
                    fail(
                        "'\(number)' is already monitored by enterprise \(existing.record.enterpriseId ?? "unknown").",
                        code: "10021", title: "Resource in use")
                    continue
                }
                guard let inventoryIndex = state.inventoryIndex[number] else {
                    // Hosted elsewhere: US local only, once the enterprise's ownership proof is approved.
                    if NumberRules.isTollFree(number) {
                        fail(
                            "'\(number)' is a toll-free number not hosted at Telnyx; only Telnyx-hosted toll-free numbers can be monitored."
                        )
                    } else if !state.externalNumbersAllowed(enterpriseId) {
                        needsProof.append(number)
                    }
                    continue
                }
                let owned = state.inventory[inventoryIndex]
                if owned.countryISO != "US" {
                    fail("'\(number)' is not a US number (\(owned.countryISO)); only US numbers can be monitored.")
                    continue
                }
                if owned.status != "active" {
                    fail("'\(number)' is not in service (status: \(owned.status)).")
                    continue
                }
            }
            if !problems.isEmpty { throw SimulatorError.invalid(problems) }
            if !needsProof.isEmpty {
                throw SimulatorError(
                    status: 400, code: "10015", title: "Bad Request",
                    detail:
                        "external_verification_required: \(needsProof.joined(separator: ", ")) \(needsProof.count == 1 ? "is" : "are") not hosted at Telnyx; numbers hosted elsewhere can be monitored once the enterprise's ownership proof is approved."
                )
            }
            var added: [Schemas.ReputationPhoneNumber] = []
            for number in phoneNumbers {
                let external = state.inventoryIndex[number] == nil
                let record = Schemas.ReputationPhoneNumber(
                    createdAt: now, enterpriseId: enterpriseId, id: state.newID(), ownershipStatus: .init(.verified), phoneNumber: number,
                    reputationData: nil, source: .init(external ? .external : .telnyx), updatedAt: now)
                state.numbers[number] = MonitoredNumber(record: record, lookups: 0)
                state.startTracking(number, external: external, seed: options.seed, now: now)
                state.numbersByEnterprise[enterpriseId, default: []].append(number)
                state.bill(
                    .associate, enterpriseId: enterpriseId, phoneNumber: number, amount: options.prices.associatePerNumberUSD, at: now)
                added.append(record)
            }
            return added
        }
    }

    struct NumberFilter {
        var contains: String?
        var equals: String?
        var source: Schemas.ReputationNumberSource?
        /// `removed` lists the tombstones instead of the monitored numbers.
        var ownershipStatus: Schemas.ReputationOwnershipStatus?

        /// `contains` needs at least five digits, as on Telnyx.
        func check() throws(SimulatorError) {
            if let contains, contains.filter(\.isNumber).count < 5 {
                throw .invalid(
                    "filter[phone_number][contains] needs at least 5 digits", parameter: "filter[phone_number][contains]")
            }
        }

        /// No criterion given: every monitored number is listed.
        var acceptsAll: Bool { contains == nil && equals == nil && source == nil && ownershipStatus == nil }

        func accepts(_ record: Schemas.ReputationPhoneNumber) -> Bool {
            guard let number = record.phoneNumber else { return false }
            if let source, (record.source ?? .init(.telnyx)).rawValue != source.rawValue { return false }
            if let ownershipStatus, (record.ownershipStatus ?? .init(.verified)).rawValue != ownershipStatus.rawValue { return false }
            if let equals, number != equals { return false }
            if let contains {
                let digits = contains.filter(\.isNumber)
                if !number.filter(\.isNumber).contains(digits) { return false }
            }
            return true
        }
    }

    /// Lists one enterprise's numbers, or every enterprise's when `enterpriseId` is nil; with
    /// `filter[ownership_status]=removed`, their tombstones instead (never counted otherwise).
    func listNumbers(
        enterpriseId: String?, filter: NumberFilter, paging: Paging
    ) throws -> ([Schemas.ReputationPhoneNumber], Schemas.NumberReputationPaginationMeta) {
        try filter.check()
        return try transact { state, _ in
            if let enterpriseId { _ = try state.settings(enterpriseId) }
            if let enterpriseId, filter.acceptsAll {
                // One page of one enterprise's numbers: only that page's records are copied (a
                // watch of 10,000 numbers asks 40 pages at once, each under this lock).
                let page = paging.slice(state.numbersByEnterprise[enterpriseId] ?? [])
                return (page.items.compactMap { state.numbers[$0]?.record }, page.meta)
            }
            let enterprises = enterpriseId.map { [$0] } ?? state.enterpriseOrder
            let records: [Schemas.ReputationPhoneNumber] =
                filter.ownershipStatus?.is(.removed) == true
                ? enterprises.flatMap { state.additions.tombstones[$0] ?? [] }
                : enterprises.flatMap { state.numbersByEnterprise[$0] ?? [] }.compactMap { state.numbers[$0]?.record }
            let matching = records.filter(filter.accepts)
            let page = paging.slice(matching)
            return (Array(page.items), page.meta)
        }
    }

    /// Cached data is free; a number without data, or `fresh`, is looked up live and billed. A
    /// number the analytics networks have no data for stays `reputation_data: null` after the
    /// lookup (Telnyx's docs), so each read of it is live and billed again.
    func numberReputation(enterpriseId: String?, phoneNumber: String, fresh: Bool) throws -> Schemas.ReputationPhoneNumber {
        try transact { state, now in
            let owner = try state.monitoredNumberOwner(phoneNumber, enterpriseId: enterpriseId)
            let settings = try state.settings(owner).reputation
            guard settings.status?.is(.approved) == true else {
                throw SimulatorError.forbidden("The enterprise is not approved yet (status: \(settings.status?.rawValue ?? "unknown")).")
            }
            if fresh || state.numbers[phoneNumber]?.record.reputationData == nil {
                state.lookUp(phoneNumber, seed: options.seed, now: now)
                state.bill(.liveRead, enterpriseId: owner, phoneNumber: phoneNumber, amount: options.prices.liveReadUSD, at: now)
            }
            return state.numbers[phoneNumber]!.record
        }
    }

    func removeNumber(enterpriseId: String?, phoneNumber: String) throws {
        try transact { state, now in
            _ = try state.monitoredNumberOwner(phoneNumber, enterpriseId: enterpriseId)
            // A DELETE leaves a tombstone too (inferred: Telnyx lists `customer_removed`).
            _ = state.remove(phoneNumber, reason: .customerRemoved, now: now)
        }
    }

    /// Refreshes each listed number of the enterprise, billing each one refreshed.
    func refresh(enterpriseId: String, phoneNumbers: [String]) throws -> Schemas.RefreshReputationResponse.DataPayload {
        try Self.checkBatchSize(phoneNumbers)
        return try transact { state, now in
            let settings = try state.settings(enterpriseId).reputation
            guard settings.status?.is(.approved) == true else {
                throw SimulatorError.forbidden("The enterprise is not approved yet (status: \(settings.status?.rawValue ?? "unknown")).")
            }
            let window = (state.refreshRequests[enterpriseId] ?? []).filter { now.timeIntervalSince($0) < 60 }
            guard window.count < options.refreshLimitPerMinute else {
                throw SimulatorError.rateLimited(
                    "Refresh is limited to \(options.refreshLimitPerMinute) requests per minute per enterprise.")
            }
            state.refreshRequests[enterpriseId] = window + [now]
            var results: [Schemas.RefreshReputationResponse.DataPayload.ResultsPayloadPayload] = []
            for number in phoneNumbers {
                guard state.numbers[number]?.record.enterpriseId == enterpriseId else {
                    results.append(
                        .init(error: "Phone number is not registered with this enterprise.", phoneNumber: number, success: false))
                    continue
                }
                state.lookUp(number, seed: options.seed, now: now)
                state.bill(.refresh, enterpriseId: enterpriseId, phoneNumber: number, amount: options.prices.refreshPerNumberUSD, at: now)
                results.append(.init(error: nil, phoneNumber: number, success: true))
            }
            let successful = results.filter(\.success).count
            return .init(
                results: results, totalFailed: results.count - successful, totalRequested: results.count, totalSuccessful: successful)
        }
    }

    static func checkBatchSize(_ phoneNumbers: [String]) throws(SimulatorError) {
        guard !phoneNumbers.isEmpty else {
            throw .invalid("phone_numbers must list at least one number", pointer: "/body/phone_numbers")
        }
        guard phoneNumbers.count <= maximumBatch else {
            throw .invalid(
                "phone_numbers lists \(phoneNumbers.count) numbers; at most \(maximumBatch) are allowed per request",
                pointer: "/body/phone_numbers")
        }
    }
}

extension WorldState {
    /// The enterprise a monitored number belongs to, checked against the one in the path.
    func monitoredNumberOwner(_ phoneNumber: String, enterpriseId: String?) throws(SimulatorError) -> String {
        if let enterpriseId { _ = try settings(enterpriseId) }
        guard let owner = numbers[phoneNumber]?.record.enterpriseId, enterpriseId == nil || owner == enterpriseId else {
            throw .notFound("Phone number \(phoneNumber) is not monitored\(enterpriseId == nil ? "" : " by this enterprise").")
        }
        return owner
    }

    mutating func lookUp(_ phoneNumber: String, seed: UInt64, now: Date) {
        guard var monitored = numbers[phoneNumber] else { return }
        monitored.lookups += 1
        let sample = ReputationGenerator.sample(
            seed: seed, phoneNumber: phoneNumber, lookup: monitored.lookups, steeredRisk: storedAdditions?.steeredRisks?[phoneNumber])
        // A lookup writes the record (inferred: it stamps `updated_at`, the only sign of a live
        // read of a number without data); later than the last write even on a frozen clock.
        monitored.record.updatedAt = max(now, (monitored.record.updatedAt ?? now).addingTimeInterval(0.001))
        guard sample != ReputationSample() else {
            // No analytics yet: the data stays null, and the next read is live (and billed) again.
            monitored.record.reputationData = nil
            numbers[phoneNumber] = monitored
            return
        }
        // Each live check is later than the last, even on a frozen clock (as on Telnyx's, which
        // always moves): a check is told from the cached reading by its time.
        let refreshedAt = max(now, monitored.record.reputationData?.lastRefreshedAt?.addingTimeInterval(0.001) ?? now)
        monitored.record.reputationData = Schemas.ReputationData(
            connectionScore: sample.connectionScore, engagementScore: sample.engagementScore, lastRefreshedAt: refreshedAt,
            maturityScore: sample.maturityScore, sentimentScore: sample.sentimentScore, spamCategory: sample.spamCategory,
            spamRisk: sample.spamRisk.map(Schemas.ReputationData.SpamRiskPayload.init(rawValue:)))
        numbers[phoneNumber] = monitored
    }
}

extension SimulatorWorld {
    /// The admin steer: every lookup of the monitored number from now on (scheduled, refreshed or
    /// read) finds `risk` (`low`, `medium` or `high`); nil lets the drawn risk back. Nothing is
    /// looked up or billed here.
    public func steerRisk(phoneNumber: String, risk: String?) throws {
        if let risk, !ReputationGenerator.risks.contains(risk) {
            throw SimulatorError.invalid("spam_risk must be low, medium, high or null", pointer: "/spam_risk")
        }
        try transact { state, _ in
            _ = try state.monitoredNumberOwner(phoneNumber, enterpriseId: nil)
            var steered = state.additions.steeredRisks ?? [:]
            steered[phoneNumber] = risk
            state.additions.steeredRisks = steered
        }
    }
}
