import Foundation

/// A small but valid PDF letter of authorization, pre-filled from the enterprise record, as the
/// real renderer returns one. Text only: the point is a real `%PDF-` a customer can open.
enum LOADocument {
    static func render(
        enterprise: Schemas.EnterprisePublic, agent: Schemas.AgentInput?, signature: Schemas.LoaSignaturePayload?,
        date: Date
    ) -> [UInt8] {
        let address = enterprise.organizationPhysicalAddress
        var lines = [
            "LETTER OF AUTHORIZATION - NUMBER REPUTATION",
            "",
            "Enterprise: \(enterprise.legalName ?? "")",
            "Doing business as: \(enterprise.doingBusinessAs ?? "")",
            "FEIN: \(enterprise.fein ?? "")",
            "Address: \(address?.streetAddress ?? ""), \(address?.city ?? ""), \(address?.administrativeArea ?? "") \(address?.postalCode ?? "")",
            "Authorized representative: \(enterprise.organizationContact?.firstName ?? "") \(enterprise.organizationContact?.lastName ?? ""), \(enterprise.organizationContact?.jobTitle ?? "")",
            "Enterprise ID: \(enterprise.id ?? "")",
        ]
        if let agent {
            lines += ["", "Acting through agent: \(agent.legalName), \(agent.contactName) (\(agent.contactTitle)), \(agent.contactEmail)"]
        }
        lines += [
            "",
            "The enterprise authorizes Telnyx to monitor the reputation of its telephone numbers.",
            "",
            signature == nil
                ? "Signature: ______________________  Date: ____________"
                : "Signed electronically by \(signature?.signerName ?? "the authorized representative") on \(ISO8601DateFormatter().string(from: date))",
        ]
        return pdf(lines: lines)
    }

    static func pdf(lines: [String]) -> [UInt8] {
        func escape(_ text: String) -> String {
            let ascii = String(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? Character($0) : "?" })
            return ascii.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
        }
        var content = "BT /F1 11 Tf 56 760 Td 14 TL\n"
        for line in lines { content += "(\(escape(line))) '\n" }
        content += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(output.utf8)
    }
}
