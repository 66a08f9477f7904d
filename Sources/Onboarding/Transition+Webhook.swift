import Foundation

extension Decision {
    /// Telnyx calls the ownership webhook when a number is flagged or removed and when the
    /// ownership proof is decided; it takes a public HTTPS URL, or JSON `null` to stop (api-notes,
    /// since SDK 4.189.0). Free, so no confirmation; the wizard itself polls and needs none.
    mutating func onSetWebhook(url: String?) -> Transition {
        guard let enterprise = state.enterprise, state.reputationEnabled else {
            return refuse("The ownership webhook is set once reputation is enabled for the enterprise.")
        }
        let trimmed = url?.trimmingCharacters(in: .whitespaces)
        if let trimmed {
            guard let parsed = URL(string: trimmed), parsed.scheme?.lowercased() == "https", let host = parsed.host, !host.isEmpty,
                !trimmed.contains(" ")
            else {
                return refuse("webhook URL: give a public HTTPS URL (https://…), e.g. https://hooks.example.com/telnyx.")
            }
        }
        guard trimmed != state.webhookURL else {
            return refuse(trimmed.map { "The ownership webhook is already \($0)." } ?? "There is no ownership webhook to clear.")
        }
        return send(.setWebhook(enterpriseId: enterprise.id, url: trimmed))
    }

    mutating func onWebhookSet(url: String?) -> Transition {
        next.webhookURL = url
        return settle() ?? stay()
    }
}
