import AsyncHTTPClient
import Foundation
import NIOCore
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@Suite struct LOAAndDocumentTests {
    @Test func renderingNeedsTheTermsAndReturnsAPDF() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let refused = await #expect(throws: TelnyxError.self) { try await client.renderLOA(enterpriseId: enterprise.id!) }
            #expect(refused?.status == 403)
            #expect(refused?.has(code: "10010") == true)
            _ = try await client.agreeToTerms()
            let pdf = try await client.renderLOA(enterpriseId: enterprise.id!)
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(String(decoding: pdf, as: UTF8.self).contains("Acme Plumbing LLC"))
            let unknown = await #expect(throws: TelnyxError.self) {
                try await client.renderLOA(enterpriseId: "4a6192a4-573d-446d-b3ce-aff9117272a6")
            }
            #expect(unknown?.status == 404)
            let raw = try await simulator.raw(.POST, "/v2/enterprises/\(enterprise.id!)/reputation/loa")
            #expect(raw.status == 200)
            #expect(raw.headers.first(name: "content-type") == "application/pdf")
        }
    }

    @Test func agentAndSignatureAreValidatedAndEmbedded() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let agent = LOAAgent(
                administrativeArea: "NY", city: "New York", contactEmail: "ops@reseller.example.com", contactName: "Pat Agent",
                contactPhone: "+12125550100", contactTitle: "Operations", country: "US", legalName: "Reseller Co",
                postalCode: "10001", streetAddress: "1 Broadway")
            let png = Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).base64EncodedString()
            let pdf = try await client.renderLOA(
                enterpriseId: enterprise.id!, agent: agent, signature: .init(imageBase64: png, signerName: "Sam Owner"))
            let text = String(decoding: pdf, as: UTF8.self)
            #expect(text.contains("Reseller Co"))
            #expect(text.contains("Signed electronically by Sam Owner"))
            var badAgent = agent
            badAgent.contactEmail = "nobody"
            badAgent.country = "USA"
            let error = await #expect(throws: TelnyxError.self) {
                try await client.renderLOA(enterpriseId: enterprise.id!, agent: badAgent, signature: .init(imageBase64: "not-base64!"))
            }
            #expect(
                Set(error?.entries.compactMap(\.pointer) ?? []) == [
                    "/body/agent/contact_email", "/body/agent/country", "/body/signature/image_base64",
                ])
        }
    }

    @Test func uploadsMultipartAndJSONButOnlyPDFs() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let document = try await client.uploadDocument(Fixtures.pdf, filename: "signed-loa.pdf", customerReference: "onboarding-1")
            #expect(document.value1.id != nil)
            #expect(document.value2.filename == "signed-loa.pdf")
            #expect(document.value2.customerReference == "onboarding-1")
            #expect(document.value2.size?.amount == Fixtures.pdf.count)
            let encoded = Data(Fixtures.pdf).base64EncodedString()
            let json = try await simulator.raw(.POST, "/v2/documents", json: #"{"file": "\#(encoded)", "filename": "loa.pdf"}"#)
            #expect(json.status == 200)
            #expect(json.body.contains(#""record_type":"document""#))
            let notPDF = await #expect(throws: TelnyxError.self) {
                try await client.uploadDocument(Array("hello".utf8), filename: "loa.txt")
            }
            #expect(notPDF?.status == 422)
            #expect(notPDF?.message.contains("PDF") == true)
        }
    }

    @Test func uploadsExactlyAsCurlSendsIt() async throws {
        try await withSimulator { simulator in
            // What `curl -F file=@loa.pdf -F customer_reference=ref-1` sends.
            let boundary = "------------------------d74496d66958873e"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"loa.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n\(String(decoding: Fixtures.pdf, as: UTF8.self))\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"customer_reference\"\r\n\r\nref-1\r\n--\(boundary)--\r\n"
            var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + "/documents")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer KEYtest")
            request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.body = .bytes(ByteBuffer(string: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(response.status.code == 200, "\(text)")
            #expect(text.contains(#""customer_reference":"ref-1""#))
            #expect(text.contains(#""filename":"loa.pdf""#))
        }
    }

    @Test func ourClientLabelsTheFileAsAPDF() async throws {
        try await withSimulator { simulator in
            let recorder = BodyRecorder()
            let client = try simulator.client(middlewares: [recorder])
            _ = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf", customerReference: "ref-1")
            let sent = recorder.bodies.last ?? ""
            let filePart = sent.components(separatedBy: "\r\n\r\n").first { $0.contains("name=\"file\"") } ?? ""
            #expect(filePart.contains("filename=\"loa.pdf\""))
            #expect(filePart.hasSuffix("Content-Type: application/pdf"))
            #expect(!filePart.lowercased().contains("text/plain"))
            #expect(sent.contains("name=\"customer_reference\""))
        }
    }

    @Test func anUnlinkedDocumentExpiresAfterThirtyMinutes() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let stale = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            try await simulator.advanceClock(seconds: 30 * 60 + 1)
            let error = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: stale.value1.id!)
            }
            #expect(error?.status == 422)
            #expect(error?.entries.first?.pointer == "/body/loa_document_id")
            #expect(try await simulator.ledger().isEmpty)
            let fresh = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            try await simulator.advanceClock(seconds: 29 * 60)
            _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: fresh.value1.id!)
        }
    }
}
