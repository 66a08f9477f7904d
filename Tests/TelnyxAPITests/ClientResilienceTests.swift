import Foundation
import SimulatorTestSupport
import Synchronization
import TelnyxSimulator
import Testing

@testable import TelnyxAPI

@Suite struct ClientResilienceTests {
    @Test func readsAreRetriedWithBackoffUntilTheyWork() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/terms_of_service/status", "status": 503, "times": 2}]"#)
            #expect(try await client.termsStatus().hasAgreed == false)
            // random() is 0.5 in tests: each delay is 87.5% of the exponential step.
            #expect(await sleeps.delays == [0.4375, 0.875])
        }
    }

    @Test func retriesAreBounded() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(retries: 3, sleeps: sleeps)
            try await simulator.setFaults(#"[{"path": "/v2/enterprises", "status": 500}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            #expect(error?.status == 500)
            #expect(await sleeps.delays.count == 3)
            #expect(error?.message.contains("Telnyx had a problem") == true)
        }
    }

    @Test func aPostIsNeverResentAfterAServerError() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "status": 503, "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
            #expect(error?.status == 503)
            #expect(error?.mayHaveBeenApplied == true)
            #expect(await sleeps.delays.isEmpty)
        }
    }

    @Test func aPostIsResentAfterA429BecauseNothingHappened() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "status": 429, "times": 1}]"#)
            _ = try await client.createEnterprise(Fixtures.enterprise())
            // The hint comes from x-ratelimit-reset.
            #expect(await sleeps.delays == [1])
            #expect(try await client.allEnterprises().count == 1)
        }
    }

    @Test func aConnectionDroppedAfterTheChangeIsAnUnknownOutcomeNotARetry() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            _ = try await client.agreeToTerms()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let document = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            try await simulator.setFaults(
                #"[{"method": "POST", "path": "/v2/enterprises/*/reputation", "drop": "after_commit", "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
            }
            guard case .outcomeUnknown = error?.kind else {
                Issue.record("expected an unknown outcome, got \(String(describing: error))")
                return
            }
            #expect(error?.mayHaveBeenApplied == true)
            #expect(error?.message.contains("check the current state before sending it again") == true)
            #expect(await sleeps.delays.isEmpty)
            // Reconciling by reading shows it happened, and it was billed exactly once.
            #expect(try await client.reputationSettings(enterpriseId: enterprise.id!).status == .pending)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "enable" }.count == 1)
        }
    }

    @Test func aConnectionDroppedBeforeTheChangeLeavesNothingBehind() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "drop": "before_commit", "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
            #expect(error?.mayHaveBeenApplied == true)
            #expect(try await client.allEnterprises().isEmpty)
        }
    }

    @Test func aDroppedReadIsSimplyRetried() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            try await simulator.setFaults(#"[{"method": "GET", "drop": "before_commit", "times": 1}]"#)
            #expect(try await client.allEnterprises().isEmpty)
            #expect(await sleeps.delays.count == 1)
        }
    }

    @Test func nonJSONBodiesBecomeClearErrors() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client(retries: 0)
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/enterprises", "malformed_body": "html", "times": 1}]"#)
            let html = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            #expect(
                html?.kind
                    == .malformedResponse(
                        status: 200, contentType: "text/html", excerpt: "<html><body><h1>502 Bad Gateway</h1></body></html>"))
            #expect(html?.mayHaveBeenApplied == false)
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/enterprises/*", "malformed_body": "html", "times": 1}]"#)
            let errorPage = await #expect(throws: TelnyxError.self) {
                try await client.enterprise(id: "4a6192a4-573d-446d-b3ce-aff9117272a6")
            }
            #expect(errorPage?.status == 404)
            if case .malformedResponse = errorPage?.kind {} else { Issue.record("expected a malformed response") }
            try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "malformed_body": "truncated", "times": 1}]"#)
            let truncated = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
            #expect(truncated?.status == 201)
            #expect(truncated?.mayHaveBeenApplied == true)
            #expect(truncated?.message.contains("may have been applied") == true)
            #expect(try await client.allEnterprises().count == 1)
        }
    }

    @Test func theGlobalRateLimitAnswers429WithHeaders() async throws {
        try await withSimulator({ $0.rateLimit = 2 }) { simulator in
            let client = try simulator.client(retries: 0, pacer: .unpaced())
            // At once, so that a loaded machine cannot spread them over several windows.
            let limited = await withTaskGroup(of: TelnyxError?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do { _ = try await client.termsStatus() } catch let error as TelnyxError { return error } catch {}
                        return nil
                    }
                }
                var found: TelnyxError?
                for await error in group where error != nil { found = error }
                return found
            }
            #expect(limited?.status == 429)
            #expect(limited?.has(code: "10011") == true)
            #expect(limited?.rateLimit?.limit == 2)
            #expect(limited?.rateLimit?.remaining == 0)
            #expect((limited?.rateLimit?.resetSeconds ?? 0) >= 1)
        }
    }

    @Test func aPacedClientWaitsForTheResetInsteadOfMeetingA429() async throws {
        // The simulator's limit is in wall-clock seconds, so the pacer sleeps for real here;
        // correctness does not hang on timing: it waits the whole reset the server announces.
        try await withSimulator({ $0.rateLimit = 3 }) { simulator in
            let statuses = StatusRecorder()
            let client = try simulator.client(retries: 0, middlewares: [statuses])
            _ = try await Array(0..<9).concurrentMap(inFlight: 4) { _ in _ = try await client.termsStatus() }
            #expect(statuses.codes.count == 9)
            #expect(!statuses.codes.contains(429))
        }
    }

    @Test func thePacerWaitsOnlyWhenTheWindowIsUsedUp() async throws {
        let clock = FakeClock()
        let pacer = RateLimitPacer(now: { clock.now }, sleep: { clock.advance($0) })
        try await pacer.acquire()
        pacer.release(remaining: 2, resetSeconds: 5)
        try await pacer.acquire()
        try await pacer.acquire()
        #expect(clock.slept.isEmpty, "two left, two sent")
        pacer.release(remaining: 1, resetSeconds: 5)
        pacer.release(remaining: 0, resetSeconds: 5)
        try await pacer.acquire()
        #expect(clock.slept == [5], "the third waits for the reset")
        pacer.release(remaining: 0, resetSeconds: 90)
        try await pacer.acquire()
        #expect(clock.slept == [5], "a reset beyond a minute is left to the 429 and its retry")
        // Answers processed out of order: an older, higher count does not reopen the window.
        let overtaken = FakeClock()
        let paced = RateLimitPacer(now: { overtaken.now }, sleep: { overtaken.advance($0) })
        try await paced.acquire()
        paced.release(remaining: 2, resetSeconds: 1)
        try await paced.acquire()
        try await paced.acquire()
        paced.release(remaining: 0, resetSeconds: 1)
        paced.release(remaining: 1, resetSeconds: 1)
        try await paced.acquire()
        #expect(overtaken.slept == [1], "the window is used up whichever answer came last")
        let unpaced = RateLimitPacer.unpaced()
        try await unpaced.acquire()
        try await unpaced.acquire()
        unpaced.release(remaining: 0, resetSeconds: 1)
        try await unpaced.acquire()
    }

    @Test func aContinuouslyRefilledWindowIsWaitedForOneTokenAtATime() async throws {
        let clock = FakeClock()
        let pacer = RateLimitPacer(now: { clock.now }, sleep: { clock.advance($0) })
        try await pacer.acquire()
        // 10 a window, none left, whole again in 1 s: ten come back each second.
        pacer.release(limit: 10, remaining: 0, resetSeconds: 1)
        try await pacer.acquire()
        try await pacer.acquire()
        #expect(clock.slept.count == 2)
        #expect(clock.slept.allSatisfy { abs($0 - 0.1) < 1e-9 }, "a tenth of a second each, not the whole reset: \(clock.slept)")
        // A 429 after that: this server's window starts again all at once.
        pacer.release(limit: 10, remaining: 0, resetSeconds: 1, refused: true)
        pacer.release(limit: 10, remaining: 0, resetSeconds: 1)
        try await pacer.acquire()
        #expect(clock.slept.count == 3)
        #expect(abs((clock.slept.last ?? 0) - 1) < 1e-9, "the whole reset once a 429 showed the refill is not continuous")
    }

    @Test func aPacedClientAtTheServersRateMeetsNo429() async throws {
        // 50 requests through a window of 20 a second, eight in flight: the pacer waits for
        // tokens as they come back and the server never refuses one.
        try await withSimulator({ $0.rateLimit = 20 }) { simulator in
            let statuses = StatusRecorder()
            let client = try simulator.client(retries: 0, middlewares: [statuses])
            _ = try await Array(0..<50).concurrentMap(inFlight: 8) { _ in _ = try await client.termsStatus() }
            #expect(statuses.codes.count == 50)
            #expect(!statuses.codes.contains(429))
        }
    }

    @Test func anOlderAlreadyAgreedAnswerCountsAsAgreed() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            try await simulator.setFaults(
                #"[{"method": "POST", "path": "/v2/terms_of_service/**", "status": 400, "code": "10015", "times": 1}]"#)
            let agreement = try await client.agreeToTerms()
            #expect(agreement.termsVersion == "v1.0.0")
        }
    }

    @Test func aRefusedConnectionIsNotSentAndRetried() async throws {
        let sleeps = SleepRecorder()
        var configuration = try TelnyxConfiguration(baseURL: URL(string: "http://127.0.0.1:1/v2")!, apiKey: APIKey("KEYtest")!)
        configuration.retry = RetryPolicy(maxRetries: 2, sleep: { await sleeps.record($0) }, random: { 0 })
        let client = TelnyxClient(configuration: configuration)
        let error = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
        guard case .notSent = error?.kind else {
            Issue.record("expected notSent, got \(String(describing: error))")
            return
        }
        #expect(error?.mayHaveBeenApplied == false)
        #expect(await sleeps.delays == [0.5, 1])
    }

    @Test func aTimeoutOnAPostIsAnUnknownOutcome() async throws {
        try await withSimulator { simulator in
            var configuration = try TelnyxConfiguration(baseURL: simulator.baseURL, apiKey: APIKey("KEYtest")!)
            configuration.deadlines = Deadlines(firstByte: .seconds(1), attempt: .seconds(1), call: .seconds(2))
            configuration.retry = .never
            let client = TelnyxClient(configuration: configuration)
            try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "latency_ms": 1500, "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.createEnterprise(Fixtures.enterprise()) }
            guard case .outcomeUnknown = error?.kind else {
                Issue.record("expected outcomeUnknown, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func aBatchIsAtomicUnderConcurrency() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client(retries: 0)
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let pool = Fixtures.usableNumbers(simulator, count: 60)
            // Twelve overlapping batches of 20 race; each must land whole or not at all.
            let outcomes = await withTaskGroup(of: (batch: [String], added: Bool).self) { group in
                for start in stride(from: 0, to: 60, by: 5) {
                    let batch = (0..<20).map { pool[(start + $0) % 60] }
                    group.addTask {
                        let added = (try? await client.associateNumbers(enterpriseId: enterprise.id!, batch)) != nil
                        return (batch, added)
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.filter(\.added)
            #expect(!winners.isEmpty)
            let claimed = winners.flatMap(\.batch)
            #expect(Set(claimed).count == claimed.count)
            let listed = try await client.allNumbers(enterpriseId: enterprise.id!).compactMap(\.phoneNumber)
            #expect(Set(listed) == Set(claimed))
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "associate" }.count == claimed.count)
        }
    }

    @Test func latencyDelaysEachAnswerWithoutSerialisingThem() async throws {
        try await withSimulator({ $0.latencyMs = 400 }) { simulator in
            let overlap = OverlapRecorder()
            let client = try simulator.client(middlewares: [overlap])
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await client.termsStatus() } }
                try await group.waitForAll()
            }
            // A sleep lasts at least as long as asked; whether answers overlap is counted, not timed.
            #expect(ContinuousClock.now - start >= .milliseconds(400))
            #expect(overlap.most > 1, "answers were waited for side by side")
        }
    }
}

@Suite struct ClientConfigurationTests {
    @Test func plainHTTPIsOnlyForLoopback() throws {
        let key = APIKey("KEYtest")!
        #expect(throws: TelnyxError.self) { try TelnyxConfiguration(baseURL: URL(string: "http://api.telnyx.com/v2")!, apiKey: key) }
        #expect(throws: TelnyxError.self) { try TelnyxConfiguration(baseURL: URL(string: "ftp://127.0.0.1/v2")!, apiKey: key) }
        _ = try TelnyxConfiguration(baseURL: URL(string: "http://127.0.0.1:8080/v2")!, apiKey: key)
        _ = try TelnyxConfiguration(baseURL: URL(string: "http://localhost:8080/v2")!, apiKey: key)
        _ = try TelnyxConfiguration(baseURL: URL(string: "http://[::1]:8080/v2")!, apiKey: key)
        _ = try TelnyxConfiguration(apiKey: key)
    }

    @Test func theKeyNeverAppearsInText() async throws {
        let secret = "KEY_fake_for_redaction_test_42"
        let key = try #require(APIKey(secret))
        let configuration = try TelnyxConfiguration(baseURL: URL(string: "http://127.0.0.1:1/v2")!, apiKey: key)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: key), String(reflecting: key), "\(configuration)", dumped] {
            #expect(!text.contains(secret))
        }
        #expect(APIKey("   ") == nil)
        #expect(APIKey("bad key") == nil)
        try await withSimulator({ $0.requiredAPIKey = "KEYright" }) { simulator in
            let client = try simulator.client(key: secret)
            let error = await #expect(throws: TelnyxError.self) { try await client.termsStatus() }
            #expect(error?.status == 401)
            #expect(error?.message.contains("TELNYX_API_KEY") == true)
            #expect(error.map { "\($0)" }?.contains(secret) == false)
            #expect(error?.message.contains(secret) == false)
        }
    }

    @Test func retryHintsAreReadFromHeaders() {
        #expect(ResponseCheckMiddleware.retryAfter([.init("retry-after-ms")!: "1500"]) == 1.5)
        #expect(ResponseCheckMiddleware.retryAfter([.init("retry-after")!: "3"]) == 3)
        #expect(ResponseCheckMiddleware.retryAfter([:]) == nil)
        let policy = RetryPolicy(random: { 0 })
        let tooLong = TelnyxError(.api(status: 429, entries: []), operation: "GET /x", retryAfterSeconds: 600)
        #expect(policy.delay(attempt: 0, after: tooLong) == nil)
        let reset = TelnyxError(.api(status: 429, entries: []), operation: "GET /x", rateLimit: .init(resetSeconds: 2))
        #expect(policy.delay(attempt: 0, after: reset) == 2)
        let server = TelnyxError(.api(status: 503, entries: []), operation: "GET /x")
        #expect(policy.delay(attempt: 5, after: server) == 8)
        #expect(!policy.shouldRetry(TelnyxError(.api(status: 409, entries: []), operation: "GET /x"), method: .get))
        #expect(!policy.shouldRetry(TelnyxError(.outcomeUnknown(reason: "reset"), operation: "POST /x"), method: .post))
        #expect(policy.shouldRetry(TelnyxError(.outcomeUnknown(reason: "reset"), operation: "DELETE /x"), method: .delete))
    }

    @Test func timestampsWithAnyPrecisionAreRead() throws {
        let transcoder = TelnyxDateTranscoder()
        let micro = try transcoder.decode("2026-04-26T18:06:51.940749Z")
        #expect(abs(micro.timeIntervalSince1970 - 1_777_226_811.940749) < 0.000_001)
        #expect(try transcoder.decode("2026-04-26T18:06:51Z").timeIntervalSince1970 == 1_777_226_811)
        #expect(try transcoder.decode("2026-04-26T20:06:51+02:00").timeIntervalSince1970 == 1_777_226_811)
        #expect(try transcoder.encode(micro) == "2026-04-26T18:06:51.940749Z")
        #expect(throws: (any Error).self) { try transcoder.decode("yesterday") }
    }

    @Test func concurrentPagingKeepsOrderAndItsBound() async throws {
        actor InFlight {
            var now = 0
            var most = 0
            var asked: [Int] = []
            func enter(_ page: Int) {
                now += 1
                most = max(most, now)
                asked.append(page)
            }
            func leave() { now -= 1 }
        }
        let inFlight = InFlight()
        let all = Array(1...23)
        let items = try await Page<Int>.collectAll(pageSize: 2, concurrency: { 3 }) { number, size in
            await inFlight.enter(number)
            // Later pages answer sooner, so completion order differs from page order.
            try await Task.sleep(for: .milliseconds(30 - number))
            await inFlight.leave()
            let slice = Array(all.dropFirst((number - 1) * size).prefix(size))
            return Page(items: slice, pageNumber: number, totalPages: 12, totalResults: 23, requestedPage: number)
        }
        #expect(items == all)
        #expect(await inFlight.most <= 3)
        #expect(await inFlight.asked.sorted() == Array(1...12))
        let single = try await Page<Int>.collectAll(concurrency: { 4 }) { number, _ in
            Page(items: [7], pageNumber: number, totalPages: 1, totalResults: 1, requestedPage: number)
        }
        #expect(single == [7])
    }

    @Test func pagingStopsAtTheLastPageOrAnEmptyOne() async throws {
        actor Calls {
            var asked: [Int] = []
            func record(_ page: Int) { asked.append(page) }
        }
        let pages = Calls()
        let items = try await Page<Int>.collectAll(pageSize: 2, concurrency: { 1 }) { number, size in
            await pages.record(number)
            let all = [1, 2, 3, 4, 5]
            let slice = Array(all.dropFirst((number - 1) * size).prefix(size))
            return Page(items: slice, pageNumber: number, totalPages: 3, totalResults: 5, requestedPage: number)
        }
        #expect(items == [1, 2, 3, 4, 5])
        let asked = await pages.asked
        #expect(asked == [1, 2, 3])
        let empty = Calls()
        let none = try await Page<Int>.collectAll(concurrency: { 4 }) { number, _ in
            await empty.record(number)
            return Page(items: [], pageNumber: number, totalPages: 5, totalResults: 0, requestedPage: number)
        }
        let calls = await empty.asked.count
        #expect(none.isEmpty)
        #expect(calls == 1)
    }
}

/// Bulk work follows the server's rate-limit budget: more in flight while it is large, fewer as
/// it runs low.
@Suite struct InFlightAllowanceTests {
    @Test func theAllowanceIsWhatTheWindowStillAllowsBetweenOneAndTheMost() {
        let clock = Mutex(100.0)
        let pacer = RateLimitPacer(now: { clock.withLock { $0 } }, sleep: { _ in })
        #expect(pacer.allowance(starting: 4, maximum: 32) == 4, "unknown before any answer")
        pacer.release(remaining: 999, resetSeconds: 1)
        #expect(pacer.allowance(starting: 4, maximum: 32) == 32)
        pacer.release(remaining: 7, resetSeconds: 1)
        #expect(pacer.allowance(starting: 4, maximum: 32) == 7)
        pacer.release(remaining: 0, resetSeconds: 1)
        #expect(pacer.allowance(starting: 4, maximum: 32) == 1, "one always goes (the pacer holds it for the reset)")
    }

    @Test func concurrentMapAsksTheLimitAgainAsEachFinishes() async throws {
        let limit = Mutex(8)
        let running = Mutex((now: 0, most: [Int]()))
        let results = try await Array(0..<40).concurrentMap(inFlight: { limit.withLock { $0 } }) { value in
            running.withLock {
                $0.now += 1
                $0.most.append($0.now)
            }
            try await Task.sleep(for: .milliseconds(5))
            // Halfway the budget runs low.
            if value == 20 { limit.withLock { $0 = 2 } }
            running.withLock { $0.now -= 1 }
            return value * 2
        }
        #expect(results == (0..<40).map { $0 * 2 })
        let most = running.withLock { $0.most }
        #expect(most.prefix(8).max() == 8, "eight at first")
        #expect(most.suffix(10).allSatisfy { $0 <= 2 }, "two at most once it ran low: \(most)")
    }
}
