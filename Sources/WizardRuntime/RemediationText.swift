import Foundation
import Onboarding

/// A number's remediation as the onboarding knows it, for the box `H` opens: each request it
/// was sent in, newest first, with its status and the number's outcome once known.
enum RemediationText {
    static func lines(for number: String, in requests: [RemediationRecord]) -> [String] {
        let mine = requests.filter { $0.numbers.contains(number) }.reversed()
        guard !mine.isEmpty else { return [] }
        return ["", "Remediation, newest first:"]
            + mine.map { request in
                let when = request.createdAt.map { "\(ReportTime.stamp($0))  " } ?? ""
                let outcome = request.results?[number].map { $0.replacingOccurrences(of: "_", with: " ") }
                let status = request.status.replacingOccurrences(of: "_", with: " ")
                return "  \(when)\(RemoteText.sanitized(outcome ?? status)) (request \(RemoteText.sanitized(request.id)))"
            }
    }
}
