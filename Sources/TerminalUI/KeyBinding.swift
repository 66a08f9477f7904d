/// A key a step's screen answers, declared once: which keys, what the key line shows, what
/// help says, and what it does. The key line, the help overlay and dispatch all read the same
/// list (`StepScreen.bindings`), so they cannot disagree: a key no binding names does nothing
/// but type into the focused field.
public struct KeyBinding: Sendable {
    /// Any of these keys.
    public let keys: [Key]
    /// On the key line (`F2 add`); nil for a key that only help names.
    public let label: String?
    /// The help overlay's line for it.
    public let help: String
    let action: @Sendable (Key, inout WizardModel) -> [Command]

    init(_ keys: [Key], _ label: String?, help: String, action: @escaping @Sendable (Key, inout WizardModel) -> [Command]) {
        self.keys = keys
        self.label = label
        self.help = help
        self.action = action
    }
}

/// One step's screen: what it draws, the keys it answers (with their line on the key line and
/// in help), what typing does, and what help says about the step beyond its keys.
protocol StepScreen {
    /// What the screen shows now, placed by `ScreenLayout` on the full screen and said by it as
    /// plain lines.
    static func content(_ model: WizardModel) -> [ScreenBlock]
    /// The keys the screen answers now (they may depend on the focused row, a rejection…).
    static func bindings(_ model: WizardModel) -> [KeyBinding]
    /// What a key no binding names does: text typed into the focused field, or nothing.
    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command]
    /// Help's words about the step, after its keys.
    static func about(_ model: WizardModel) -> [String]
    /// Every key the step answers at any of its rows (for help); `bindings` where that does
    /// not depend on the focus.
    static func everyKey(_ model: WizardModel) -> [KeyBinding]
}

extension StepScreen {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        ScreenLayout.place(content(model), in: &region, on: &surface)
    }

    static func typed(_ key: Key, _ model: inout WizardModel) -> [Command] { [] }
    static func about(_ model: WizardModel) -> [String] { [] }
    static func everyKey(_ model: WizardModel) -> [KeyBinding] { bindings(model) }

    /// The bindings a form has at each of its `rows` rows (`focus` moves the model's focus there).
    static func bindings(atEveryRowOf rows: Int, _ model: WizardModel, focus: (inout WizardModel, Int) -> Void) -> [KeyBinding] {
        (0..<rows).flatMap { row in
            var at = model
            focus(&at, row)
            return bindings(at)
        }
    }

    /// The key line's part for the step.
    static func keyLine(_ model: WizardModel) -> String {
        let labels = bindings(model).compactMap(\.label)
        // Two spaces between keys while they fit beside "? help  q quit" in 79 columns.
        let spaced = labels.joined(separator: "  ")
        return DisplayWidth.of(spaced) <= 60 ? spaced : labels.joined(separator: " ")
    }

    /// Answers a key: the binding that names it, else typing.
    static func dispatch(_ key: Key, _ model: inout WizardModel) -> [Command] {
        if let binding = bindings(model).first(where: { $0.keys.contains(key) }) { return binding.action(key, &model) }
        return typed(key, &model)
    }
}

extension StepScreens {
    /// The screen of the step on screen.
    static func screen(_ model: WizardModel) -> any StepScreen.Type {
        switch model.screenStep {
        case .terms: TermsScreen.self
        case .enterprise: EnterpriseScreen.self
        case .loaRender: LOAScreen.self
        case .signAndUpload: UploadScreen.self
        case .enable: EnableScreen.self
        case .gates: ReviewScreen.self
        case .associate: AddNumbersScreen.self
        case .query, .manage: NumbersTable.self
        }
    }
}
