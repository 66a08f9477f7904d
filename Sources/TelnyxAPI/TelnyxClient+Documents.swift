import Foundation

/// Uploaded documents found again, read and deleted (`/documents`).
extension TelnyxClient {
    /// Documents, newest first: those whose `customer_reference` is `customerReference` (how a
    /// lost upload is found again) and, optionally, whose filename contains a text.
    public func documents(
        customerReference: String? = nil, filenameContains: String? = nil, page: Int = 1, pageSize: Int = 100
    ) async throws(TelnyxError) -> Page<UploadedDocument> {
        try await call("GET /documents") {
            let answer = try await client.listDocuments(
                query: .init(
                    filter_lbrack_filename_rbrack__lbrack_contains_rbrack_: filenameContains,
                    filter_lbrack_customerReference_rbrack__lbrack_eq_rbrack_: customerReference, sort: [._hyphen_createdAt],
                    page: .init(number: page, size: pageSize))
            ).ok.body.json
            let meta = answer.meta
            return Page(
                items: answer.data ?? [], pageNumber: meta?.pageNumber ?? page, totalPages: meta?.totalPages ?? 1,
                totalResults: meta?.totalResults ?? (answer.data?.count ?? 0), requestedPage: page)
        }
    }

    public func document(id: String) async throws(TelnyxError) -> UploadedDocument {
        try await call("GET /documents/\(id)") {
            guard let document = try await client.retrieveDocument(path: .init(id: id)).ok.body.json.data else { throw Self.missingData }
            return document
        }
    }

    /// Deletes an uploaded document; Telnyx refuses one an LOA or an ownership proof uses.
    public func deleteDocument(id: String) async throws(TelnyxError) {
        try await call("DELETE /documents/\(id)") {
            _ = try await client.deleteDocument(path: .init(id: id)).ok
        }
    }
}
