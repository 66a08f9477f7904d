import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// Step 3: the optional signature image and agent of the LOA.
@Suite struct LOAFormTests {
    static let png: Data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 16)

    func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-form-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Moves the focus to a row of the LOA form.
    func focus(_ row: LOAForm.Row, _ wizard: inout WizardModel) {
        while wizard.loaForm.focusedRow != row { _ = press([.down], &wizard) }
    }

    @Test func withNothingGivenTheLOAIsRenderedPlain() {
        var wizard = model(.loaRender)
        let text = screen(wizard)
        #expect(text.contains("Signer's name") && text.contains("Signature PNG") && text.contains("[ ] A reseller or BPO acts for it"))
        focus(.render, &wizard)
        #expect(press([.enter], &wizard) == [.send(.renderLOA(agent: nil, signature: nil))])
        _ = press([.up], &wizard)
        #expect(press([.function(2)], &wizard) == [.send(.renderLOA(agent: nil, signature: nil))], "F2 renders from any row")
    }

    @Test func aSignerNeedsASignatureImageWhichMustBeAPNG() throws {
        var wizard = model(.loaRender)
        _ = press(Key.typing("Sam Owner"), &wizard)
        focus(.render, &wizard)
        // Nothing is sent; the focus moves to the field to fix (and is kept in the draft).
        #expect(press([.enter], &wizard) == [.saveTypedDraft])
        #expect(wizard.notice == "1 field needs attention (marked !).")
        #expect(wizard.loaForm.focusedRow == .signerName, "the focus goes to the field to fix")
        #expect(screen(wizard).contains("! is printed only beside a signature image"))
        #expect(wizard.loaForm.signerName.text == "Sam Owner", "nothing typed is lost")

        let notPNG = try temporaryFile("signature.jpg", Data("JFIF".utf8))
        _ = press([.down] + Key.typing(notPNG) + [.down], &wizard)
        #expect(screen(wizard).contains("! is not a PNG image; save the signature as PNG"), "checked as the field is left")

        let image = try temporaryFile("signature.png", Self.png)
        _ = press([.up, .control("u")] + Key.typing(image), &wizard)
        focus(.render, &wizard)
        #expect(
            press([.enter], &wizard) == [.send(.renderLOA(agent: nil, signature: SignatureImage(path: image, signerName: "Sam Owner")))])
    }

    @Test func anAgentIsCheckedFieldByFieldAndSentAsTelnyxWantsIt() {
        var wizard = model(.loaRender)
        focus(.actingAsAgent, &wizard)
        _ = press([.character(" ")], &wizard)
        #expect(screen(wizard).contains("* Legal name"))
        let answers: [(LOAAgentField, String)] = [
            (.legalName, "Resell Co"), (.streetAddress, "2 Side St"), (.city, "Austin"), (.administrativeArea, "TX"),
            (.postalCode, "73301"), (.contactName, "Pat Agent"), (.contactTitle, "Director"), (.contactEmail, "pat-at-resell"),
            (.contactPhone, "(512) 555-0100"),
        ]
        for (field, value) in answers {
            focus(.agent(field), &wizard)
            _ = press(Key.typing(value), &wizard)
        }
        _ = press([.down], &wizard)
        #expect(screen(wizard).contains("! must be an email address such as"))
        focus(.render, &wizard)
        #expect(press([.enter], &wizard) == [.saveTypedDraft])
        #expect(wizard.loaForm.focusedRow == .agent(.contactEmail))
        _ = press([.control("u")] + Key.typing("pat@resell.example.com"), &wizard)
        focus(.render, &wizard)
        let agent = [
            "legal_name": "Resell Co", "street_address": "2 Side St", "city": "Austin", "administrative_area": "TX",
            "postal_code": "73301", "country": "US", "contact_name": "Pat Agent", "contact_title": "Director",
            "contact_email": "pat@resell.example.com", "contact_phone": "+15125550100",
        ]
        #expect(press([.enter], &wizard) == [.send(.renderLOA(agent: agent, signature: nil))])
    }

    @Test func theSignatureAndAgentAreKeptAsADraft() {
        var wizard = model(.loaRender)
        focus(.actingAsAgent, &wizard)
        let commands = press([.character(" "), .down] + Key.typing("Resell Co"), &wizard)
        #expect(commands.last == .saveTypedDraft, "typing an agent field keeps a draft")
        var resumed = model(.loaRender)
        resumed.restoreTyped(wizard.typedDraft)
        #expect(resumed.loaForm.actingAsAgent)
        #expect(resumed.loaForm.agent[.legalName]?.text == "Resell Co")
    }
}
