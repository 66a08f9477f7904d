import Onboarding

/// Step 5: how often Telnyx checks the numbers, with each frequency's monthly projection.
enum EnableScreen {
    static func content(_ model: WizardModel) -> [ScreenBlock] {
        let prices = model.state.prices
        let planned = Int(model.plannedNumbers.text) ?? 0
        let choices = CheckFrequency.allCases.map { frequency in
            let cost = CostEstimate.monthly(frequency, numbers: planned, prices).amount
            return ScreenChoice(
                label: frequency.label, detail: "\(cost)/month", spokenDetail: "about \(cost) a month", chosen: frequency == model.frequency
            )
        }
        var blocks: [ScreenBlock] = [
            .paragraph(
                "Enabling monitoring costs \(prices.monitoringPerMonth) a month for the enterprise, plus \(prices.liveCheck) per number for each scheduled check."
            ),
            .blank, .line("How often should Telnyx check the numbers?"), .choices(choices), .blank,
            .input(label: "Numbers you mean to monitor: ", field: model.plannedNumbers, inlineWidth: 8),
            .paragraph("The projection counts scheduled checks only; adding numbers and fresh reads are shown when you do them.", .muted),
        ]
        if planned == 0 {
            blocks.append(
                .wording(
                    fullScreen: "",
                    plain:
                        "Each frequency's monthly cost depends on how many numbers you plan: give the count after the frequency's number (e.g. `2 250`)."
                ))
        }
        return blocks
    }

}
