import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI

extension GlobalOptions {
    /// The engine of onboarding `id`, or of the most recently active one, for a command that
    /// acts on it; said by name (exit 64) when there is none, or no such one.
    func openOnboarding(_ id: String?, store: OnboardingStore, client: TelnyxClient) throws -> (engine: OnboardingEngine, id: String) {
        guard let id = try id ?? store.list().first?.state.id else {
            throw UsageProblem.stop("There is no onboarding in \(store.whereabouts) yet; start one with `reputation-wizard run`.")
        }
        guard try store.list(includingArchived: true).contains(where: { $0.state.id == id }) else {
            throw UsageProblem.stop("No onboarding \(id) in \(store.whereabouts); `reputation-wizard list --all` shows them.")
        }
        return (try OnboardingEngine(store: store, client: client, onboardingId: id), id)
    }
}

extension GlobalOptions {
    /// Numbers given on the command line, in any common writing, as E.164.
    /// - Throws: `UsageProblem` naming the first that is not a US number.
    static func e164(_ texts: [String]) throws -> [String] {
        try texts.map { text in
            do {
                return try USPhoneNumber(text).e164
            } catch {
                throw UsageProblem.stop("\(text) \(error); give the number as `status` lists it.")
            }
        }
    }
}
