import Foundation

extension SimulatorWorld {
    /// `POST /phone_numbers/actions/verify_ownership`: which of 1 to 1,000 numbers are in the
    /// account's inventory (whatever their status), and which are not.
    func verifyOwnership(_ phoneNumbers: [String]) throws -> Schemas.PhoneNumberVerifyOwnershipResponse {
        guard !phoneNumbers.isEmpty, phoneNumbers.count <= 1000 else {
            throw SimulatorError.invalid(
                "phone_numbers lists \(phoneNumbers.count) numbers; give 1 to 1000", pointer: "/body/phone_numbers")
        }
        return read { state, _ in
            var found: [Schemas.PhoneNumberVerifyOwnershipResponse.FoundPayloadPayload] = []
            var notFound: [String] = []
            for number in phoneNumbers {
                if let index = state.inventoryIndex[number] {
                    found.append(.init(id: state.inventory[index].id, numberValE164: number))
                } else {
                    notFound.append(number)
                }
            }
            return .init(found: found, notFound: notFound, recordType: "number_ownership_verification")
        }
    }

    /// `POST …/reputation/external_verification`: the ownership proof, replacing one pending or
    /// rejected; refused (409) once approved.
    func submitExternalVerification(enterpriseId: String, _ body: Schemas.ExternalVerificationCreate) throws -> Schemas.ExternalVerification
    {
        try transact { state, now in
            _ = try state.enterprise(enterpriseId)
            guard !body.documentIds.isEmpty else {
                throw SimulatorError.invalid("document_ids must list at least one document", pointer: "/body/document_ids")
            }
            var problems: [SimulatorError.Entry] = []
            for (index, id) in body.documentIds.enumerated() where state.documents[id] == nil {
                problems.append(
                    .init(
                        code: "10005", title: "Invalid parameters",
                        detail: "Document \(id) not found (unlinked documents are deleted 30 minutes after upload).",
                        pointer: "/body/document_ids/\(index)"))
            }
            for (index, number) in (body.phoneNumbers ?? []).enumerated() {
                if let problem = NumberRules.shapeProblem(number) {
                    problems.append(
                        .init(code: "10005", title: "Invalid parameters", detail: problem, pointer: "/body/phone_numbers/\(index)"))
                }
            }
            if !problems.isEmpty { throw SimulatorError.invalid(problems) }
            var additions = state.additions
            if let existing = additions.externalVerifications[enterpriseId], existing.verification.status?.is(.approved) == true {
                throw SimulatorError.conflict("The ownership proof is approved; it cannot be replaced.")
            }
            let rejectFirst = options.ownershipReview == .rejected && additions.externalVerifications[enterpriseId] == nil
            let verification = Schemas.ExternalVerification(
                documentIds: body.documentIds, enterpriseId: enterpriseId, phoneNumbers: body.phoneNumbers ?? [], rejectionReason: nil,
                reviewedAt: nil, status: .init(.pending), submittedAt: now)
            for id in body.documentIds { state.documents[id]?.linkedTo = enterpriseId }
            additions.externalVerifications[enterpriseId] = ExternalVerificationRecord(
                verification: verification,
                decision: ReviewDecision(at: now.addingTimeInterval(options.ownershipReview.delay()), approve: !rejectFirst),
                rejectionReason: rejectFirst ? OwnershipReview.rejectionReason : nil)
            state.additions = additions
            state.mirrorExternalVerification(enterpriseId, now: now)
            return verification
        }
    }

    /// `GET …/reputation/external_verification`: 404 before any submission.
    func externalVerification(enterpriseId: String) throws -> Schemas.ExternalVerification {
        try transact { state, _ in
            _ = try state.enterprise(enterpriseId)
            guard let record = state.additions.externalVerifications[enterpriseId] else {
                throw SimulatorError.notFound("No ownership proof was submitted for this enterprise.")
            }
            return record.verification
        }
    }

    /// The admin override: decide the ownership proof now.
    public func decideExternalVerification(enterpriseId: String, approve: Bool, reason: String?) throws {
        try transact { state, now in
            guard var record = state.additions.externalVerifications[enterpriseId] else {
                throw SimulatorError.notFound("No ownership proof was submitted for this enterprise.")
            }
            record.decision = ReviewDecision(at: now, approve: approve)
            record.rejectionReason = approve ? nil : (reason ?? OwnershipReview.rejectionReason)
            state.additions.externalVerifications[enterpriseId] = record
            state.settleExternalVerifications(now: now)
        }
    }

