import Foundation
import Onboarding
import OnboardingStore
import TelnyxAPI

/// What one `watch` of an onboarding found.
public struct WatchReport: Sendable, Equatable {
    public var onboardingId: String
    public var enterpriseId: String?
    public var legalName: String?
    /// When the last watch looked (nil: this is the first; it compared against the readings the
    /// wizard kept, if any).
    public var previousAt: Date?
    public var at: Date
    public var numbersListed: Int
    /// Readings kept by this watch (those Telnyx refreshed since the last look).
    public var readingsKept: Int
    public var changes: [ReadingChange]
    /// Why nothing was watched (no enterprise, reputation not enabled); nil when it was.
    public var notWatched: String?
    /// The mark a watch asked not to record yet leaves to record once its report is out
    /// (`OnboardingStore.recordWatch`); nil once recorded, or when nothing was watched.
    public var pendingMark: PendingMark?

    /// Where a watch looked: when, the `ownership_status` of the numbers not verified (or
    /// `removed`), and the last reading row it saw.
    public struct PendingMark: Sendable, Equatable {
        public var at: Date
        public var ownership: [String: String]
        public var through: Int64
    }

    /// The highest severity among the changes (nil: none at all).
    public var severity: ReadingChange.Severity? { changes.map(\.severity).max() }
}

/// `watch`: reads an onboarding's monitored numbers through the free list (pages of 250),
/// keeps the readings Telnyx refreshed since the last look, and says what changed. Never
/// billed, and never takes the onboarding's lock (a wizard may stay open on it): it changes
/// nothing in the onboarding's state, only adds readings and its own mark.
public struct NumberWatch: Sendable {
    let store: OnboardingStore
    let client: TelnyxClient
    let now: @Sendable () -> Date

    public init(store: OnboardingStore, client: TelnyxClient, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.client = client
        self.now = now
    }

    /// Watches onboarding `onboardingId`.
    /// - Parameters:
    ///   - scoreDrop: the fall in one score (1 to 100 points) that is reported.
    ///   - markNow: false leaves the mark in `pendingMark`, for the caller to record once the
    ///     report reached the person (a report that cannot be written must not use up its changes).
    /// - Throws: `StoreError` when the onboarding or its readings cannot be read or kept;
    ///   `TelnyxError` when the list cannot be read (nothing is kept then, and the mark stays).
    public func watch(
        _ onboardingId: String, scoreDrop: Int = WatchComparison.defaultScoreDrop, markNow: Bool = true
    ) async throws -> WatchReport {
        let state = try store.load(onboardingId)
        var report = WatchReport(
            onboardingId: onboardingId, enterpriseId: state.enterprise?.id, legalName: state.enterprise?.legalName, at: now(),
            numbersListed: 0, readingsKept: 0, changes: [])
        guard let enterpriseId = state.enterprise?.id else {
            report.notWatched = "no enterprise yet (step \(state.step.rawValue))"
            return report
        }
        guard state.reputationEnabled else {
            report.notWatched = "Number Reputation is not enabled (step \(state.step.rawValue))"
            return report
        }
        let mark = try store.lastWatch(onboardingId)
        let baseline =
            try mark.map { mark throws(StoreError) in try store.readings(onboardingId, throughSnapshotId: mark.throughSnapshotId) }
            ?? store.latestReadings(onboardingId)
        let listed = try await client.allNumbers(enterpriseId: enterpriseId)
        let at = now()
        report.at = at
        report.previousAt = mark?.at
        report.numbersListed = listed.count
        // Nothing kept since the last watch: its baseline is each number's latest reading.
        var latest: [String: ReputationSnapshot]?
        if let mark, try store.latestReadingRow(onboardingId) <= mark.throughSnapshotId { latest = baseline }
        report.readingsKept = try store.recordNewReadings(onboardingId, ReadingDecoding.snapshots(listed, at: at), latest: latest)
        let current = listed.compactMap(Self.watched)
        // A number the last watch found gone was reported then; it is not reported again.
        let previous = baseline.compactMapValues(ReadingDecoding.reading).filter { mark?.ownership[$0.key] != Self.gone }
        let stillListed = Set(current.map(\.reading.phoneNumber))
        var removalReasons: [String: String] = [:]
        if previous.keys.contains(where: { !stillListed.contains($0) }) {
            for tombstone in try await client.allNumbers(enterpriseId: enterpriseId, ownershipStatus: .removed) {
                guard let phoneNumber = tombstone.phoneNumber, !stillListed.contains(phoneNumber) else { continue }
                removalReasons[phoneNumber] = tombstone.removalReason?.rawValue ?? "removed"
            }
        }
        report.changes = WatchComparison.changes(
            previous: previous, current: current, previousOwnership: mark?.ownership ?? [:], removalReasons: removalReasons,
            scoreDrop: scoreDrop, dateText: ReportTime.stamp, now: at)
        var ownership: [String: String] = [:]
        for number in current where number.ownershipStatus != nil && number.ownershipStatus != "verified" {
            ownership[number.reading.phoneNumber] = number.ownershipStatus
        }
        // Gone numbers stay gone in every later mark (their last reading stays in the history).
        for change in report.changes where change.kind == .removed { ownership[change.phoneNumber] = Self.gone }
        for (phoneNumber, status) in mark?.ownership ?? [:] where status == Self.gone && !stillListed.contains(phoneNumber) {
            ownership[phoneNumber] = Self.gone
        }
        if markNow {
            try store.recordWatch(onboardingId, at: at, ownership: ownership)
        } else {
            report.pendingMark = WatchReport.PendingMark(at: at, ownership: ownership, through: try store.latestReadingRow(onboardingId))
        }
        return report
    }

    /// Kept in the watch's mark for a number reported no longer monitored.
    static let gone = "removed"

    static func watched(_ number: ReputationNumber) -> WatchedNumber? {
        guard let phoneNumber = number.phoneNumber else { return nil }
        return WatchedNumber(
            reading: ReadingDecoding.reading(phoneNumber: phoneNumber, number.reputationData),
            ownershipStatus: number.ownershipStatus?.rawValue, confirmBy: number.confirmBy, flagReason: number.flagReason)
    }
}
