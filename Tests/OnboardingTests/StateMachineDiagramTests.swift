import Foundation
import Testing

@testable import Onboarding

@Suite struct StateMachineDiagramTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("state/README.md")

    /// `state/README.md` shows the machine the code implements; when this fails, paste the
    /// printed diagram between the markers (or run it with `UPDATE_STATE_DIAGRAM=1`).
    @Test func theReadmeDiagramIsTheCodes() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = "<!-- state-machine:begin -->\n```mermaid\n"
        let end = "\n```\n<!-- state-machine:end -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            Issue.record("state/README.md lacks the state-machine markers")
            return
        }
        let documented = String(text[start.upperBound..<stop.lowerBound])
        let generated = StateMachineDiagram.mermaid()
        if ProcessInfo.processInfo.environment["UPDATE_STATE_DIAGRAM"] == "1" {
            // `UPDATE_STATE_DIAGRAM=1 swift test --filter theReadmeDiagramIsTheCodes` writes it.
            try text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: generated)
                .write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == generated, "state/README.md is stale; the diagram is now:\n\(generated)")
    }

    @Test func theDiagramReachesEveryStep() {
        let diagram = StateMachineDiagram.mermaid()
        for step in Step.allCases { #expect(diagram.contains(StateMachineDiagram.name(step)), "\(step) missing") }
        #expect(diagram.contains("s6_gates --> s3_loaRender"), "the LOA replacement and disabled branches")
        #expect(diagram.contains("s5_enable --> s1_terms"), "terms found missing at enable")
    }
}
