import AsyncHTTPClient
import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// One method per call the wizard makes to Telnyx. Every failure is a `TelnyxError`.
public struct TelnyxClient: Sendable {
    /// At most this many numbers go in one associate or refresh request.
    public static let maximumNumbersPerRequest = 100

    public let configuration: TelnyxConfiguration
    let client: Client

    /// The HTTP client every `TelnyxClient` shares unless given another. Connection failures
    /// surface at once instead of being retried inside the pool until the request's deadline:
    /// `RetryMiddleware` already retries them, with backoff the caller controls. Up to
    /// `mostInFlight` HTTP/1.1 connections a host (AsyncHTTPClient's default, 8, held bulk work
    /// to 8 in flight whatever the rate limit allowed).
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = mostInFlight
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// `extraMiddlewares` run closest to the network, after auth (tests use them to observe
    /// exactly what is sent).
    public init(
        configuration: TelnyxConfiguration, httpClient: HTTPClient = TelnyxClient.sharedHTTPClient,
        extraMiddlewares: [any ClientMiddleware] = []
    ) {
        self.configuration = configuration
        let deadlines = configuration.deadlines
        let transport = AsyncHTTPClientTransport(
            configuration: .init(client: httpClient, timeout: .milliseconds(Deadlines.milliseconds(deadlines.attempt))))
        client = Client(
            serverURL: configuration.baseURL, configuration: .telnyx, transport: transport,
            middlewares: [
                RetryMiddleware(policy: configuration.retry), DeadlineMiddleware(scope: .attempt, deadlines: deadlines),
                ResponseCheckMiddleware(maximumBody: deadlines.maximumBodyBytes),
                RateLimitMiddleware(pacer: configuration.pacer), AuthenticationMiddleware(apiKey: configuration.apiKey),
                DocumentUploadMiddleware(), NullWebhookMiddleware(),
                DeadlineMiddleware(scope: .firstByte, deadlines: deadlines),
            ] + extraMiddlewares)
    }

    // MARK: Terms of Service

    /// Always asks about `number_reputation`: the endpoint's default is another product.
    public func termsStatus() async throws(TelnyxError) -> TermsStatus {
        try await call("GET /terms_of_service/status") {
            try await client.getTermsOfServiceStatus(query: .init(productType: .init(.numberReputation))).ok.body.json.data
        }
    }

    /// Idempotent. Older API revisions answer 400/10015 when already agreed; that is success too.
    public func agreeToTerms() async throws(TelnyxError) -> TermsAgreement {
        do {
            return try await call("POST /terms_of_service/number_reputation/agree") {
                try await client.agreeNumberReputationTermsOfService().created.body.json.data
            }
        } catch let error where error.status == 400 && error.has(code: "10015") {
            let status = try await termsStatus()
            guard status.hasAgreed else { throw error }
            return TermsAgreement(
                agreedAt: status.agreedAt, productType: .init(.numberReputation), termsVersion: status.agreedVersion,
                version: status.agreedVersion)
        }
    }

    // MARK: Enterprises

    public func createEnterprise(_ enterprise: EnterpriseCreate) async throws(TelnyxError) -> Enterprise {
        try await call("POST /enterprises") { try await client.createEnterprise(body: .json(enterprise)).created.body.json.data }
    }

    public func listEnterprises(
        legalNameContains: String? = nil, page: Int = 1, pageSize: Int = 250
    ) async throws(TelnyxError) -> Page<Enterprise> {
        try await call("GET /enterprises") {
            let answer = try await client.listEnterprises(
                query: .init(
                    page_lbrack_number_rbrack_: page, page_lbrack_size_rbrack_: pageSize,
                    filter_lbrack_legalName_rbrack__lbrack_contains_rbrack_: legalNameContains)
            ).ok.body.json
            return Page(
                items: answer.data, pageNumber: answer.meta.pageNumber, totalPages: answer.meta.totalPages,
                totalResults: answer.meta.totalResults, requestedPage: page)
        }
    }

    public func allEnterprises(legalNameContains: String? = nil) async throws(TelnyxError) -> [Enterprise] {
        try await collect { page, size in try await listEnterprises(legalNameContains: legalNameContains, page: page, pageSize: size) }
    }

    public func enterprise(id: String) async throws(TelnyxError) -> Enterprise {
        try await call("GET /enterprises/\(id)") { try await client.getEnterprise(path: .init(enterpriseId: id)).ok.body.json.data }
    }

    public func updateEnterprise(id: String, _ changes: EnterpriseUpdate) async throws(TelnyxError) -> Enterprise {
        try await call("PUT /enterprises/\(id)") {
            try await client.updateEnterprise(path: .init(enterpriseId: id), body: .json(changes)).ok.body.json.data
        }
    }

