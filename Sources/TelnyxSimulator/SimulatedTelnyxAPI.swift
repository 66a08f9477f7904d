import Foundation
import OpenAPIRuntime
import TelnyxAPI

/// The generated server protocol, answered from the simulated world. Error answers are thrown
/// as `SimulatorError` and rendered in Telnyx's envelope by the error middleware.
struct SimulatedTelnyxAPI: APIProtocol {
    let world: SimulatorWorld

    // MARK: Terms of Service

    func agreeNumberReputationTermsOfService(
        _ input: Operations.AgreeNumberReputationTermsOfService.Input
    ) async throws
        -> Operations.AgreeNumberReputationTermsOfService.Output
    {
        .created(.init(body: .json(.init(data: world.agreeToTerms()))))
    }

    func getTermsOfServiceStatus(
        _ input: Operations.GetTermsOfServiceStatus.Input
    ) async throws -> Operations.GetTermsOfServiceStatus.Output {
        .ok(.init(body: .json(.init(data: world.termsStatus(productType: input.query.productType)))))
    }

    func listTermsOfServiceAgreements(
        _ input: Operations.ListTermsOfServiceAgreements.Input
    ) async throws
        -> Operations.ListTermsOfServiceAgreements.Output
    {
        let paging = try Paging(number: input.query.page_lbrack_number_rbrack_, size: input.query.page_lbrack_size_rbrack_, defaultSize: 20)
        let page = paging.slice(world.termsAgreements(productType: input.query.productType))
        return .ok(.init(body: .json(.init(data: Array(page.items), meta: .init(page.meta)))))
    }

    func getTermsOfServiceAgreement(
        _ input: Operations.GetTermsOfServiceAgreement.Input
    ) async throws
        -> Operations.GetTermsOfServiceAgreement.Output
    {
        .ok(.init(body: .json(.init(data: try world.termsAgreement(id: input.path.agreementId)))))
    }

    func getTermsOfServiceInfo(_ input: Operations.GetTermsOfServiceInfo.Input) async throws -> Operations.GetTermsOfServiceInfo.Output {
        let products: [Components.Schemas.TosProductType] =
            input.query.productType.map { [$0] } ?? [.init(.brandedCalling), .init(.numberReputation)]
        let items = products.map { product in
            Components.Schemas.TermsOfServiceInfoItem(
                currentVersion: SimulatorWorld.termsVersion, effectiveDate: "2025-07-10", productType: product,
                termsUrl: product.is(.numberReputation) ? SimulatorWorld.termsURL : "https://telnyx.com/terms/branded-calling")
        }
        return .ok(.init(body: .json(.init(agreements: items))))
    }

    // MARK: Enterprises

    func listEnterprises(_ input: Operations.ListEnterprises.Input) async throws -> Operations.ListEnterprises.Output {
        let query = input.query
        let paging = try Paging(number: query.page_lbrack_number_rbrack_, size: query.page_lbrack_size_rbrack_, defaultSize: 10)
        let (items, meta) = world.listEnterprises(
            legalName: query.legalName, contains: query.filter_lbrack_legalName_rbrack__lbrack_contains_rbrack_, paging: paging)
        return .ok(.init(body: .json(.init(data: items, meta: .init(meta)))))
    }

