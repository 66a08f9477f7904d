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
        screen(model).draw(model, in: &region, on: &surface)
    }

    /// The key line's part for the step on screen (its bindings' labels).
    static func keys(_ model: WizardModel) -> String { screen(model).keyLine(model) }

}
