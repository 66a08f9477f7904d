import Foundation

/// The mark `migrate` leaves in a state directory whose onboardings it copied into a desk's
/// shared store: that local copy is a backup from then on. Working on it would act on
/// onboardings the desk continues elsewhere, so it is refused (reading it is allowed, said).
enum MigratedMarker {
    static let fileName = ".migrated"

    /// Where and when the onboardings of `folder` went (the URL without its password), or nil.
    static func moved(_ folder: URL) -> (location: String, at: String)? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return (lines.first ?? "the shared store", lines.dropFirst().first ?? "")
    }

    /// - Throws: `UsageProblem` when `folder`'s onboardings were moved to a shared store.
    static func refuseWork(in folder: URL) throws {
        guard let (location, at) = moved(folder) else { return }
        throw UsageProblem.stop(
            "The onboardings in \(folder.path) were moved to the shared store \(location) on \(at) (`migrate`); work on with --database \(location) (or REPUTATION_WIZARD_DATABASE_URL). This local copy is a backup: to work on it anyway, remove \(folder.appendingPathComponent(fileName).path)."
        )
    }

    /// Says on stderr that `folder` is a moved store's backup, when it is.
    static func warn(about folder: URL) {
        guard let (location, at) = moved(folder) else { return }
        Output.say(
            "Note: this is the local backup of onboardings moved to the shared store \(location) on \(at); the desk works on them there.\n")
    }
}