    // MARK: LOA and documents

    /// The pre-filled LOA as PDF bytes.
    public func renderLOA(enterpriseId: String, agent: LOAAgent? = nil, signature: LOASignature? = nil) async throws(TelnyxError) -> [UInt8]
    {
        try await call("POST /enterprises/\(enterpriseId)/reputation/loa") {
            let body = try await client.generateReputationLoa(
                path: .init(enterpriseId: enterpriseId), body: .json(.init(agent: agent, signature: signature))
            ).ok.body.pdf
            return try await [UInt8](collecting: body, upTo: configuration.deadlines.maximumBodyBytes)
        }
    }

    /// Uploads a file as multipart, as `curl -F file=@loa.pdf` would. Its `id` is the `loa_document_id`.
    public func uploadDocument(
        _ bytes: [UInt8], filename: String, customerReference: String? = nil
    ) async throws(TelnyxError) -> UploadedDocument {
        try await call("POST /documents") {
            var parts: [Components.Schemas.CreateMultiPartDocServiceDocumentRequest] = [
                .file(.init(payload: .init(body: HTTPBody(bytes)), filename: filename))
            ]
            if let customerReference { parts.append(.customerReference(.init(payload: .init(body: HTTPBody(customerReference))))) }
            guard let document = try await client.createDocument(body: .multipartForm(MultipartBody(parts))).ok.body.json.data
            else { throw Self.missingData }
            return document
        }
    }

    /// Replaces a rejected or pending LOA; `loa_status` goes back to `pending`.
    public func replaceLOA(enterpriseId: String, documentId: String) async throws(TelnyxError) -> ReputationSettings {
        try await call("PATCH /enterprises/\(enterpriseId)/reputation/loa") {
            try await client.replaceReputationLoa(path: .init(enterpriseId: enterpriseId), body: .json(.init(loaDocumentId: documentId)))
                .ok.body.json.data
        }
    }

    // MARK: Reputation settings

    /// Billable.
    public func enableReputation(
        enterpriseId: String, loaDocumentId: String, checkFrequency: CheckFrequency? = nil
    ) async throws(TelnyxError) -> ReputationSettings {
        try await call("POST /enterprises/\(enterpriseId)/reputation") {
            try await client.enableReputationSettings(
                path: .init(enterpriseId: enterpriseId),
                body: .json(.init(checkFrequency: checkFrequency.map { .init(value1: $0) }, loaDocumentId: loaDocumentId))
            ).created.body.json.data
        }
    }

    public func reputationSettings(enterpriseId: String) async throws(TelnyxError) -> ReputationSettings {
        try await call("GET /enterprises/\(enterpriseId)/reputation") {
            try await client.getReputationSettings(path: .init(enterpriseId: enterpriseId)).ok.body.json.data
        }
    }

    /// De-registers every number of the enterprise; enabling again needs a new LOA.
    public func disableReputation(enterpriseId: String) async throws(TelnyxError) {
        try await call("DELETE /enterprises/\(enterpriseId)/reputation") {
            _ = try await client.disableReputationSettings(path: .init(enterpriseId: enterpriseId)).noContent
        }
    }

    public func changeFrequency(enterpriseId: String, to frequency: CheckFrequency) async throws(TelnyxError) -> ReputationSettings {
        try await call("PATCH /enterprises/\(enterpriseId)/reputation/frequency") {
            try await client.updateReputationFrequency(
                path: .init(enterpriseId: enterpriseId), body: .json(.init(checkFrequency: frequency))
            )
            .ok.body.json.data
        }
    }

    // MARK: Numbers

    /// Billable, atomic, at most 100 numbers.
    public func associateNumbers(enterpriseId: String, _ phoneNumbers: [String]) async throws(TelnyxError) -> [ReputationNumber] {
        let operation = "POST /enterprises/\(enterpriseId)/reputation/numbers"
        try Self.checkBatch(phoneNumbers, operation: operation)
        return try await call(operation) {
            try await client.associateReputationNumbers(
                path: .init(enterpriseId: enterpriseId), body: .json(.init(phoneNumbers: phoneNumbers))
            )
            .created.body.json.data
        }
    }

