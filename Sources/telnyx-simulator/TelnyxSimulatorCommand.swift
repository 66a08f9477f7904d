import ArgumentParser
import Foundation
import Hummingbird
import TelnyxSimulator

@main
struct TelnyxSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telnyx-simulator",
        abstract: "A faithful simulator of Telnyx's Number Reputation API, for tests and the sandbox.",
        discussion: """
            Serves the API under /v2 and admin routes under /_simulator (see README.md).
            Prints 'listening on http://HOST:PORT/v2' as its first line once ready.
            """)

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free one.") var port = 0
    @Option(help: "Reviewer behaviour: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: Scenario = .happy
    @Option(
        name: .customLong("ownership-review"),
        help:
            "How the ownership proof for numbers hosted elsewhere is decided: \(OwnershipReview.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var ownershipReview: OwnershipReview = .approved
    @Option(help: "Seed for the inventory, ids and reputation data.") var seed: UInt64 = 1
    @Option(help: "Active US local numbers in the account's inventory.") var inventory = 1000
    @Option(name: .customLong("latency-ms"), help: "Delay added to every API answer, in milliseconds.")
    var latencyMs = 0
    @Option(name: .customLong("rate-limit"), help: "API requests per second before answering 429.")
    var rateLimit = 1000
    @Option(name: .customLong("api-key"), help: "Accept only this bearer key (any non-empty key when absent).")
    var apiKey: String?
    @Flag(name: .customLong("frozen-clock"), help: "Simulated time moves only through /_simulator/clock/advance.")
    var frozenClock = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard inventory >= 0 else { throw ValidationError("--inventory must be 0 or more.") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must be 0 or more.") }
        guard rateLimit >= 1 else { throw ValidationError("--rate-limit must be 1 or more.") }
    }

    func run() async throws {
        var options = SimulatorOptions()
        options.scenario = scenario
        options.ownershipReview = ownershipReview
        options.seed = seed
        options.inventorySize = inventory
        options.latencyMs = latencyMs
        options.rateLimit = rateLimit
        options.requiredAPIKey = apiKey
        options.clockStart = Date()
        options.clockMode = frozenClock ? .manual : .flowing
        let server = TelnyxSimulatorServer(options: options)
        let host = self.host
        let app = try server.makeApplication(host: host, port: port) { port in
            // Written straight to the descriptor: whoever starts us waits for this line.
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)/v2\n".utf8))
        }
        try await app.runService()
    }
}

extension Scenario: ExpressibleByArgument {}
extension OwnershipReview: ExpressibleByArgument {}