    /// `GET …/numbers/{n}/ownership`: the number's tracking and its history, newest first.
    func ownershipDetail(enterpriseId: String, phoneNumber: String) throws -> Schemas.ReputationOwnershipDetail {
        try transact { state, _ in
            _ = try state.monitoredNumberOwner(phoneNumber, enterpriseId: enterpriseId)
            return state.ownershipDetail(phoneNumber)
        }
    }

    /// `POST …/numbers/{n}/ownership_confirm`: `still_own` true returns the number to `verified`
    /// with its carrier now as the baseline; false removes it at once (`ported_away` after a
    /// carrier change, else `customer_reported`). Only a number waiting for a confirmation (or
    /// flagged after one went unanswered) can be answered.
    func confirmOwnership(
        enterpriseId: String, phoneNumber: String, _ body: Schemas.ReputationOwnershipConfirm
    ) throws -> Schemas.ReputationPhoneNumber {
        try transact { state, now in
            _ = try state.monitoredNumberOwner(phoneNumber, enterpriseId: enterpriseId)
            guard var number = state.numbers[phoneNumber] else {
                throw SimulatorError.notFound("Phone number \(phoneNumber) is not monitored.")
            }
            let status = number.record.ownershipStatus?.known
            guard status == .pendingConfirmation || status == .flagged else {
                throw SimulatorError.badRequest(
                    "Phone number \(phoneNumber) is not waiting for an ownership confirmation (ownership_status: \(number.record.ownershipStatus?.rawValue ?? "verified"))."
                )
            }
            if let evidence = body.evidenceDocumentId {
                guard state.documents[evidence] != nil else {
                    throw SimulatorError.invalid("Document \(evidence) not found.", pointer: "/body/evidence_document_id")
                }
                state.documents[evidence]?.linkedTo = enterpriseId
            }
            let carrierChanged = number.record.flagReason == "carrier_changed"
            guard body.stillOwn else {
                state.record(phoneNumber, .init(eventType: "confirm", occurredAt: now, outcome: "not_owned"))
                let reason: Schemas.ReputationPhoneNumber.RemovalReasonPayload.Known = carrierChanged ? .portedAway : .customerReported
                return state.remove(phoneNumber, reason: reason, now: now)
            }
            var ownership = state.additions.ownership[phoneNumber]
            ownership?.baselineCarrier = state.currentCarrier(phoneNumber, seed: options.seed)
            ownership?.baselineRecordedAt = now
            ownership?.reverificationDueAt = now.addingTimeInterval(OwnershipRules.reverificationInterval)
            state.additions.ownership[phoneNumber] = ownership
            state.additions.carrierChanges[phoneNumber] = nil
            state.record(phoneNumber, .init(eventType: "confirm", occurredAt: now, outcome: "still_own"))
            number = state.numbers[phoneNumber]!
            number.record.ownershipStatus = .init(.verified)
            number.record.flagReason = nil
            number.record.confirmBy = nil
            number.record.updatedAt = now
            state.numbers[phoneNumber] = number
            return number.record
        }
    }

    /// The admin route: the number moves to another carrier; the next daily check flags it
    /// (a Telnyx-hosted number leaves the inventory and is removed at once, `ported_away`).
    public func portAway(phoneNumber: String) throws {
        try transact { state, now in
            guard state.numbers[phoneNumber] != nil else { throw SimulatorError.notFound("Phone number \(phoneNumber) is not monitored.") }
            if state.numbers[phoneNumber]?.record.source?.known == .external {
                state.additions.carrierChanges[phoneNumber] = now
            } else {
                if let index = state.inventoryIndex[phoneNumber] { state.inventory[index].status = "ported-out" }
                _ = state.remove(phoneNumber, reason: .portedAway, now: now)
            }
        }
    }

    /// The admin route: flag the number now, as a daily check finding a carrier change would
    /// (`carrier_changed`) or as a re-verification falling due (`reverification_due`).
    public func flagOwnership(phoneNumber: String, reason: String) throws {
        try transact { state, now in
            guard state.numbers[phoneNumber] != nil else { throw SimulatorError.notFound("Phone number \(phoneNumber) is not monitored.") }
            switch reason {
            case "carrier_changed":
                state.additions.carrierChanges[phoneNumber] = state.additions.carrierChanges[phoneNumber] ?? now
                state.askConfirmation(phoneNumber, reason: reason, at: now, within: OwnershipRules.confirmAfterCarrierChange)
            case "reverification_due":
                state.askConfirmation(phoneNumber, reason: reason, at: now, within: OwnershipRules.confirmAfterReverification)
            default:
                throw SimulatorError.invalid("reason must be carrier_changed or reverification_due", pointer: "/reason")
            }
        }
    }
}

