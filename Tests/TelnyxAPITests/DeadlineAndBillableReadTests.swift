import Foundation
import SimulatorTestSupport
import TelnyxSimulator
import Testing

@testable import TelnyxAPI

/// A server that is silent, drips its body or sends too much cannot hold a call; a read that
/// bills is never sent twice; the key never goes anywhere but to this machine or over https.
@Suite struct DeadlineAndBillableReadTests {
    func client(
        _ simulator: RunningSimulator, retries: Int = 0, _ deadlines: Deadlines, sleeps: SleepRecorder = SleepRecorder()
    ) throws -> TelnyxClient {
        try simulator.client(retries: retries, sleeps: sleeps, deadlines: deadlines)
    }

    func reason(_ error: TelnyxError?) -> String? {
        if case .outcomeUnknown(let reason)? = error?.kind { return reason }
        return nil
    }

    @Test func aSilentServerIsAnUnknownOutcomeAtTheFirstByteDeadline() async throws {
        try await withSimulator { simulator in
            let client = try client(simulator, Deadlines(firstByte: .milliseconds(300), attempt: .seconds(5), call: .seconds(10)))
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/enterprises", "silent_ms": 3000, "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            #expect(reason(error) == "no answer began within 300 ms")
            #expect(error?.operation == "GET /enterprises")
        }
    }

    @Test func aDrippingBodyIsAnUnknownOutcomeAtTheAttemptDeadline() async throws {
        try await withSimulator { simulator in
            let client = try client(simulator, Deadlines(firstByte: .seconds(5), attempt: .milliseconds(500), call: .seconds(10)))
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/enterprises", "drip_ms": 100, "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            #expect(reason(error) == "the answer did not arrive whole within 500 ms")
        }
    }

    @Test func theCallDeadlineBoundsEveryRetry() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try client(
                simulator, retries: 3, Deadlines(firstByte: .milliseconds(400), attempt: .seconds(1), call: .milliseconds(900)),
                sleeps: sleeps)
            try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/enterprises", "silent_ms": 3000}]"#)
            let error = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            // Attempts of 400 ms each, retried without waiting: the call's deadline ends them.
            #expect(reason(error) == "no complete answer within 900 ms, retries included")
        }
    }

    @Test func anAnswerLargerThanTheLimitIsRefusedUnread() async throws {
        try await withSimulator { simulator in
            var deadlines = Deadlines()
            deadlines.maximumBodyBytes = 100
            _ = try await simulator.client().createEnterprise(Fixtures.enterprise())
            let client = try client(simulator, deadlines)
            let error = await #expect(throws: TelnyxError.self) { try await client.listEnterprises() }
            #expect(
                error?.kind
                    == .malformedResponse(
                        status: 200, contentType: "application/json; charset=utf-8", excerpt: "an answer of more than 100 bytes, not read"))
        }
    }

    /// A fresh read whose answer is lost was billed: it is not sent again (that would bill again);
    /// the caller reconciles. The same loss on a read that bills nothing is simply retried.
    @Test func aReadThatBillsIsNeverResentAfterALostAnswer() async throws {
        try await withSimulator { simulator in
            let sleeps = SleepRecorder()
            let client = try simulator.client(sleeps: sleeps)
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let number = Fixtures.usableNumbers(simulator, count: 1)[0]
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, [number])
            _ = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number, mayBill: true)
            let billedBefore = try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count

            try await simulator.setFaults(
                #"[{"method": "GET", "path": "/v2/enterprises/*/reputation/numbers/*", "drop": "after_commit", "times": 1}]"#)
            let error = await #expect(throws: TelnyxError.self) {
                try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number, fresh: true)
            }
            #expect(error?.mayHaveBeenApplied == true)
            #expect(error?.billable == true)
            #expect(await sleeps.delays.isEmpty, "never resent")
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count == billedBefore + 1, "billed once")

            try await simulator.setFaults(
                #"[{"method": "GET", "path": "/v2/enterprises/*/reputation/numbers/*", "drop": "after_commit", "times": 1}]"#)
            _ = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number)
            #expect(await sleeps.delays.count == 1, "a cached read is retried")
            #expect(
                try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count == billedBefore + 1,
                "and bills nothing")
        }
    }

    @Test func retryIsDecidedByWhetherACallBillsNotByItsMethod() {
        let policy = RetryPolicy()
        let lost = TelnyxError(.outcomeUnknown(reason: "reset"), operation: "GET /x")
        let outage = TelnyxError(.api(status: 503, entries: []), operation: "GET /x")
        let limited = TelnyxError(.api(status: 429, entries: []), operation: "GET /x")
        let refused = TelnyxError(.notSent(reason: "refused"), operation: "GET /x")
        #expect([lost, outage, limited, refused].map { policy.shouldRetry($0, method: .get) } == [true, true, true, true])
        #expect(
            [lost, outage, limited, refused].map { policy.shouldRetry($0, method: .get, billable: true) } == [false, false, true, true])
    }

    @Test func loopbackIsAnAddressNotANamePrefix() throws {
        let cases: [(String, Bool)] = [
            ("127.0.0.1", true), ("127.255.3.4", true), ("[::1]", true), ("::1", true), ("0:0:0:0:0:0:0:1", true),
            ("localhost", true), ("LOCALHOST", true),
            ("127.0.0.1.attacker.example", false), ("127.attacker", false), ("128.0.0.1", false), ("localhost.attacker.example", false),
            ("10.0.0.1", false), ("::2", false),
        ]
        #expect(cases.map { TelnyxConfiguration.isLoopback($0.0) } == cases.map(\.1))
        let error = #expect(throws: TelnyxError.self) {
            try TelnyxConfiguration(baseURL: URL(string: "http://127.0.0.1.attacker.example/v2")!, apiKey: APIKey("KEYx")!)
        }
        #expect(error?.message.contains("plain http to another machine") == true)
        _ = try TelnyxConfiguration(baseURL: URL(string: "http://[::1]:8080/v2")!, apiKey: APIKey("KEYx")!)
    }

    @Test func credentialsInTheBaseURLAreRefusedWithoutBeingEchoed() {
        let error = #expect(throws: TelnyxError.self) {
            try TelnyxConfiguration(baseURL: URL(string: "https://admin:hunter2@api.telnyx.com/v2")!, apiKey: APIKey("KEYx")!)
        }
        #expect(
            error?.message
                == "configure was not sent: the base URL carries a user name, password, query or fragment (user:pass@, ?token=…); leave them out: the API key is the only credential, from TELNYX_API_KEY or --api-key-file"
        )
        #expect(error?.message.contains("hunter2") == false)
        #expect(throws: TelnyxError.self) {
            try TelnyxConfiguration(baseURL: URL(string: "https://api.telnyx.com/v2?token=KEYsecret")!, apiKey: APIKey("KEYx")!)
        }
    }
}
