import Onboarding

/// Step 5: how often Telnyx checks the numbers, with each frequency's monthly projection.
enum EnableScreen {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
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
