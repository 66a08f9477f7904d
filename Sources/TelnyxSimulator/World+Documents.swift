import Crypto
import Foundation
import TelnyxAPI

extension SimulatorWorld {
    static let maximumDocumentBytes = 10 * 1024 * 1024
    static let documentLifetime: TimeInterval = 30 * 60

    /// The kinds of file a document may be: an LOA must be a PDF; ownership evidence (a carrier
    /// invoice or statement) may also be a scan.
    static func contentType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// Stores an uploaded file: a PDF, PNG or JPEG of at most 10 MB.
    func uploadDocument(bytes: [UInt8], filename: String?, customerReference: String?) throws -> Schemas.DocServiceDocument {
        guard !bytes.isEmpty else { throw SimulatorError.invalid("file is required", pointer: "/file") }
        guard bytes.count <= Self.maximumDocumentBytes else {
            throw SimulatorError.invalid("file must be at most 10 MB", pointer: "/file")
        }
        guard let contentType = Self.contentType(of: bytes) else {
            throw SimulatorError.invalid("file must be a PDF, PNG or JPEG document", pointer: "/file")
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return try transact { state, now in
            let timestamp = (try? TelnyxDateTranscoder().encode(now)) ?? ""
            let document = Schemas.DocServiceDocument(
                value1: .init(createdAt: timestamp, id: state.newID(), recordType: "document", updatedAt: timestamp),
                value2: .init(
                    avScanStatus: .init(.scanned), contentType: contentType, customerReference: customerReference,
                    filename: filename ?? (contentType == "application/pdf" ? "document.pdf" : "document"), recordType: "document",
                    sha256: digest,
                    size: .init(amount: bytes.count, unit: "bytes"), status: .init(.pending)))
            state.documents[document.value1.id!] = DocumentRecord(document: document, createdAt: now)
            return document
        }
    }

    /// `GET /documents`: documents kept (linked, or unlinked for less than 30 minutes), filtered,
    /// sorted (`-created_at` first by default) and paged. `in[]` takes repeated keys and
    /// comma-joined values alike (the SDK joins with commas).
    func listDocuments(
        filenameContains: String?, customerReference: String?, customerReferences: [String]?, createdAfter: Date?,
        createdBefore: Date?, sort: String?, paging: Paging
    ) -> ([Schemas.DocServiceDocument], Schemas.NumberReputationPaginationMeta) {
        read { state, _ in
            let references = customerReferences.map { $0.flatMap { $0.split(separator: ",").map(String.init) } }
            var records = state.documents.values.filter { record in
                let document = record.document.value2
                if let filenameContains, !(document.filename ?? "").lowercased().contains(filenameContains.lowercased()) { return false }
                if let customerReference, document.customerReference != customerReference { return false }
                if let references, !references.contains(document.customerReference ?? "") { return false }
                if let createdAfter, record.createdAt <= createdAfter { return false }
                if let createdBefore, record.createdAt >= createdBefore { return false }
                return true
            }
            // Ties broken by id, so a page is the same each time.
            let key = sort ?? "-created_at"
            let field = key.hasPrefix("-") ? String(key.dropFirst()) : key
            records.sort { first, second in
                let (a, b) = key.hasPrefix("-") ? (second, first) : (first, second)
                let (aName, bName) = (a.document.value2.filename ?? "", b.document.value2.filename ?? "")
                let (aId, bId) = (a.document.value1.id ?? "", b.document.value1.id ?? "")
                return field == "filename" ? (aName, a.createdAt, aId) < (bName, b.createdAt, bId) : (a.createdAt, aId) < (b.createdAt, bId)
            }
            let page = paging.slice(records.map(\.document))
            return (Array(page.items), page.meta)
        }
    }

    /// `GET /documents/{id}`.
    func document(id: String) throws -> Schemas.DocServiceDocument {
        try transact { state, _ in
            guard let record = state.documents[id] else { throw SimulatorError.notFound("Document \(id) not found.") }
            return record.document
        }
    }

    /// `DELETE /documents/{id}`: refused (422) while an LOA or an ownership proof uses it.
    func deleteDocument(id: String) throws -> Schemas.DocServiceDocument {
        try transact { state, _ in
            guard let record = state.documents[id] else { throw SimulatorError.notFound("Document \(id) not found.") }
            if record.linkedTo != nil {
                throw SimulatorError.invalid("The document is linked to a service (an LOA or an ownership proof) and cannot be deleted.")
            }
            state.documents[id] = nil
            return record.document
        }
    }
}

extension WorldState {
    /// Links an uploaded LOA to an enterprise's reputation service, or says why it cannot be.
    mutating func linkLOA(_ documentId: String, to enterpriseId: String) throws(SimulatorError) {
        guard var record = documents[documentId] else {
            throw .invalid(
                "Document not found. Documents not linked to a service within 30 minutes of upload are deleted; upload the signed LOA again.",
                pointer: "/body/loa_document_id")
        }
        if record.linkedTo != nil {
            throw .invalid("This document was already submitted as an LOA; upload a newly signed LOA.", pointer: "/body/loa_document_id")
        }
        guard record.document.value2.contentType == "application/pdf" else {
            throw .invalid("An LOA must be a PDF document.", pointer: "/body/loa_document_id")
        }
        record.linkedTo = enterpriseId
        documents[documentId] = record
    }
}
