import Foundation
import Onboarding
import Synchronization
import TelnyxAPI

/// Adds any number of numbers: those Telnyx would refuse (hosted at another carrier without an
/// approved ownership proof, toll-free elsewhere) are set aside before anything is billed,
/// those already monitored are skipped, the rest go in batches of 100 with a bounded number in
/// flight. A batch refused because of named numbers is sent again without them, so
/// one bad number does not hold back ninety-nine good ones.
public struct BulkAssociation: Sendable {
    public struct Report: Sendable {
        /// Monitored by the enterprise at the end (added now, or already).
        public var monitored: [String]
        /// Not added, with the reason for each.
        public var setAside: [String: String]
    }

    let client: TelnyxClient
    let enterpriseId: String
    let batchSize: Int
    /// Batches in flight: a fixed count, or (nil) what the server's rate limit allows now
    /// (`TelnyxClient.inFlightAllowance`).
    let concurrency: Int?

    public init(
        client: TelnyxClient, enterpriseId: String, batchSize: Int = TelnyxClient.maximumNumbersPerRequest, concurrency: Int? = nil
    ) {
        self.client = client
        self.enterpriseId = enterpriseId
        self.batchSize = batchSize
        self.concurrency = concurrency
    }

    /// `numbers` split, by free reads, into those that can be added (in the account's inventory,
    /// or hosted elsewhere once the ownership proof is approved; not yet monitored)
    /// and those set aside with why; those already monitored are in neither. Nothing is
    /// billed. `monitoring` false: reputation is not enabled yet, so nothing is monitored (and
    /// the list of monitored numbers cannot be read).
    public func partition(_ numbers: [String], monitoring: Bool = true) async throws -> (addable: [String], setAside: [String: String]) {
        let already = monitoring ? Set(try await client.allNumbers(enterpriseId: enterpriseId).compactMap(\.phoneNumber)) : []
        let hosting = try await NumberHosting.read(
            numbers.filter { !already.contains($0) }, enterpriseId: enterpriseId, client: client)
        var addable: [String] = []
        var setAside: [String: String] = [:]
        for number in numbers where !already.contains(number) {
            if let refusal = hosting.refusal(number) { setAside[number] = refusal } else { addable.append(number) }
        }
        return (addable, setAside)
    }

    /// `progress` hears after the checks and after each batch.
    public func run(_ numbers: [String], progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) async throws -> Report {
        var setAside: [String: String] = [:]
        let already = Set(try await client.allNumbers(enterpriseId: enterpriseId).compactMap(\.phoneNumber))
        let hosting = try await NumberHosting.read(
            numbers.filter { !already.contains($0) }, enterpriseId: enterpriseId, client: client)
        var toSend: [String] = []
        for number in numbers where !already.contains(number) {
            if let refusal = hosting.refusal(number) { setAside[number] = refusal } else { toSend.append(number) }
        }
        let batches = stride(from: 0, to: toSend.count, by: batchSize).map { Array(toSend[$0..<min($0 + batchSize, toSend.count)]) }
        let client = self.client
        let enterpriseId = self.enterpriseId
        let sofar = Mutex(BatchProgress(batches: batches.count, setAside: setAside.count))
        progress(sofar.withLock { $0 })
        let fixed = concurrency
        let outcomes = try await batches.concurrentMap(inFlight: { fixed ?? client.inFlightAllowance }) { batch in
            let outcome = try await Self.send(batch, client: client, enterpriseId: enterpriseId)
            progress(
                sofar.withLock { sofar in
                    sofar.batchesDone += 1
                    sofar.added += outcome.0.count
                    sofar.setAside += outcome.1.count
                    return sofar
                })
            return outcome
        }
        let added = outcomes.flatMap(\.0)
        for (_, batchSetAside) in outcomes { setAside.merge(batchSetAside) { first, _ in first } }
        let addedSet = Set(added)
        let monitored = numbers.filter { already.contains($0) || addedSet.contains($0) }
        return Report(monitored: monitored, setAside: setAside)
    }

    /// One batch, sent again without the numbers Telnyx names as bad until it goes through.
    static func send(_ batch: [String], client: TelnyxClient, enterpriseId: String) async throws -> ([String], [String: String]) {
        var remaining = batch
        var setAside: [String: String] = [:]
        while !remaining.isEmpty {
            let refusal: TelnyxError
            do {
                _ = try await client.associateNumbers(enterpriseId: enterpriseId, remaining)
                return (remaining, setAside)
            } catch {
                refusal = error
            }
            let named = refusal.entries.compactMap { entry -> (Int, String)? in
                guard let pointer = entry.pointer, pointer.hasPrefix("/body/phone_numbers/"),
                    let index = Int(pointer.dropFirst("/body/phone_numbers/".count)), remaining.indices.contains(index)
                else { return nil }
                return (index, entry.detail ?? entry.title)
            }
            // Only a refusal that names numbers can be worked around; anything else surfaces.
            guard !named.isEmpty else { throw refusal }
            for (index, reason) in named { setAside[remaining[index]] = reason }
            let bad = Set(named.map { remaining[$0.0] })
            remaining.removeAll(where: bad.contains)
        }
        return ([], setAside)
    }
}
