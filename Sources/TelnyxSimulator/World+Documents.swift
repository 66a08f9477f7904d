import Crypto
import Foundation
import TelnyxAPI

extension SimulatorWorld {
    static let maximumDocumentBytes = 10 * 1024 * 1024
    static let documentLifetime: TimeInterval = 30 * 60

    /// Stores an uploaded file. Only PDFs are accepted, as an LOA must be one.
    func uploadDocument(bytes: [UInt8], filename: String?, customerReference: String?) throws -> Schemas.DocServiceDocument {
        guard !bytes.isEmpty else { throw SimulatorError.invalid("file is required", pointer: "/file") }
        guard bytes.count <= Self.maximumDocumentBytes else {
            throw SimulatorError.invalid("file must be at most 10 MB", pointer: "/file")
        }
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw SimulatorError.invalid("file must be a PDF document", pointer: "/file")
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return try transact { state, now in
            let timestamp = (try? TelnyxDateTranscoder().encode(now)) ?? ""
            let document = Schemas.DocServiceDocument(
                value1: .init(createdAt: timestamp, id: state.newID(), recordType: "document", updatedAt: timestamp),
                value2: .init(
                    avScanStatus: .scanned, contentType: "application/pdf", customerReference: customerReference,
                    filename: filename ?? "document.pdf", recordType: "document", sha256: digest,
                    size: .init(amount: bytes.count, unit: "bytes"), status: .pending))
            state.documents[document.value1.id!] = DocumentRecord(document: document, createdAt: now)
            return document
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
        record.linkedTo = enterpriseId
        documents[documentId] = record
    }
}
