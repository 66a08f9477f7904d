import Foundation
import Onboarding

/// Step 3: what the LOA is rendered with, all optional: a PNG of the signature with the
/// signer's name printed beside it, and a reseller or BPO (`agent`) acting for the enterprise.
/// Checked as each field is left; what is typed is kept as a draft.
public struct LOAForm: Equatable, Sendable {
    public enum Row: Hashable, Sendable {
        case signerName
        case signatureImage
        case actingAsAgent
        case agent(LOAAgentField)
        case render

        /// The row's label on screen (the agent's fields by their own label).
        public var label: String {
            switch self {
            case .signerName: "Signer's name"
            case .signatureImage: "Signature PNG"
            case .actingAsAgent: "A reseller or BPO acts for it"
            case .agent(let field): field.label
            case .render: "Render the LOA"
            }
        }
    }

    public var signerName = TextField()
    public var signatureImage = TextField()
    public var actingAsAgent = false
    public var agent: [LOAAgentField: TextField] = [:]
    public var problems: [Row: String] = [:]
    public var focus = 0

    public init(draft: [String: String] = [:]) {
        signerName = TextField(draft["signer_name"] ?? "")
        signatureImage = TextField(draft["signature_image"] ?? "")
        actingAsAgent = draft["agent_on"] == "true"
        focus = max(0, Int(draft["loa_focus"] ?? "") ?? 0)
        for field in LOAAgentField.allCases {
            agent[field] = TextField(draft["agent." + field.key] ?? (field == .country ? "US" : ""))
        }
    }

    public var rows: [Row] {
        [.signerName, .signatureImage, .actingAsAgent] + (actingAsAgent ? LOAAgentField.allCases.map(Row.agent) : []) + [.render]
    }

    public var focusedRow: Row { rows[min(focus, rows.count - 1)] }

    /// What the draft keeps.
    public var draft: [String: String] {
        var draft = [
            "signer_name": signerName.text, "signature_image": signatureImage.text, "agent_on": actingAsAgent ? "true" : "false",
            "loa_focus": String(focus),
        ]
        for (field, value) in agent { draft["agent." + field.key] = value.text }
        return draft
    }

    /// The text field of a row, if it has one.
    public subscript(row: Row) -> TextField? {
        get {
            switch row {
            case .signerName: signerName
            case .signatureImage: signatureImage
            case .agent(let field): agent[field]
            case .actingAsAgent, .render: nil
            }
        }
        set {
            guard let newValue else { return }
            switch row {
            case .signerName: signerName = newValue
            case .signatureImage: signatureImage = newValue
            case .agent(let field): agent[field] = newValue
            case .actingAsAgent, .render: break
            }
        }
    }

    /// The signature image's path as typed (trimmed), or nil when none is given.
    public var signaturePath: String? {
        let path = signatureImage.text.trimmingCharacters(in: .whitespaces)
        return path.isEmpty ? nil : path
    }

    /// Checks a row as the person leaves it (the signature image's file excepted: see
    /// `FileCheck.signatureImage`).
    public mutating func check(_ row: Row) {
        switch row {
        case .signatureImage:
            // The image itself is read off the key loop (`FileCheck.signatureImage`); its
            // problem stays until that check answers again. No path, no problem.
            if signaturePath == nil { problems[row] = nil }
        case .agent(let field):
            problems[row] = nil
            if case .failure(let problem) = field.check(agent[field]?.text ?? "") { problems[row] = problem.description }
        case .signerName, .actingAsAgent, .render: problems[row] = nil
        }
    }

    /// Every row checked; the event that renders the LOA, or nil with the problems marked.
    public mutating func renderEvent() -> Event? {
        for row in rows { check(row) }
        let name = signerName.text.trimmingCharacters(in: .whitespaces)
        let path = signatureImage.text.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty && path.isEmpty {
            problems[.signerName] = "is printed only beside a signature image: give a PNG's path below, or leave it empty"
        }
        guard problems.isEmpty else { return nil }
        let signature = path.isEmpty ? nil : SignatureImage(path: LocalFile.expanded(path), signerName: name.isEmpty ? nil : name)
        let agentValues = actingAsAgent ? agent.mapValues(\.text) : [:]
        return .renderLOA(agent: actingAsAgent ? LOAAgentField.check(agentValues).accepted : nil, signature: signature)
    }
}