    func createEnterprise(_ input: Operations.CreateEnterprise.Input) async throws -> Operations.CreateEnterprise.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the enterprise as JSON.") }
        return .created(.init(body: .json(.init(data: try world.createEnterprise(body)))))
    }

    func getEnterprise(_ input: Operations.GetEnterprise.Input) async throws -> Operations.GetEnterprise.Output {
        .ok(.init(body: .json(.init(data: try world.enterprise(id: input.path.enterpriseId)))))
    }

    func updateEnterprise(_ input: Operations.UpdateEnterprise.Input) async throws -> Operations.UpdateEnterprise.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the enterprise as JSON.") }
        return .ok(.init(body: .json(.init(data: try world.updateEnterprise(id: input.path.enterpriseId, body)))))
    }

    func deleteEnterprise(_ input: Operations.DeleteEnterprise.Input) async throws -> Operations.DeleteEnterprise.Output {
        try world.deleteEnterprise(id: input.path.enterpriseId)
        return .noContent(.init())
    }

    // MARK: Reputation settings

    func getReputationSettings(_ input: Operations.GetReputationSettings.Input) async throws -> Operations.GetReputationSettings.Output {
        .ok(.init(body: .json(.init(data: try world.reputationSettings(enterpriseId: input.path.enterpriseId)))))
    }

    func enableReputationSettings(
        _ input: Operations.EnableReputationSettings.Input
    ) async throws
        -> Operations.EnableReputationSettings.Output
    {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the settings as JSON.") }
        return .created(.init(body: .json(.init(data: try world.enableReputation(enterpriseId: input.path.enterpriseId, body)))))
    }

    func disableReputationSettings(
        _ input: Operations.DisableReputationSettings.Input
    ) async throws
        -> Operations.DisableReputationSettings.Output
    {
        try world.disableReputation(enterpriseId: input.path.enterpriseId)
        return .noContent(.init())
    }

    func updateReputationFrequency(
        _ input: Operations.UpdateReputationFrequency.Input
    ) async throws
        -> Operations.UpdateReputationFrequency.Output
    {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the frequency as JSON.") }
        let settings = try world.updateFrequency(enterpriseId: input.path.enterpriseId, body.checkFrequency)
        return .ok(.init(body: .json(.init(data: settings))))
    }

    func generateReputationLoa(_ input: Operations.GenerateReputationLoa.Input) async throws -> Operations.GenerateReputationLoa.Output {
        let body: Components.Schemas.EnterpriseReputationLoaRender?
        switch input.body {
        case .json(let value): body = value
        case nil: body = nil
        }
        let pdf = try world.renderLOA(enterpriseId: input.path.enterpriseId, body)
        return .ok(.init(body: .pdf(HTTPBody(pdf))))
    }

    func replaceReputationLoa(_ input: Operations.ReplaceReputationLoa.Input) async throws -> Operations.ReplaceReputationLoa.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the LOA document id as JSON.") }
        let settings = try world.replaceLOA(enterpriseId: input.path.enterpriseId, documentId: body.loaDocumentId)
        return .ok(.init(body: .json(.init(data: settings))))
    }

    // MARK: Numbers

    func listReputationNumbers(_ input: Operations.ListReputationNumbers.Input) async throws -> Operations.ListReputationNumbers.Output {
        let query = input.query
        let paging = try Paging(number: query.page_lbrack_number_rbrack_, size: query.page_lbrack_size_rbrack_, defaultSize: 10)
        let (items, meta) = try world.listNumbers(
            enterpriseId: input.path.enterpriseId,
            filter: .init(
                contains: query.filter_lbrack_phoneNumber_rbrack__lbrack_contains_rbrack_,
                equals: query.filter_lbrack_phoneNumber_rbrack__lbrack_eq_rbrack_, source: query.filter_lbrack_source_rbrack_,
                ownershipStatus: query.filter_lbrack_ownershipStatus_rbrack_),
            paging: paging)
        return .ok(.init(body: .json(.init(value1: .init(data: items, meta: meta)))))
    }

    func associateReputationNumbers(
        _ input: Operations.AssociateReputationNumbers.Input
    ) async throws
        -> Operations.AssociateReputationNumbers.Output
    {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the numbers as JSON.") }
        let added = try world.associate(enterpriseId: input.path.enterpriseId, phoneNumbers: body.phoneNumbers)
        let meta = Components.Schemas.NumberReputationPaginationMeta(
            pageNumber: 1, pageSize: added.count, totalPages: 1, totalResults: added.count)
        return .created(.init(body: .json(.init(data: added, meta: meta))))
    }

    func refreshReputationNumbers(
        _ input: Operations.RefreshReputationNumbers.Input
    ) async throws
        -> Operations.RefreshReputationNumbers.Output
    {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the numbers as JSON.") }
        let data = try world.refresh(enterpriseId: input.path.enterpriseId, phoneNumbers: body.phoneNumbers)
        return .ok(.init(body: .json(.init(data: data))))
    }

    func getPhoneNumberReputation(
        _ input: Operations.GetPhoneNumberReputation.Input
    ) async throws
        -> Operations.GetPhoneNumberReputation.Output
    {
        let record = try world.numberReputation(
            enterpriseId: input.path.enterpriseId, phoneNumber: Self.pathNumber(input.path.phoneNumber),
            fresh: input.query.fresh ?? false)
        return .ok(.init(body: .json(.init(data: record))))
    }

    func disassociateReputationNumber(
        _ input: Operations.DisassociateReputationNumber.Input
    ) async throws
        -> Operations.DisassociateReputationNumber.Output
    {
        try world.removeNumber(enterpriseId: input.path.enterpriseId, phoneNumber: Self.pathNumber(input.path.phoneNumber))
        return .noContent(.init())
    }

    func listReputationNumbersSimplified(
        _ input: Operations.ListReputationNumbersSimplified.Input
    ) async throws
        -> Operations.ListReputationNumbersSimplified.Output
    {
        let query = input.query
        let paging = try Paging(number: query.page_lbrack_number_rbrack_, size: query.page_lbrack_size_rbrack_, defaultSize: 20)
        let (items, meta) = try world.listNumbers(
            enterpriseId: query.filter_lbrack_enterpriseId_rbrack_,
            filter: .init(
                contains: query.filter_lbrack_phoneNumber_rbrack__lbrack_contains_rbrack_,
                equals: query.filter_lbrack_phoneNumber_rbrack__lbrack_eq_rbrack_),
            paging: paging)
        return .ok(.init(body: .json(.init(value1: .init(data: items, meta: meta)))))
    }

    func getPhoneNumberReputationSimplified(
        _ input: Operations.GetPhoneNumberReputationSimplified.Input
    ) async throws
        -> Operations.GetPhoneNumberReputationSimplified.Output
    {
        let record = try world.numberReputation(
            enterpriseId: nil, phoneNumber: Self.pathNumber(input.path.phoneNumber), fresh: input.query.fresh ?? false)
        return .ok(.init(body: .json(.init(data: record))))
    }

    func disassociateReputationNumberSimplified(
        _ input: Operations.DisassociateReputationNumberSimplified.Input
    ) async throws
        -> Operations.DisassociateReputationNumberSimplified.Output
    {
        try world.removeNumber(enterpriseId: nil, phoneNumber: Self.pathNumber(input.path.phoneNumber))
        return .noContent(.init())
    }

    // MARK: Documents and inventory

    func createDocument(_ input: Operations.CreateDocument.Input) async throws -> Operations.CreateDocument.Output {
        let document: Components.Schemas.DocServiceDocument
        switch input.body {
        case .json(let body):
            guard body.url == nil || body.file != nil else {
                throw SimulatorError.invalid("The simulator cannot fetch documents from a URL; send the file itself.", pointer: "/url")
            }
            guard let encoded = body.file, let bytes = Data(base64Encoded: encoded) else {
                throw SimulatorError.invalid("file must be the document's contents in base64", pointer: "/file")
            }
            document = try world.uploadDocument(bytes: Array(bytes), filename: body.filename, customerReference: body.customerReference)
        case .multipartForm(let parts):
            var file: (bytes: [UInt8], filename: String?)?
            var reference: String?
            for try await part in parts {
                switch part {
                case .file(let filePart):
                    file = (
                        try await [UInt8](collecting: filePart.payload.body, upTo: SimulatorWorld.maximumDocumentBytes + 1),
                        filePart.filename
                    )
                case .customerReference(let referencePart):
                    reference = try await String(collecting: referencePart.payload.body, upTo: 4096)
                case .undocumented: break
                }
            }
            guard let file else { throw SimulatorError.invalid("a 'file' part is required", pointer: "/file") }
            document = try world.uploadDocument(bytes: file.bytes, filename: file.filename, customerReference: reference)
        }
        return .ok(.init(body: .json(.init(data: document))))
    }

    func listPhoneNumbers(_ input: Operations.ListPhoneNumbers.Input) async throws -> Operations.ListPhoneNumbers.Output {
        let paging = try Paging(number: input.query.page?.number, size: input.query.page?.size, defaultSize: 20)
        let filter = input.query.filter
        let (numbers, meta) = world.inventoryPage(
            status: filter?.status?.rawValue, phoneNumber: filter?.phoneNumber, numberType: filter?.numberType?.eq?.rawValue,
            paging: paging)
        return .ok(.init(body: .json(.init(data: numbers, meta: meta))))
    }

    func listDocuments(_ input: Operations.ListDocuments.Input) async throws -> Operations.ListDocuments.Output {
        let query = input.query
        let paging = try Paging(number: query.page?.number, size: query.page?.size, defaultSize: 20)
        let (documents, meta) = world.listDocuments(
            filenameContains: query.filter_lbrack_filename_rbrack__lbrack_contains_rbrack_,
            customerReference: query.filter_lbrack_customerReference_rbrack__lbrack_eq_rbrack_,
            customerReferences: query.filter_lbrack_customerReference_rbrack__lbrack_in_rbrack__lbrack__rbrack_,
            createdAfter: query.filter_lbrack_createdAt_rbrack__lbrack_gt_rbrack_,
            createdBefore: query.filter_lbrack_createdAt_rbrack__lbrack_lt_rbrack_, sort: query.sort?.first?.rawValue, paging: paging)
        return .ok(
            .init(
                body: .json(
                    .init(
                        data: documents,
                        meta: .init(
                            pageNumber: meta.pageNumber, pageSize: meta.pageSize, totalPages: meta.totalPages,
                            totalResults: meta.totalResults)
                    ))))
    }

    func retrieveDocument(_ input: Operations.RetrieveDocument.Input) async throws -> Operations.RetrieveDocument.Output {
        .ok(.init(body: .json(.init(data: try world.document(id: input.path.id)))))
    }

    func deleteDocument(_ input: Operations.DeleteDocument.Input) async throws -> Operations.DeleteDocument.Output {
        .ok(.init(body: .json(.init(data: try world.deleteDocument(id: input.path.id)))))
    }

    func verifyPhoneNumberOwnership(
        _ input: Operations.VerifyPhoneNumberOwnership.Input
    ) async throws -> Operations.VerifyPhoneNumberOwnership.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the numbers as JSON.") }
        return .ok(.init(body: .json(.init(data: try world.verifyOwnership(body.phoneNumbers)))))
    }

    // MARK: Ownership, remediation, webhook

    func createReputationExternalVerification(
        _ input: Operations.CreateReputationExternalVerification.Input
    ) async throws -> Operations.CreateReputationExternalVerification.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the ownership proof as JSON.") }
        return .created(.init(body: .json(.init(data: try world.submitExternalVerification(enterpriseId: input.path.enterpriseId, body)))))
    }

    func getReputationExternalVerification(
        _ input: Operations.GetReputationExternalVerification.Input
    ) async throws -> Operations.GetReputationExternalVerification.Output {
        .ok(.init(body: .json(.init(data: try world.externalVerification(enterpriseId: input.path.enterpriseId)))))
    }

    func getReputationNumberOwnership(
        _ input: Operations.GetReputationNumberOwnership.Input
    ) async throws -> Operations.GetReputationNumberOwnership.Output {
        let detail = try world.ownershipDetail(enterpriseId: input.path.enterpriseId, phoneNumber: Self.pathNumber(input.path.phoneNumber))
        return .ok(.init(body: .json(.init(data: detail))))
    }

    func confirmReputationNumberOwnership(
        _ input: Operations.ConfirmReputationNumberOwnership.Input
    ) async throws -> Operations.ConfirmReputationNumberOwnership.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the answer as JSON.") }
        let record = try world.confirmOwnership(
            enterpriseId: input.path.enterpriseId, phoneNumber: Self.pathNumber(input.path.phoneNumber), body)
        return .ok(.init(body: .json(.init(data: record))))
    }

    func submitReputationRemediation(
        _ input: Operations.SubmitReputationRemediation.Input
    ) async throws -> Operations.SubmitReputationRemediation.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the remediation request as JSON.") }
        return .accepted(.init(body: .json(.init(data: try world.submitRemediation(enterpriseId: input.path.enterpriseId, body)))))
    }

    func listReputationRemediations(
        _ input: Operations.ListReputationRemediations.Input
    ) async throws -> Operations.ListReputationRemediations.Output {
        let query = input.query
        let paging = try Paging(number: query.page_lbrack_number_rbrack_, size: query.page_lbrack_size_rbrack_, defaultSize: 20)
        let (items, meta) = try world.listRemediations(
            enterpriseId: input.path.enterpriseId, status: query.filter_lbrack_status_rbrack_,
            createdFrom: query.filter_lbrack_createdAt_rbrack__lbrack_gte_rbrack_,
            createdTo: query.filter_lbrack_createdAt_rbrack__lbrack_lte_rbrack_,
            paging: paging)
        return .ok(.init(body: .json(.init(data: items, meta: meta))))
    }

    func getReputationRemediation(
        _ input: Operations.GetReputationRemediation.Input
    ) async throws -> Operations.GetReputationRemediation.Output {
        .ok(.init(body: .json(.init(data: try world.remediation(enterpriseId: input.path.enterpriseId, id: input.path.remediationId)))))
    }

    func updateReputationWebhook(
        _ input: Operations.UpdateReputationWebhook.Input
    ) async throws -> Operations.UpdateReputationWebhook.Output {
        guard case .json(let body) = input.body else { throw SimulatorError.invalid("Send the webhook URL as JSON.") }
        return .ok(.init(body: .json(.init(data: try world.setWebhook(enterpriseId: input.path.enterpriseId, url: body.webhookUrl)))))
    }

    /// The path number as sent: `%2B1…` arrives decoded, a raw `+1…` as is.
    static func pathNumber(_ value: String) -> String {
        value.removingPercentEncoding ?? value
    }
}
