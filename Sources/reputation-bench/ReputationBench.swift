import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OnboardingEngine
import TelnyxAPI
import TelnyxSimulator

/// Associating many numbers and listing them back, against the simulator at a realistic
/// latency: the engine's way, a naive one-number-at-a-time way with the default page size, and
/// the floor (requests needed × latency ÷ allowed concurrency), measured in one run; then what a
/// key costs on the step 9 table with as many numbers (`TableRendering`).
@main
struct ReputationBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reputation-bench", abstract: "Benchmarks with their own report.")

    @Option(help: "Numbers to associate and list back.") var numbers = 10_000
    @Option(name: .customLong("latency-ms"), help: "Simulated network latency per request.") var latencyMs = 20
    @Flag(help: "Only the step 9 table's drawing and the step 7 paste, no network.") var tableOnly = false
    @Flag(name: .customLong("skip-naive"), help: "Leave out the naive run (about 4 minutes at 10,000 numbers); its column says nan.")
    var skipNaive = false
    @Option(help: "Numbers pasted at step 7.") var pasted = 20_000
    @Option(name: .customLong("idle-seconds"), help: "Seconds the wizard is measured idle at step 6, each way (0 skips it).")
    var idleSeconds = 60
    @Option(name: .customLong("rate-limit"), help: "Requests a second the simulator allows (its x-ratelimit headers).")
    var rateLimit = 1000
    @Option(
        name: .customLong("history-readings"),
        help: "Readings per number kept in the store case (260: a year of business days; 0 skips it).")
    var historyReadings = 260
    @Option(name: .customLong("desk-onboardings"), help: "Onboardings in the desk-load case (0 skips it).") var deskOnboardings = 5_000
    @Option(name: .customLong("desk-readers"), help: "Desks reading at once in the desk-load case (one more writes).") var deskReaders = 10
    @Option(
        name: .customLong("desk-database"),
        help:
            "A PostgreSQL server URL for the desk-load case's shared store (default: REPUTATION_WIZARD_TEST_DATABASE_URL; SQLite alone without)."
    )
    var deskDatabase: String?

    func run() async throws {
        if deskOnboardings > 0 {
            print(
                try DeskLoad.report(
                    onboardings: deskOnboardings, readers: deskReaders, lists: 3, statuses: 30,
                    databaseURL: deskDatabase ?? ProcessInfo.processInfo.environment["REPUTATION_WIZARD_TEST_DATABASE_URL"]))
            print("")
        }
        if !tableOnly { try await associateAndList() }
        if historyReadings > 0 {
            print("")
            print(try WatchAndHistory.storeReport(numbers: numbers, readings: historyReadings))
        }
        print("")
        print(TableRendering.report(numbers: numbers))
        print("")
        print(HistoryViewRendering.report(numbers: numbers, readings: max(historyReadings, 1)))
        print("")
        print(PasteHandling.report(numbers: pasted))
        if idleSeconds > 0 {
            print("")
            print(try await IdleWizard.report(seconds: idleSeconds))
        }
    }

    func associateAndList() async throws {
        var options = SimulatorOptions()
        options.inventorySize = numbers * 2
        options.latencyMs = latencyMs
        options.rateLimit = rateLimit
        guard let simulator = try await BenchSimulator.start(options, retry: .never) else { return }
        defer { simulator.serving.cancel() }
        let server = simulator.server
        let client = simulator.client

        let inventory = server.world.inventory
        let fast = try await approvedEnterprise(client, server, name: "Bench Fast LLC", fein: "11-1111111")
        let naive = try await approvedEnterprise(client, server, name: "Bench Naive LLC", fein: "22-2222222")
        let fastNumbers = Array(inventory.prefix(numbers))
        let naiveNumbers = Array(inventory.dropFirst(numbers).prefix(numbers))
        let counter = server.world.ledger.count

        // The engine's way: batches of 100, four in flight, then pages of 250.
        let engineStart = ContinuousClock.now
        let report = try await BulkAssociation(client: client, enterpriseId: fast).run(fastNumbers)
        let engineAssociated = ContinuousClock.now
        let listed = try await client.allNumbers(enterpriseId: fast)
        let engineEnd = ContinuousClock.now
        precondition(report.monitored.count == numbers && listed.count == numbers, "the engine's run did not add and list every number")

        // The naive way: one number per request, one request at a time, the default page size.
        let naiveStart = ContinuousClock.now
        for number in naiveNumbers where !skipNaive { _ = try await client.associateNumbers(enterpriseId: naive, [number]) }
        let naiveAssociated = ContinuousClock.now
        var naiveListed = 0
        var page = 1
        while !skipNaive {
            let answer = try await client.listNumbers(enterpriseId: naive, page: page, pageSize: 10)
            naiveListed += answer.count
            if answer.pageNumber >= answer.totalPages || answer.items.isEmpty { break }
            page += 1
        }
        let naiveEnd = ContinuousClock.now
        precondition(skipNaive || naiveListed == numbers, "the naive run did not list every number")
        precondition(server.world.ledger.count - counter == (skipNaive ? 1 : 2) * numbers, "each number must be billed once")

        // The floor: the requests the job needs, at the latency, spread over the concurrency allowed
        // (four in flight; a list's first page must come back before the others can be asked for).
        let latency = Double(latencyMs) / 1000
        let associateRequests = (numbers + 99) / 100
        let listRequests = (numbers + 249) / 250
        let most = TelnyxClient.mostInFlight
        let floorAssociate = Double((associateRequests + most - 1) / most) * latency
        let floorList = Double(1 + (listRequests - 1 + most - 1) / most) * latency
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let engineAssociate = seconds(engineAssociated - engineStart)
        let engineList = seconds(engineEnd - engineAssociated)
        let naiveAssociate = skipNaive ? .nan : seconds(naiveAssociated - naiveStart)
        let naiveList = skipNaive ? .nan : seconds(naiveEnd - naiveAssociated)
        func row(_ name: String, _ engine: Double, _ naive: Double, _ floor: Double) -> String {
            String(
                format: "| %@ | %.2f s | %.2f s | %.2f s | %.1f× faster | %.1f× the floor |", name, engine, naive, floor, naive / engine,
                engine / floor)
        }
        print(
            """
            reputation-bench: \(numbers) numbers at \(latencyMs) ms latency, one run

            | job | engine | naive | floor | engine vs naive | engine vs floor |
            |---|---|---|---|---|---|
            \(row("associate", engineAssociate, naiveAssociate, floorAssociate))
            \(row("list back", engineList, naiveList, floorList))
            \(row("both", engineAssociate + engineList, naiveAssociate + naiveList, floorAssociate + floorList))

            engine: reads the monitored numbers (pages of 250) and asks verify_ownership (1,000 numbers a call), then batches of 100; lists back in pages of 250; as many in flight as the server's rate limit allows (4 until it says, at most \(TelnyxClient.mostInFlight)).
            naive: one number per request, one at a time; then pages of 10, the default, one at a time.
            floor: \(associateRequests) associate requests, \(TelnyxClient.mostInFlight) in flight, × \(latencyMs) ms; plus the first of \(listRequests) list pages, then the rest \(TelnyxClient.mostInFlight) at a time, × \(latencyMs) ms.
            """)
        print("")
        let stepsSevenEight = try await WatchAndHistory.report(
            server: server, client: client, enterpriseId: fast, numbers: fastNumbers, latencyMs: latencyMs, rateLimit: rateLimit,
            associateSeconds: WatchAndHistory.seconds(engineAssociated - engineStart),
            associateRequests: (numbers + 99) / 100 + (numbers + 999) / 1000 + 1)
        print(stepsSevenEight)
    }

    func approvedEnterprise(_ client: TelnyxClient, _ server: TelnyxSimulatorServer, name: String, fein: String) async throws -> String {
        _ = try await client.agreeToTerms()
        let address = PhysicalAddress(
            administrativeArea: "IL", city: "Chicago", country: "US", postalCode: "60601", streetAddress: "1 Main St")
        let enterprise = try await client.createEnterprise(
            EnterpriseCreate(
                billingAddress: address,
                billingContact: .init(email: "b@bench.example.com", firstName: "B", lastName: "C", phoneNumber: "+13125550002"),
                countryCode: "US", doingBusinessAs: name, fein: fein, industry: .technology, jurisdictionOfIncorporation: "Delaware",
                legalName: name, numberOfEmployees: ._110,
                organizationContact: .init(
                    email: "o@bench.example.com", firstName: "O", jobTitle: "Owner", lastName: "P", phoneNumber: "+13125550003"),
                organizationLegalType: .llc, organizationPhysicalAddress: address, organizationType: .commercial,
                website: "https://bench.example.com"))
        let document = try await client.uploadDocument(Array("%PDF-1.4\n%%EOF\n".utf8), filename: "loa.pdf")
        _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
        server.world.clock.advance(by: 301)
        return enterprise.id!
    }
}