    /// The enterprise's monitored numbers, a page at a time (free). `ownershipStatus: .removed`
    /// lists the removed ones (tombstones, with `removal_reason`) instead, which are never
    /// counted otherwise.
    public func listNumbers(
        enterpriseId: String, page: Int = 1, pageSize: Int = 250, phoneNumberContains: String? = nil, phoneNumber: String? = nil,
        source: NumberSource.Known? = nil, ownershipStatus: OwnershipStatus.Known? = nil
    ) async throws(TelnyxError) -> Page<ReputationNumber> {
        try await call("GET /enterprises/\(enterpriseId)/reputation/numbers") {
            let answer = try await client.listReputationNumbers(
                path: .init(enterpriseId: enterpriseId),
                query: .init(
                    page_lbrack_number_rbrack_: page, page_lbrack_size_rbrack_: pageSize,
                    filter_lbrack_phoneNumber_rbrack__lbrack_contains_rbrack_: phoneNumberContains,
                    filter_lbrack_phoneNumber_rbrack__lbrack_eq_rbrack_: phoneNumber,
                    filter_lbrack_source_rbrack_: source.map(NumberSource.init),
                    filter_lbrack_ownershipStatus_rbrack_: ownershipStatus.map(OwnershipStatus.init))
            ).ok.body.json.value1
            return Page(
                items: answer.data, pageNumber: answer.meta.pageNumber, totalPages: answer.meta.totalPages,
                totalResults: answer.meta.totalResults, requestedPage: page)
        }
    }

    /// Every monitored number of the enterprise (all pages); `ownershipStatus: .removed`, every
    /// removed one instead.
    public func allNumbers(
        enterpriseId: String, phoneNumberContains: String? = nil, ownershipStatus: OwnershipStatus.Known? = nil
    ) async throws(TelnyxError) -> [ReputationNumber] {
        try await collect { page, size in
            try await listNumbers(
                enterpriseId: enterpriseId, page: page, pageSize: size, phoneNumberContains: phoneNumberContains,
                ownershipStatus: ownershipStatus)
        }
    }

    /// Cached data is free; `fresh`, or a number never looked up, is a billed live lookup.
    /// `mayBill` (the caller's knowledge that the number was never read; implied by `fresh`)
    /// makes the read a billable call: never resent unless it provably did not reach Telnyx.
    public func numberReputation(
        enterpriseId: String, phoneNumber: String, fresh: Bool = false, mayBill: Bool = false
    ) async throws(TelnyxError) -> ReputationNumber {
        try await call("GET /enterprises/\(enterpriseId)/reputation/numbers/\(phoneNumber)", billable: fresh || mayBill) {
            try await client.getPhoneNumberReputation(
                path: .init(enterpriseId: enterpriseId, phoneNumber: phoneNumber), query: .init(fresh: fresh)
            ).ok.body.json.data
        }
    }

    /// The number stops being monitored; it stays in the account's inventory.
    public func removeNumber(enterpriseId: String, phoneNumber: String) async throws(TelnyxError) {
        try await call("DELETE /enterprises/\(enterpriseId)/reputation/numbers/\(phoneNumber)") {
            _ = try await client.disassociateReputationNumber(path: .init(enterpriseId: enterpriseId, phoneNumber: phoneNumber)).noContent
        }
    }

    /// Billable per number refreshed; answers per number.
    public func refreshNumbers(enterpriseId: String, _ phoneNumbers: [String]) async throws(TelnyxError) -> RefreshOutcome {
        let operation = "POST /enterprises/\(enterpriseId)/reputation/numbers/refresh"
        try Self.checkBatch(phoneNumbers, operation: operation)
        return try await call(operation) {
            try await client.refreshReputationNumbers(
                path: .init(enterpriseId: enterpriseId), body: .json(.init(phoneNumbers: phoneNumbers))
            )
            .ok.body.json.data
        }
    }

    // MARK: Simplified endpoints (accounts with one enterprise)

    public func listAccountNumbers(
        page: Int = 1, pageSize: Int = 250, enterpriseId: String? = nil, phoneNumberContains: String? = nil, phoneNumber: String? = nil
    ) async throws(TelnyxError) -> Page<ReputationNumber> {
        try await call("GET /reputation/numbers") {
            let answer = try await client.listReputationNumbersSimplified(
                query: .init(
                    page_lbrack_number_rbrack_: page, page_lbrack_size_rbrack_: pageSize,
                    filter_lbrack_phoneNumber_rbrack__lbrack_contains_rbrack_: phoneNumberContains,
                    filter_lbrack_enterpriseId_rbrack_: enterpriseId,
                    filter_lbrack_phoneNumber_rbrack__lbrack_eq_rbrack_: phoneNumber)
            ).ok.body.json.value1
            return Page(
                items: answer.data, pageNumber: answer.meta.pageNumber, totalPages: answer.meta.totalPages,
                totalResults: answer.meta.totalResults, requestedPage: page)
        }
    }

    /// As `numberReputation`, for accounts with one enterprise.
    public func accountNumberReputation(
        phoneNumber: String, fresh: Bool = false, mayBill: Bool = false
    ) async throws(TelnyxError) -> ReputationNumber {
        try await call("GET /reputation/numbers/\(phoneNumber)", billable: fresh || mayBill) {
            try await client.getPhoneNumberReputationSimplified(path: .init(phoneNumber: phoneNumber), query: .init(fresh: fresh))
                .ok.body.json.data
        }
    }

