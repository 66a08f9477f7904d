import Foundation

/// Steps 7 to 9: adding, reading, refreshing and removing numbers, and the check frequency.
extension Decision {
    mutating func onAddNumbers(numbers: [String], setAside: [String: String]) -> Transition {
        guard state.step >= .associate, state.gates?.bothApproved == true else {
            return refuse("Numbers can be added once Telnyx approves both the enterprise and the LOA.")
        }
        var seen = Set(state.monitoredNumbers)
        let new = numbers.filter { seen.insert($0).inserted }
        guard !new.isEmpty else {
            guard setAside.isEmpty else { return refuse("No number can be added: \(SetAsideNumbers.summary(setAside)).") }
            return refuse("All these numbers are already monitored.")
        }
        return ask(.associate(numbers: new), setAside: SetAsideNumbers(setAside))
    }

    mutating func onNumbersAssociated(numbers: [String], setAside: [String: String]) -> Transition {
        var seen = Set(next.monitoredNumbers)
        next.monitoredNumbers += numbers.filter { seen.insert($0).inserted }
        if !setAside.isEmpty {
            next.lastError = Failure(message: "\(SetAsideNumbers.summary(setAside)).", fieldProblems: SetAsideNumbers(setAside).named)
        }
        if next.step == .associate && !next.monitoredNumbers.isEmpty { next.step = .query }
        return settle() ?? stay()
    }

    mutating func onQuery(numbers asked: [String], fresh: Bool) -> Transition {
        guard state.step >= .query, let enterprise = state.enterprise else { return refuse("Add numbers first (step 7).") }
        // Step 8 is the first read: after some answers failed, reading again reads the numbers
        // not read yet, so one read already (a number without data bills each read) is not billed twice.
        let unread = asked.filter { !state.queriedNumbers.contains($0) }
        let numbers = state.step == .query && !fresh && !unread.isEmpty ? unread : asked
        // A number never read has no cached data, so its first read is live and billed (api-notes,
        // step 8); so is every read of one the analytics networks have no data for yet.
        let billed = fresh ? numbers : numbers.filter(state.nextReadIsBilled)
        if billed.isEmpty { return send(.queryNumbers(enterpriseId: enterprise.id, numbers: numbers, fresh: false)) }
        return ask(.query(numbers: numbers, fresh: fresh, billed: billed))
    }

    /// Step 8 without reading: the numbers not read yet wait for Telnyx's first scheduled check,
    /// which reads each of them within the check frequency's period (billed by Telnyx then, as
    /// every scheduled check); nothing is sent or billed now.
    mutating func onAwaitScheduledCheck() -> Transition {
        guard state.step == .query else { return refuse("Waiting for Telnyx's first check is a choice of step 8.") }
        guard state.checkFrequency != .never else {
            return refuse(
                "The check frequency is never: Telnyx runs no scheduled check, so nothing would read them. Read them now (billed), or choose a frequency at step 9 (F)."
            )
        }
        let unread = state.monitoredNumbers.filter { !state.queriedNumbers.contains($0) }
        next.awaitingFirstCheck = unread.isEmpty ? nil : Set(unread)
        next.step = .manage
        return stay()
    }

    mutating func onNumbersQueried(numbers: [String], withoutData: [String]) -> Transition {
        next.queriedNumbers.formUnion(numbers)
        next.noteData(read: numbers, withoutData: withoutData)
        // Numbers sent and not read (their answers failed): said, and read again on request.
        var unread: [String] = []
        if case .queryNumbers(_, let sent, _)? = state.inFlight { unread = sent.filter { !Set(numbers).contains($0) } }
        if next.step == .query && !numbers.isEmpty && unread.isEmpty { next.step = .manage }
        return settled(
            leaving: unread,
            "\(unread.count) of \(unread.count + numbers.count) numbers were not read (their answers failed): \(Effect.sample(unread)); read them again."
        )
    }

    /// Numbers the free list shows with data that were never read here, or last read without
    /// data: reading them is no longer billed (Telnyx answers from its cache), so they lose
    /// their `$`.
    mutating func onScheduledReadingsListed(withData numbers: [String]) -> Transition {
        let monitored = Set(state.monitoredNumbers)
        let withoutData = state.numbersWithoutData
        let read = numbers.filter { monitored.contains($0) && (!state.queriedNumbers.contains($0) || withoutData.contains($0)) }
        next.queriedNumbers.formUnion(read)
        next.noteData(read: read, withoutData: [])
        return stay()
    }

    mutating func onRefresh(numbers: [String]) -> Transition {
        guard state.step >= .query, !numbers.isEmpty else { return refuse("Choose monitored numbers to refresh.") }
        return ask(.refresh(numbers: numbers))
    }

    mutating func onNumbersRefreshed(succeeded: [String], failed: [String], withoutData: [String]) -> Transition {
        next.queriedNumbers.formUnion(succeeded)
        next.noteData(read: succeeded, withoutData: withoutData)
        if !failed.isEmpty {
            next.lastError = Failure(
                message:
                    "\(failed.count) of \(failed.count + succeeded.count) numbers could not be refreshed: \(failed.prefix(5).joined(separator: ", "))\(failed.count > 5 ? ", …" : "")."
            )
        }
        return settle() ?? stay()
    }

    mutating func onChangeFrequency(frequency: CheckFrequency) -> Transition {
        guard state.enterprise != nil, state.reputationEnabled else { return refuse("Reputation is not enabled.") }
        guard state.gates?.status == "approved" else {
            return refuse(
                "The check frequency can be changed once Telnyx approves the enterprise; it is \(state.gates?.status ?? "not reviewed") now."
            )
        }
        guard frequency != state.checkFrequency else { return refuse("Numbers are already checked \(frequency.label).") }
        return ask(.changeFrequency(from: state.checkFrequency, to: frequency, monitored: state.monitoredNumbers.count))
    }

    mutating func onFrequencyChanged(frequency: CheckFrequency) -> Transition {
        next.checkFrequency = frequency
        return settle() ?? stay()
    }

    mutating func onRemoveNumbers(numbers: [String]) -> Transition {
        guard state.enterprise != nil else { return refuse("There is no enterprise yet.") }
        let monitored = Set(state.monitoredNumbers)
        let removable = numbers.filter(monitored.contains)
        guard !removable.isEmpty else { return refuse("None of these numbers is monitored.") }
        return ask(.remove(numbers: removable))
    }

    mutating func onNumbersRemoved(numbers: [String]) -> Transition {
        let removed = Set(numbers)
        next.monitoredNumbers.removeAll(where: removed.contains)
        next.queriedNumbers.subtract(removed)
        next.readWithoutData = next.readWithoutData?.subtracting(removed)
        let stillAsked = (next.ownershipNotices ?? []).filter { !removed.contains($0.phoneNumber) }
        next.ownershipNotices = stillAsked.isEmpty ? nil : stillAsked
        var kept: [String] = []
        if case .removeNumbers(_, let sent)? = state.inFlight { kept = sent.filter { !removed.contains($0) } }
        return settled(
            leaving: kept,
            "\(kept.count) of \(kept.count + numbers.count) numbers are still monitored (their removal failed): \(Effect.sample(kept)); remove them again."
        )
    }
}
