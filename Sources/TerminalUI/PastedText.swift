import Onboarding

/// Text pasted at once (`Key.paste`) goes into the text field being typed in, as typed keys,
/// and only there: nowhere is any of it read as a command, so a pasted `y` cannot answer a
/// cost's question and a pasted `R` cannot start a refresh. In step 7's list a line break
/// starts a new line, as Enter does; in any other field (one line each) it becomes a space.
enum PastedText {
    /// The keys `text` types where the wizard is now, or nil when no text field takes it.
    static func keys(_ text: String, _ model: WizardModel) -> [Key]? {
        guard model.state.confirmation == nil else { return nil }
        let multiline: Bool
        switch model.overlay {
        case .remediation?, .ownershipProof?, .webhook?: multiline = false
        case nil:
            guard WizardController.isTyping(model) else { return nil }
            multiline = model.screenStep == .associate
        case .help?, .review?, .confirmLOAReplacement?, .chooseFrequency?, .pickEnterprise?, .pickNumbers?, .auditLog?,
            .associationResults?, .ownershipHistory?, .removedNumbers?:
            return nil
        }
        var keys: [Key] = []
        var lastWasReturn = false
        for scalar in text.unicodeScalars {
            // A line break is \n, \r or \r\n: one Enter (or one space) for each.
            if scalar == "\n" && lastWasReturn {
                lastWasReturn = false
                continue
            }
            lastWasReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                keys.append(multiline ? .enter : .character(" "))
            } else if scalar == "\t" {
                keys.append(.character(" "))
            } else if scalar.properties.generalCategory == .control {
                continue
            } else {
                keys.append(.character(Character(scalar)))
            }
        }
        return keys
    }
}
