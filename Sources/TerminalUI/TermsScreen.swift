import Onboarding

/// Step 1: the terms, their link and version, agreed once for the account.
enum TermsScreen {
    static func content(_ model: WizardModel) -> [ScreenBlock] {
        switch model.state.terms {
        case .agreed(let version):
            return [.paragraph("✓ The account already agreed to the terms (version \(version)).", .colored(.good))]
        case .required(let version):
            var blocks: [ScreenBlock] = [
                .paragraph("Number Reputation needs the account to agree to Telnyx's terms of service for it."), .blank,
                .line("Terms:"), .line("https://telnyx.com/terms/reputation-services", .colored(.accent), indent: 2),
            ]
            if !version.isEmpty { blocks.append(.line("Version: \(RemoteText.sanitized(version))")) }
            return blocks + [
                .blank,
                .wording(
                    fullScreen: "Read them, then press Enter to agree for the account. Nothing is billed.",
                    plain: "Read them, then agree for the account. Nothing is billed.", .bold),
            ]
        case .unknown:
            return [.line("Asking Telnyx whether the terms are agreed…")]
        }
    }

}
