import Foundation
import Onboarding

/// The right-hand screen of each step, and its key help.
enum StepScreens {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        region.write(heading(model), style: .bold, into: &surface)
        region.skip()
        screen(model).draw(model, in: &region, on: &surface)
    }

    /// The step's heading (`Step 2 of 9 · Enterprise`).
    static func heading(_ model: WizardModel) -> String {
        // Disabled is not "step 3 in progress": it is said as what it is.
        model.state.disabledReputation != nil && model.screenStep == .loaRender
            ? "Reputation disabled · nothing monitored"
            : "Step \(model.screenStep.rawValue) of 9 · \(model.screenStep.title)"
    }

    /// The key line's part for the step on screen (its bindings' labels).
    static func keys(_ model: WizardModel) -> String { screen(model).keyLine(model) }

}