    public func removeAccountNumber(phoneNumber: String) async throws(TelnyxError) {
        try await call("DELETE /reputation/numbers/\(phoneNumber)") {
            _ = try await client.disassociateReputationNumberSimplified(path: .init(phoneNumber: phoneNumber)).noContent
        }
    }

    // MARK: Inventory

    /// The account's phone numbers (`/phone_numbers`), which are the only ones that can be monitored.
    public func inventory(page: Int = 1, pageSize: Int = 250) async throws(TelnyxError) -> Page<InventoryNumber> {
        try await call("GET /phone_numbers") {
            let answer = try await client.listPhoneNumbers(query: .init(page: .init(number: page, size: pageSize))).ok.body.json
            return Page(
                items: answer.data, pageNumber: answer.meta.pageNumber, totalPages: answer.meta.totalPages,
                totalResults: answer.meta.totalResults, requestedPage: page)
        }
    }

    public func allInventory() async throws(TelnyxError) -> [InventoryNumber] {
        try await collect { page, size in try await inventory(page: page, pageSize: size) }
    }

    // MARK: Plumbing

    static let missingData = TelnyxError(
        .malformedResponse(status: 200, contentType: "application/json", excerpt: "no data"), operation: "")

    static func checkBatch(_ phoneNumbers: [String], operation: String) throws(TelnyxError) {
        guard !phoneNumbers.isEmpty, phoneNumbers.count <= maximumNumbersPerRequest else {
            throw TelnyxError(
                .invalidRequest(
                    reason:
                        "a request takes 1 to \(maximumNumbersPerRequest) numbers, not \(phoneNumbers.count); split the list into batches"),
                operation: operation)
        }
    }

    /// Pages fetched at once after the first; well under Telnyx's rate limits.
    /// Requests in flight before the server has said its rate-limit budget, and the most ever.
    public static let startingInFlight = 4
    public static let mostInFlight = 32

    /// How many requests a bulk job (pages, batches, lookups) may have in flight now: what the
    /// server's rate-limit headers allow (`RateLimitPacer.allowance`), 4 before they are known,
    /// at most 32. The pacer still holds each request until the window allows it, so this never
    /// runs into a 429 in normal operation.
    public var inFlightAllowance: Int {
        configuration.pacer.allowance(starting: Self.startingInFlight, maximum: Self.mostInFlight)
    }

    func collect<Item: Sendable>(_ fetch: @escaping @Sendable (Int, Int) async throws -> Page<Item>) async throws(TelnyxError) -> [Item] {
        do {
            let pacer = configuration.pacer
            return try await Page<Item>.collectAll(
                concurrency: { pacer.allowance(starting: Self.startingInFlight, maximum: Self.mostInFlight) }, fetch: fetch)
        } catch {
            throw Self.translate(error, operation: "list")
        }
    }

    /// Runs a generated call within the call's deadline (retries included) and turns whatever
    /// it throws into a `TelnyxError`. A `billable` call is resent only when it provably was not
    /// sent (see `BillableCall`).
    func call<Result: Sendable>(
        _ operation: String, billable: Bool = false, _ body: @escaping @Sendable () async throws -> Result
    ) async throws(TelnyxError) -> Result {
        let deadline = configuration.deadlines.call
        do {
            return try await BillableCall.whileBilling(billable) {
                try await withDeadline(
                    deadline,
                    expired: {
                        TelnyxError(
                            .outcomeUnknown(reason: "no complete answer within \(Deadlines.words(deadline)), retries included"),
                            operation: operation)
                    }, body)
            }
        } catch {
            throw Self.translate(error, operation: operation)
        }
    }

    static func translate(_ error: any Error, operation: String) -> TelnyxError {
        if let telnyx = TelnyxError.unwrapping(error) {
            var telnyx = telnyx
            if telnyx.operation.isEmpty { telnyx.operation = operation }
            return telnyx
        }
        if let client = error as? ClientError {
            guard let response = client.response else {
                // Failed while building the request: nothing was sent.
                return TelnyxError(.invalidRequest(reason: client.causeDescription), operation: operation)
            }
            // A documented success whose JSON does not match the schema, or an undocumented status.
            return TelnyxError(
                .malformedResponse(
                    status: response.status.code, contentType: response.headerFields[.contentType],
                    excerpt: String(describing: client.underlyingError).prefix(120).description),
                operation: operation)
        }
        // `.ok`/`.created` on an unexpected case: the runtime's accessor threw.
        return TelnyxError(
            .malformedResponse(status: 0, contentType: nil, excerpt: String(describing: error).prefix(120).description),
            operation: operation)
    }
}