extension WorldState {
    /// Applies reviewers' decisions on ownership proofs that are due.
    mutating func settleExternalVerifications(now: Date) {
        guard let records = storedAdditions?.externalVerifications, records.values.contains(where: { $0.decision != nil }) else { return }
        for (enterpriseId, var record) in records {
            guard let decision = record.decision, decision.at <= now else { continue }
            record.verification.status = .init(decision.approve ? .approved : .rejected)
            record.verification.rejectionReason = decision.approve ? nil : record.rejectionReason
            record.verification.reviewedAt = decision.at
            record.decision = nil
            additions.externalVerifications[enterpriseId] = record
            mirrorExternalVerification(enterpriseId, now: decision.at)
        }
    }

    /// Reputation settings mirror the proof's status (`external_verification_status`).
    mutating func mirrorExternalVerification(_ enterpriseId: String, now: Date) {
        guard var settings = settings[enterpriseId], let record = additions.externalVerifications[enterpriseId] else { return }
        settings.reputation.externalVerificationStatus = record.verification.status
        settings.reputation.updatedAt = now
        self.settings[enterpriseId] = settings
    }

    /// Whether numbers hosted elsewhere can be added for the enterprise.
    func externalNumbersAllowed(_ enterpriseId: String) -> Bool {
        additions.externalVerifications[enterpriseId]?.verification.status?.is(.approved) == true
    }

    /// The carrier a number is on now: Telnyx's for its own, one drawn from the seed for a
    /// number hosted elsewhere, another once it was ported away.
    func currentCarrier(_ phoneNumber: String, seed: UInt64) -> String {
        if additions.carrierChanges[phoneNumber] != nil { return OwnershipRules.portedCarrier }
        if inventoryIndex[phoneNumber] != nil { return OwnershipRules.telnyxCarrier }
        var generator = SeededGenerator(seed: seed, key: "carrier \(phoneNumber)")
        return OwnershipRules.otherCarriers[Int(generator.next() % UInt64(OwnershipRules.otherCarriers.count))]
    }

    /// Starts tracking a number just added.
    mutating func startTracking(_ phoneNumber: String, external: Bool, seed: UInt64, now: Date) {
        guard external else { return }
        additions.ownership[phoneNumber] = OwnershipRecord(
            baselineCarrier: currentCarrier(phoneNumber, seed: seed), baselineRecordedAt: now, lastCheckedAt: nil,
            history: [.init(eventType: "added", occurredAt: now, outcome: nil)],
            reverificationDueAt: now.addingTimeInterval(OwnershipRules.reverificationInterval))
    }

    mutating func record(_ phoneNumber: String, _ event: Schemas.ReputationOwnershipEvent) {
        if additions.ownership[phoneNumber] != nil {
            additions.ownership[phoneNumber]?.history.append(event)
        } else if numbers[phoneNumber] != nil {
            if additions.hostedHistory == nil { additions.hostedHistory = [:] }
            additions.hostedHistory?[phoneNumber, default: []].append(event)
        }
    }

    mutating func askConfirmation(_ phoneNumber: String, reason: String, at: Date, within: Double) {
        guard var number = numbers[phoneNumber] else { return }
        number.record.ownershipStatus = .init(.pendingConfirmation)
        number.record.flagReason = reason
        number.record.confirmBy = at.addingTimeInterval(within)
        number.record.updatedAt = at
        numbers[phoneNumber] = number
        record(phoneNumber, .init(eventType: "flag", occurredAt: at, outcome: reason))
    }

    /// Stops monitoring a number and keeps it as a tombstone with its reason.
    mutating func remove(
        _ phoneNumber: String, reason: Schemas.ReputationPhoneNumber.RemovalReasonPayload.Known, now: Date
    ) -> Schemas.ReputationPhoneNumber {
        guard var record = numbers[phoneNumber]?.record else { preconditionFailure("removing a number that is not monitored") }
        record.ownershipStatus = .init(.removed)
        record.removalReason = .init(reason)
        record.removedAt = now
        record.confirmBy = nil
        record.updatedAt = now
        self.record(phoneNumber, .init(eventType: "removed", occurredAt: now, outcome: reason.rawValue))
        let owner = record.enterpriseId ?? ""
        numbers[phoneNumber] = nil
        numbersByEnterprise[owner]?.removeAll { $0 == phoneNumber }
        additions.tombstones[owner, default: []].append(record)
        additions.ownership[phoneNumber] = nil
        additions.carrierChanges[phoneNumber] = nil
        additions.hostedHistory?[phoneNumber] = nil
        return record
    }

