import Foundation
import HTTPTypes
import Hummingbird
import TelnyxAPI

/// `/_simulator/…`: what tests, benchmarks and the sandbox use to look inside the world and to
/// steer it. JSON in and out, outside `/v2` so no client of Telnyx can reach it by mistake.
struct AdminRoutes {
    let world: SimulatorWorld
    let faults: FaultBook

    struct Ledger: Encodable {
        var entries: [LedgerEntry]
        var totalUSD: Double
        enum CodingKeys: String, CodingKey {
            case entries
            case totalUSD = "total_usd"
        }
    }

    struct Advance: Decodable { var seconds: Double }

    struct Gates: Decodable {
        var status: String?
        var loaStatus: String?
        var rejectionReasons: [String]?
        enum CodingKeys: String, CodingKey {
            case status
            case loaStatus = "loa_status"
            case rejectionReasons = "rejection_reasons"
        }
    }

    struct OwnershipFlag: Decodable { var reason: String }

    struct SteeredRisk: Decodable {
        var spamRisk: String?
        enum CodingKeys: String, CodingKey { case spamRisk = "spam_risk" }
    }

    struct ProofDecision: Decodable {
        var status: String
        var rejectionReason: String?
        enum CodingKeys: String, CodingKey {
            case status
            case rejectionReason = "rejection_reason"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        let admin = router.group("_simulator")
        admin.get("ledger") { _, _ in
            let entries = world.ledger
            let total = (entries.reduce(0) { $0 + $1.amountUSD } * 100).rounded() / 100
            return try Self.json(Ledger(entries: entries, totalUSD: total))
        }
        admin.get("inventory") { _, _ in try Self.json(["phone_numbers": world.inventory]) }
        admin.post("clock/advance") { request, context in
            let advance = try await Self.decode(Advance.self, request, context)
            guard advance.seconds >= 0 else { throw Self.badInput("seconds must be 0 or more") }
            world.clock.advance(by: advance.seconds)
            return try Self.json(["now": try TelnyxDateTranscoder().encode(world.clock.now)])
        }
        admin.put("enterprises/:id/gates") { request, context in
            let gates = try await Self.decode(Gates.self, request, context)
            let id = try context.parameters.require("id")
            do {
                try world.setGates(
                    enterpriseId: id, status: gates.status, loaStatus: gates.loaStatus, rejectionReasons: gates.rejectionReasons)
                return try Self.json(world.reputationSettings(enterpriseId: id), encoder: Self.telnyxEncoder)
            } catch let error as SimulatorError {
                return GatewayMiddleware<Context>.response(error)
            }
        }
        // Ownership: flag a number now, port it away (the next daily check flags it), decide a proof.
        admin.post("numbers/:number/flag") { request, context in
            let flag = try await Self.decode(OwnershipFlag.self, request, context)
            return try Self.answer(Context.self) { try world.flagOwnership(phoneNumber: try Self.number(context), reason: flag.reason) }
        }
        // Reputation: what every later lookup of a number finds (`{"spam_risk": "high"}`; null undoes).
        admin.post("numbers/:number/reputation") { request, context in
            let steer = try await Self.decode(SteeredRisk.self, request, context)
            return try Self.answer(Context.self) { try world.steerRisk(phoneNumber: try Self.number(context), risk: steer.spamRisk) }
        }
        admin.post("numbers/:number/port-away") { _, context in
            try Self.answer(Context.self) { try world.portAway(phoneNumber: try Self.number(context)) }
        }
        admin.put("enterprises/:id/external-verification") { request, context in
            let decision = try await Self.decode(ProofDecision.self, request, context)
            guard ["approved", "rejected"].contains(decision.status) else { throw Self.badInput("status must be approved or rejected") }
            let id = try context.parameters.require("id")
            return try Self.answer(Context.self) {
                try world.decideExternalVerification(
                    enterpriseId: id, approve: decision.status == "approved", reason: decision.rejectionReason)
            }
        }
        admin.put("faults") { request, context in
            let rules = try await Self.decode([FaultRule].self, request, context)
            faults.replace(with: rules)
            return try Self.json(["faults": faults.current])
        }
        admin.delete("faults") { _, _ in
            faults.clear()
            return Response(status: .noContent)
        }
        admin.get("world") { _, _ in try Self.json(world.snapshot(), encoder: Self.telnyxEncoder) }
        admin.post("reset") { _, _ in
            world.reset()
            faults.clear()
            return Response(status: .noContent)
        }
    }

    /// The path's number, `+` included (`%2B` decoded).
    static func number<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("number")
        return raw.removingPercentEncoding ?? raw
    }

    /// 204 when `change` succeeds; its error in Telnyx's envelope otherwise.
    static func answer<Context: RequestContext>(_ context: Context.Type, _ change: () throws -> Void) throws -> Response {
        do {
            try change()
            return Response(status: .noContent)
        } catch let error as SimulatorError {
            return GatewayMiddleware<Context>.response(error)
        }
    }

    static let telnyxEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try TelnyxDateTranscoder().encode(date))
        }
        return encoder
    }()

    static func json<Value: Encodable>(_ value: Value, encoder: JSONEncoder = telnyxEncoder) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static func decode<Value: Decodable, Context: RequestContext>(
        _ type: Value.Type, _ request: Request, _ context: Context
    ) async throws -> Value {
        let buffer = try await request.body.collect(upTo: 1_048_576)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: buffer))
        } catch {
            throw badInput("The body must be JSON for \(type): \(error)")
        }
    }

    static func badInput(_ message: String) -> HTTPError { HTTPError(.badRequest, message: message) }
}
