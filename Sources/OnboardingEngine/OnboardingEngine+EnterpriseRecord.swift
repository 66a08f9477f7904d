import Onboarding
import TelnyxAPI

extension OnboardingEngine {
    /// The onboarding's enterprise as Telnyx holds it now (`GET /enterprises/{id}`, free),
    /// flattened to the form's keys (`organization_contact.email`): what a correction starts
    /// from and is compared with. Nil when the onboarding has no enterprise yet.
    /// - Throws: `TelnyxError` when Telnyx cannot be read (a 404 when the enterprise was deleted).
    public func enterpriseRecord() async throws(TelnyxError) -> [String: String]? {
        guard let id = state.enterprise?.id else { return nil }
        return TelnyxMapping.fields(of: try await client.enterprise(id: id))
    }
}