    /// Runs the daily checks, re-verifications and deadlines that fell due, in time order.
    mutating func settleOwnership(now: Date) {
        guard let tracked = storedAdditions?.ownership, !tracked.isEmpty else { return }
        // Sorted, so that tombstones of numbers removed at one settle come in the same order each run.
        for phoneNumber in tracked.keys.sorted() {
            while let (at, event) = nextOwnershipEvent(phoneNumber), at <= now {
                switch event {
                case .carrierChanged:
                    additions.ownership[phoneNumber]?.lastCheckedAt = at
                    askConfirmation(phoneNumber, reason: "carrier_changed", at: at, within: OwnershipRules.confirmAfterCarrierChange)
                case .reverificationDue:
                    additions.ownership[phoneNumber]?.reverificationDueAt = at.addingTimeInterval(OwnershipRules.reverificationInterval)
                    askConfirmation(phoneNumber, reason: "reverification_due", at: at, within: OwnershipRules.confirmAfterReverification)
                case .deadline(let carrierChanged):
                    if carrierChanged {
                        _ = remove(phoneNumber, reason: .unconfirmedOwnership, now: at)
                    } else {
                        var number = numbers[phoneNumber]!
                        number.record.ownershipStatus = .init(.flagged)
                        number.record.confirmBy = nil
                        number.record.updatedAt = at
                        numbers[phoneNumber] = number
                        record(phoneNumber, .init(eventType: "flag", occurredAt: at, outcome: "unconfirmed"))
                    }
                }
            }
            // The daily check ran at each 24 hours since the baseline; only changes are kept as events.
            if var ownership = additions.ownership[phoneNumber] {
                let checks = (now.timeIntervalSince(ownership.baselineRecordedAt) / OwnershipRules.checkInterval).rounded(.down)
                if checks >= 1 {
                    ownership.lastCheckedAt = ownership.baselineRecordedAt.addingTimeInterval(checks * OwnershipRules.checkInterval)
                    additions.ownership[phoneNumber] = ownership
                }
            }
        }
    }

    enum OwnershipEvent {
        case carrierChanged
        case reverificationDue
        case deadline(carrierChanged: Bool)
    }

    /// The number's next ownership event, if any.
    func nextOwnershipEvent(_ phoneNumber: String) -> (Date, OwnershipEvent)? {
        guard let ownership = additions.ownership[phoneNumber], let record = numbers[phoneNumber]?.record else { return nil }
        switch record.ownershipStatus?.known {
        case .pendingConfirmation?:
            guard let confirmBy = record.confirmBy else { return nil }
            return (confirmBy, .deadline(carrierChanged: record.flagReason == "carrier_changed"))
        case .removed?:
            return nil
        case .verified?, .flagged?, nil:
            var next: (Date, OwnershipEvent)?
            if let changedAt = additions.carrierChanges[phoneNumber] {
                // The first daily check at or after the change.
                let since = max(0, changedAt.timeIntervalSince(ownership.baselineRecordedAt))
                let check = ownership.baselineRecordedAt.addingTimeInterval(
                    max(1, (since / OwnershipRules.checkInterval).rounded(.up)) * OwnershipRules.checkInterval)
                next = (check, .carrierChanged)
            }
            if record.ownershipStatus?.known != .flagged, next.map({ ownership.reverificationDueAt < $0.0 }) ?? true {
                next = (ownership.reverificationDueAt, .reverificationDue)
            }
            return next
        }
    }

    /// The ownership detail Telnyx serves: tracked numbers hosted elsewhere in full; a
    /// Telnyx-hosted number follows the inventory (its baseline Telnyx, added when associated).
    func ownershipDetail(_ phoneNumber: String) -> Schemas.ReputationOwnershipDetail {
        let record = numbers[phoneNumber]?.record
        guard let ownership = additions.ownership[phoneNumber] else {
            return .init(
                baselineCarrier: OwnershipRules.telnyxCarrier, baselineRecordedAt: record?.createdAt, confirmBy: record?.confirmBy,
                flagReason: record?.flagReason,
                history: ([.init(eventType: "added", occurredAt: record?.createdAt ?? Date(), outcome: nil)]
                    + (additions.hostedHistory?[phoneNumber] ?? [])).reversed(),
                lastCheckedAt: nil, ownershipStatus: record?.ownershipStatus ?? .init(.verified), phoneNumber: phoneNumber,
                source: record?.source ?? .init(.telnyx))
        }
        return .init(
            baselineCarrier: ownership.baselineCarrier, baselineRecordedAt: ownership.baselineRecordedAt, confirmBy: record?.confirmBy,
            flagReason: record?.flagReason, history: ownership.history.reversed(), lastCheckedAt: ownership.lastCheckedAt,
            ownershipStatus: record?.ownershipStatus ?? .init(.verified), phoneNumber: phoneNumber,
            source: record?.source ?? .init(.external))
    }
}
