import Foundation
import Onboarding

/// The right-hand screen of each step, and its key help.
enum StepScreens {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        // Disabled is not "step 3 in progress": it is said as what it is.
        let heading =
            model.state.disabledReputation != nil && model.screenStep == .loaRender
            ? "Reputation disabled · nothing monitored"
            : "Step \(model.screenStep.rawValue) of 9 · \(model.screenStep.title)"
        region.write(heading, style: .bold, into: &surface)
        region.skip()
        switch model.screenStep {
        case .terms: terms(model, &region, &surface)
        case .enterprise: EnterpriseScreen.draw(model, in: &region, on: &surface)
        case .loaRender: LOAScreen.draw(model, in: &region, on: &surface)
        case .signAndUpload: upload(model, &region, &surface)
        case .enable: enable(model, &region, &surface)
        case .gates: ReviewScreen.draw(model, in: &region, on: &surface)
        case .associate: AddNumbersScreen.draw(model, in: &region, on: &surface)
        case .query, .manage: NumbersTable.draw(model, in: &region, on: &surface)
        }
    }

    static func keys(_ model: WizardModel) -> String {
        switch model.screenStep {
        case .terms: "Enter agree"
        case .enterprise:
            switch (model.enterpriseForm.correcting, model.enterpriseForm.focusedRow == .review) {
            case (true, true): "↑↓ move  Enter review  Esc leave the correction"
            case (true, false): "↑↓/Tab move  → complete  Esc leave"
            case (false, true): "↑↓ move  Enter review  F3 use existing"
            case (false, false): "↑↓/Tab move  → complete  F3 use existing"
            }
        case .loaRender where model.state.disabledReputation != nil: "e enable again (new LOA, then billed)  L log"
        case .loaRender where model.canCorrect && model.state.loaRound == .resubmission:
            "↑↓/Tab move  F2 render  F4 correct the enterprise again"
        case .loaRender:
            switch model.loaForm.focusedRow {
            case .render: "↑↓ move  Enter render the LOA"
            case .actingAsAgent: "↑↓/Tab move  Space agent on/off  F2 render"
            case .signatureImage: "↑↓/Tab move  → complete path  F2 render"
            default: "↑↓/Tab move  Enter next  F2 render"
            }
        case .signAndUpload where model.state.loaRound == .resubmission: "Tab complete  Enter upload  ^O open the LOA  F4 correct"
        case .signAndUpload: "Tab complete  Enter upload  ^O open the LOA  Esc step 3"
        case .enable: "↑↓ frequency  Enter enable  Esc back to step 4"
        case .gates: ReviewScreen.keys(model)
        case .associate: "Enter new line  F2 add  F3 inventory  ^O file"
        case .query: "Enter read  f fresh read  s/S sort  a add numbers"
        case .manage: "Spc sel R refresh x del F freq s sort / find D off L log a add"
        }
    }

    static func terms(_ model: WizardModel, _ region: inout Region, _ surface: inout Surface) {
        switch model.state.terms {
        case .agreed(let version):
            region.wrap("✓ The account already agreed to the terms (version \(version)).", style: .colored(.good), into: &surface)
        case .required(let version):
            region.wrap("Number Reputation needs the account to agree to Telnyx's terms of service for it.", into: &surface)
            region.skip()
            region.write("Terms:", into: &surface)
            region.write("https://telnyx.com/terms/reputation-services", style: .colored(.accent), into: &surface, indent: 2)
            if !version.isEmpty { region.write("Version: \(RemoteText.sanitized(version))", into: &surface) }
            region.skip()
            region.wrap("Read them, then press Enter to agree for the account. Nothing is billed.", style: .bold, into: &surface)
        case .unknown:
            region.write("Asking Telnyx whether the terms are agreed…", into: &surface)
        }
    }

    static func upload(_ model: WizardModel, _ region: inout Region, _ surface: inout Surface) {
        if let path = model.state.renderedLOAPath {
            region.wrap("The LOA is saved at:", into: &surface)
            region.write(DisplayPath.oneLine(path, width: region.width - 2), style: .bold, into: &surface, indent: 2)
            if model.state.renderedLOASigned == true {
                region.wrap(
                    "It already carries the signature image: Enter with no path uploads it as the signed LOA. Or give the path of another signed PDF.",
                    style: .colored(.good), into: &surface)
            } else {
                region.wrap("^O opens it in a PDF viewer. Sign it, save the signed PDF, and give its path.", into: &surface)
            }
            region.skip()
        }
        region.write("Path of the signed PDF:", into: &surface)
        model.signedLOAPath.draw(into: &surface, x: region.x + 2, y: region.y + region.line, width: region.width - 2, focused: true)
        region.skip()
        region.skip()
        region.wrap("It is checked (a PDF, at most 10 MB) before it is uploaded. Tab completes the path.", style: .muted, into: &surface)
    }

    static func enable(_ model: WizardModel, _ region: inout Region, _ surface: inout Surface) {
        let prices = model.state.prices
        region.wrap(
            "Enabling monitoring costs \(prices.monitoringPerMonth) a month for the enterprise, plus \(prices.liveCheck) per number for each scheduled check.",
            into: &surface)
        region.skip()
        region.write("How often should Telnyx check the numbers?", into: &surface)
        let planned = Int(model.plannedNumbers.text) ?? 0
        for frequency in CheckFrequency.allCases {
            let chosen = frequency == model.frequency
            let cost = CostEstimate.monthly(frequency, numbers: planned, prices)
            let line =
                "\(chosen ? "(•)" : "( )") \(frequency.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(cost.amount)/month"
            region.write(line, style: chosen ? .focus : .plain, into: &surface, indent: 2)
        }
        region.skip()
        surface.put("Numbers you mean to monitor: ", x: region.x, y: region.y + region.line)
        model.plannedNumbers.draw(into: &surface, x: region.x + 29, y: region.y + region.line, width: 8, focused: true)
        region.skip()
        region.wrap(
            "The projection counts scheduled checks only; adding numbers and fresh reads are shown when you do them.", style: .muted,
            into: &surface)
    }
}
