import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@Suite struct NumberTests {
    @Test func numbersWaitForBothGates() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            let numbers = Fixtures.usableNumbers(simulator, count: 2)
            let early = await #expect(throws: TelnyxError.self) { try await client.associateNumbers(enterpriseId: enterprise.id!, numbers) }
            #expect(early?.status == 400)
            #expect(early?.has(code: "10015") == true)
            try await simulator.advanceClock(seconds: 61)
            let vettedOnly = await #expect(throws: TelnyxError.self) {
                try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            }
            #expect(vettedOnly?.status == 400)
            try await simulator.advanceClock(seconds: 240)
            let added = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            #expect(added.map(\.phoneNumber) == numbers)
            #expect(added.allSatisfy { $0.reputationData == nil && $0.enterpriseId == enterprise.id })
            let ledger = try await simulator.ledger().filter { $0["action"] as? String == "associate" }
            #expect(ledger.map { $0["phone_number"] as? String } == numbers)
        }
    }

    @Test func aBatchIsAtomicWithOneEntryPerBadNumber() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let inventory = simulator.world.inventory
            let good = Array(inventory.prefix(3))
            let tollFree = inventory.first {
                $0.hasPrefix("+1800") || $0.hasPrefix("+1833") || $0.hasPrefix("+1844") || $0.hasPrefix("+1855") || $0.hasPrefix("+1866")
                    || $0.hasPrefix("+1877") || $0.hasPrefix("+1888")
            }!
            let canadian = inventory.first { ["+1416", "+1514", "+1604", "+1613", "+1647", "+1905"].contains(String($0.prefix(5))) }!
            let notInService = inventory.last!
            let batch = good + ["3125550134", "+442071234567", tollFree, canadian, "+13125550199", notInService, good[0], "+10125550100"]
            let error = await #expect(throws: TelnyxError.self) { try await client.associateNumbers(enterpriseId: enterprise.id!, batch) }
            #expect(error?.status == 422)
            let pointers = error?.entries.compactMap(\.pointer) ?? []
            // A Telnyx-hosted toll-free number (5) is accepted; one hosted elsewhere (7) waits for the
            // ownership proof, which the 400 below says once nothing else is wrong.
            #expect(pointers == [3, 4, 6, 8, 9, 10].map { "/body/phone_numbers/\($0)" })
            let details = error?.entries.compactMap(\.detail).joined(separator: "\n") ?? ""
            #expect(details.contains("not an E.164"))
            #expect(details.contains("not a US number"))
            #expect(details.contains("Canadian") || details.contains("(CA)"))
            #expect(details.contains("not in service"))
            #expect(details.contains("more than once"))
            #expect(details.contains("cannot start with 0 or 1"))
            #expect(try await client.allNumbers(enterpriseId: enterprise.id!).isEmpty)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "associate" }.isEmpty)
        }
    }

    @Test func aNumberCanBelongToOnlyOneEnterprise() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let first = try await Fixtures.approvedEnterprise(simulator, client)
            let second = try await Fixtures.approvedEnterprise(simulator, client, name: "Bravo Widgets Inc")
            let number = Fixtures.usableNumbers(simulator, count: 1)
            _ = try await client.associateNumbers(enterpriseId: first.id!, number)
            let taken = await #expect(throws: TelnyxError.self) { try await client.associateNumbers(enterpriseId: second.id!, number) }
            #expect(taken?.has(code: "10021") == true)
            #expect(taken?.entries.first?.detail?.contains(first.id!) == true)
        }
    }

    @Test func batchesAreLimitedToOneHundred() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 101)
            let local = await #expect(throws: TelnyxError.self) { try await client.associateNumbers(enterpriseId: enterprise.id!, numbers) }
            #expect(local?.kind == .invalidRequest(reason: "a request takes 1 to 100 numbers, not 101; split the list into batches"))
            let quoted = numbers.map { "\"\($0)\"" }.joined(separator: ",")
            let raw = try await simulator.raw(
                .POST, "/v2/enterprises/\(enterprise.id!)/reputation/numbers", json: #"{"phone_numbers": [\#(quoted)]}"#)
            #expect(raw.status == 422)
            #expect(raw.body.contains("at most 100"))
            let empty = try await simulator.raw(
                .POST, "/v2/enterprises/\(enterprise.id!)/reputation/numbers", json: #"{"phone_numbers": []}"#)
            #expect(empty.status == 422)
            #expect(try await client.associateNumbers(enterpriseId: enterprise.id!, Array(numbers.prefix(100))).count == 100)
        }
    }

    @Test func theFirstReadIsLiveAndBilledThenCachedReadsAreFree() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let number = Fixtures.usableNumbers(simulator, count: 1)[0]
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, [number])
            let first = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number)
            #expect(first.reputationData?.lastRefreshedAt != nil)
            let cached = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number)
            #expect(cached.reputationData == first.reputationData)
            try await simulator.advanceClock(seconds: 3600)
            let fresh = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number, fresh: true)
            #expect(fresh.reputationData?.lastRefreshedAt != first.reputationData?.lastRefreshedAt)
            let reads = try await simulator.ledger().filter { $0["action"] as? String == "live_read" }
            #expect(reads.count == 2)
            #expect(reads.allSatisfy { $0["amount_usd"] as? Double == 0.10 })
        }
    }

    @Test func pathNumbersWorkWithRawPlusAndEncodedPlus() async throws {
        try await withSimulator { simulator in
            let recorder = RequestRecorder()
            let client = try simulator.client(middlewares: [recorder])
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let number = Fixtures.usableNumbers(simulator, count: 1)[0]
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, [number])
            _ = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number)
            let digits = number.dropFirst()
            #expect(recorder.paths.contains("GET /enterprises/\(enterprise.id!)/reputation/numbers/%2B\(digits)?fresh=false"))
            let raw = try await simulator.raw(.GET, "/v2/enterprises/\(enterprise.id!)/reputation/numbers/+\(digits)")
            #expect(raw.status == 200)
            #expect(raw.body.contains(number))
            let encoded = try await simulator.raw(.GET, "/v2/reputation/numbers/%2B\(digits)")
            #expect(encoded.status == 200)
            let unknown = await #expect(throws: TelnyxError.self) {
                try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: "+13125550199")
            }
            #expect(unknown?.status == 404)
        }
    }

    @Test func queriesOfANotApprovedEnterpriseAreForbidden() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            try await simulator.advanceClock(seconds: 301)
            let number = Fixtures.usableNumbers(simulator, count: 1)[0]
            _ = try await simulator.raw(
                .PUT, "/_simulator/enterprises/\(enterprise.id!)/gates", json: #"{"status": "approved"}"#, key: nil)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, [number])
            _ = try await simulator.raw(
                .PUT, "/_simulator/enterprises/\(enterprise.id!)/gates", json: #"{"status": "rejected"}"#, key: nil)
            let forbidden = await #expect(throws: TelnyxError.self) {
                try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number)
            }
            #expect(forbidden?.status == 403)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.isEmpty)
        }
    }

    @Test func listingPagesFiltersAndClampsLikeTelnyx() async throws {
        try await withSimulator { simulator in
            let recorder = RequestRecorder()
            let client = try simulator.client(middlewares: [recorder])
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 260)
            for batch in stride(from: 0, to: numbers.count, by: 100) {
                _ = try await client.associateNumbers(enterpriseId: enterprise.id!, Array(numbers[batch..<min(batch + 100, numbers.count)]))
            }
            let defaultPage = try await simulator.raw(.GET, "/v2/enterprises/\(enterprise.id!)/reputation/numbers")
            #expect(defaultPage.body.contains(#""page_size":10"#))
            #expect(defaultPage.body.contains(#""total_pages":26"#))
            let clamped = try await client.listNumbers(enterpriseId: enterprise.id!, page: 1, pageSize: 1000)
            #expect(clamped.count == 250)
            #expect(clamped.totalPages == 2)
            let last = try await client.listNumbers(enterpriseId: enterprise.id!, page: 2, pageSize: 250)
            #expect(last.count == 10)
            #expect(last.pageNumber == 2)
            let beyond = try await client.listNumbers(enterpriseId: enterprise.id!, page: 9, pageSize: 250)
            #expect(beyond.items.isEmpty)
            let pagesBefore = recorder.paths.count
            let all = try await client.allNumbers(enterpriseId: enterprise.id!)
            #expect(all.map(\.phoneNumber) == numbers)
            #expect(recorder.paths.count - pagesBefore == 2)
            #expect(recorder.paths.last?.contains("page%5Bsize%5D=250") == true)
            let target = numbers[17]
            let exact = try await client.listNumbers(enterpriseId: enterprise.id!, phoneNumber: target)
            #expect(exact.items.map(\.phoneNumber) == [target])
            #expect(recorder.paths.last?.contains("filter%5Bphone_number%5D%5Beq%5D=%2B") == true)
            let contains = try await client.listNumbers(enterpriseId: enterprise.id!, phoneNumberContains: String(target.suffix(7)))
            #expect(contains.items.contains { $0.phoneNumber == target })
            let tooShort = await #expect(throws: TelnyxError.self) {
                try await client.listNumbers(enterpriseId: enterprise.id!, phoneNumberContains: "1234")
            }
            #expect(tooShort?.status == 422)
            #expect(tooShort?.entries.first?.parameter == "filter[phone_number][contains]")
            // A raw `+` in a query is a space: the exact filter then matches nothing.
            let rawPlus = try await simulator.raw(
                .GET, "/v2/enterprises/\(enterprise.id!)/reputation/numbers?filter[phone_number][eq]=\(target)")
            #expect(rawPlus.body.contains(#""total_results":0"#))
            let badPage = try await simulator.raw(.GET, "/v2/enterprises/\(enterprise.id!)/reputation/numbers?page[number]=0")
            #expect(badPage.status == 422)
        }
    }

    @Test func removingStopsMonitoringButKeepsTheNumberInInventory() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 2)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            try await client.removeNumber(enterpriseId: enterprise.id!, phoneNumber: numbers[0])
            try await client.removeAccountNumber(phoneNumber: numbers[1])
            #expect(try await client.allNumbers(enterpriseId: enterprise.id!).isEmpty)
            let again = await #expect(throws: TelnyxError.self) {
                try await client.removeNumber(enterpriseId: enterprise.id!, phoneNumber: numbers[0])
            }
            #expect(again?.status == 404)
            let inventory = try await client.allInventory().map(\.phoneNumber)
            #expect(inventory.contains(numbers[0]))
            let raw = try await simulator.raw(.DELETE, "/v2/enterprises/\(enterprise.id!)/reputation/numbers/%2B13125550199")
            #expect(raw.status == 404)
        }
    }

    @Test func refreshAnswersPerNumberAndBillsOnlySuccesses() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 3)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            let outcome = try await client.refreshNumbers(enterpriseId: enterprise.id!, numbers + ["+13125550199"])
            #expect(outcome.totalRequested == 4)
            #expect(outcome.totalSuccessful == 3)
            #expect(outcome.totalFailed == 1)
            #expect(outcome.results.last?.success == false)
            #expect(outcome.results.last?.error != nil)
            let refreshed = try await simulator.ledger().filter { $0["action"] as? String == "refresh" }
            #expect(refreshed.count == 3)
            // The refresh made data exist: the next plain read is cached and free.
            _ = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: numbers[0])
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.isEmpty)
        }
    }

    @Test func refreshHasItsOwnPerEnterpriseLimit() async throws {
        try await withSimulator({ $0.refreshLimitPerMinute = 2 }) { simulator in
            let client = try simulator.client(retries: 0)
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 1)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            _ = try await client.refreshNumbers(enterpriseId: enterprise.id!, numbers)
            _ = try await client.refreshNumbers(enterpriseId: enterprise.id!, numbers)
            let limited = await #expect(throws: TelnyxError.self) { try await client.refreshNumbers(enterpriseId: enterprise.id!, numbers) }
            #expect(limited?.status == 429)
            #expect(limited?.has(code: "10011") == true)
            try await simulator.advanceClock(seconds: 61)
            _ = try await client.refreshNumbers(enterpriseId: enterprise.id!, numbers)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "refresh" }.count == 3)
        }
    }

    @Test func simplifiedEndpointsCoverTheAccount() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 25)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            let raw = try await simulator.raw(.GET, "/v2/reputation/numbers")
            #expect(raw.body.contains(#""page_size":20"#))
            let page = try await client.listAccountNumbers(pageSize: 250, enterpriseId: enterprise.id!)
            #expect(page.items.map(\.phoneNumber) == numbers)
            let one = try await client.accountNumberReputation(phoneNumber: numbers[0])
            #expect(one.reputationData != nil)
            #expect(one.enterpriseId == enterprise.id)
        }
    }

    @Test func inventoryIsDeterministicFromTheSeedAndWalksEveryPage() async throws {
        let first = try await withSimulator({
            $0.seed = 7
            $0.inventorySize = 600
        }) { simulator in
            try await simulator.client().allInventory()
        }
        let again = try await withSimulator({
            $0.seed = 7
            $0.inventorySize = 600
        }) { simulator in
            try await simulator.client().allInventory().map(\.phoneNumber)
        }
        #expect(first.map(\.phoneNumber) == again)
        #expect(first.filter { $0.countryIsoAlpha2 == "US" && $0.phoneNumberType == .local && $0.status == .active }.count == 600)
        #expect(Set(again).count == again.count)
    }

    @Test func reputationDataIsARealisticDeterministicMix() async throws {
        let risks = try await withSimulator({
            $0.seed = 3
            $0.inventorySize = 300
        }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 300)
            var risks: [String] = []
            for batch in stride(from: 0, to: 300, by: 100) {
                _ = try await client.associateNumbers(enterpriseId: enterprise.id!, Array(numbers[batch..<batch + 100]))
            }
            for number in numbers {
                let data = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number).reputationData
                risks.append(data?.spamRisk?.rawValue ?? "none")
                if data?.spamRisk != nil && data?.spamRisk != .low { #expect(data?.spamCategory != nil) }
            }
            return risks
        }
        let counts = Dictionary(grouping: risks, by: { $0 }).mapValues(\.count)
        #expect((counts["low"] ?? 0) > 150)
        #expect((counts["medium"] ?? 0) > 20)
        #expect((counts["high"] ?? 0) > 5)
        #expect((counts["none"] ?? 0) > 5)
    }
}
