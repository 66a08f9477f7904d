import TelnyxAPI

/// The value, or nil when Telnyx answers 404: for the calls where "not there" is an answer.
/// (Written without `catch … where`, which crashes the Swift 6.3 compiler on typed throws.)
func unlessNotFound<T>(
    isolation: isolated (any Actor)? = #isolation, _ body: () async throws(TelnyxError) -> T
) async throws(TelnyxError) -> T? {
    let result: Result<T, TelnyxError>
    do {
        result = .success(try await body())
    } catch {
        result = .failure(error)
    }
    switch result {
    case .success(let value): return value
    case .failure(let error) where error.status == 404: return nil
    case .failure(let error): throw error
    }
}
