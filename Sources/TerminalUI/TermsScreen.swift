import Onboarding

/// Step 1: the terms, their link and version, agreed once for the account.
enum TermsScreen {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
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
}
