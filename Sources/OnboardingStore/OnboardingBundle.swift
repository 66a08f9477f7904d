import Foundation
import Onboarding

/// Everything another desk needs to continue an onboarding, in one file: its state, effect
/// journal (an intent whose answer was lost is reconciled there), audit log, drafts, readings,
/// and the rendered and signed LOA files. Never the API key: the store holds none.
public struct OnboardingBundle: Codable, Sendable, Equatable {
    /// What the file is, so another file is refused by name.
    public static let format = "reputation-wizard onboarding"
    public static let currentVersion = 1

    /// One journal row: the effect and its outcome as the store keeps them (JSON text), times in UTC.
    public struct JournalRow: Codable, Sendable, Equatable {
        public var effect: String
        public var billable: Bool
        public var intentAt: Date
        public var outcome: String?
        public var outcomeAt: Date?
        enum CodingKeys: String, CodingKey {
            case effect, billable, outcome
            case intentAt = "intent_at"
            case outcomeAt = "outcome_at"
        }
    }

    /// One kept reading of a number (E.164): Telnyx's `reputation_data` as JSON text, and when.
    public struct Reading: Codable, Sendable, Equatable {
        public var phoneNumber: String
        public var data: String
        public var at: Date
        enum CodingKeys: String, CodingKey {
            case data, at
            case phoneNumber = "phone_number"
        }
    }

    /// Where `watch` (viewer `watch`) or the wizard's table (`table`) last looked: its time, how
    /// many of the bundle's readings (in order) it had seen, and the `ownership_status` of the
    /// numbers not verified then. The next look on the other desk reports what changed since.
    public struct Mark: Codable, Sendable, Equatable {
        public var viewer: String
        public var at: Date
        public var readingsSeen: Int
        public var ownership: [String: String]
        enum CodingKeys: String, CodingKey {
            case viewer, at, ownership
            case readingsSeen = "readings_seen"
        }
    }

    /// A file of the onboarding: its role (`rendered_loa`, `signed_loa`), name and bytes (base64).
    public struct File: Codable, Sendable, Equatable {
        public var role: String
        public var name: String
        public var contents: Data

        public init(role: String, name: String, contents: Data) {
            self.role = role
            self.name = name
            self.contents = contents
        }
    }

    /// What became of one number given to add: `monitored`, or `set_aside` with its reason.
    public struct NumberOutcome: Codable, Sendable, Equatable {
        public var phoneNumber: String
        public var outcome: String
        public var reason: String?
        public var at: Date
        enum CodingKeys: String, CodingKey {
            case outcome, reason, at
            case phoneNumber = "phone_number"
        }
    }

    /// `OnboardingBundle.format`; anything else is not a bundle.
    public var format: String
    /// The bundle's layout version (1 to `currentVersion`).
    public var version: Int
    public var exportedAt: Date
    public var exportedBy: String
    /// The onboarding's state as the store keeps it (JSON).
    public var state: String
    public var createdAt: Date
    public var updatedAt: Date
    public var journal: [JournalRow]
    public var audit: [AuditEntry]
    public var drafts: [String: [String: String]]
    public var readings: [Reading]
    /// The last look of each viewer; nil in a bundle written before marks were kept.
    public var marks: [Mark]?
    public var files: [File]
    /// Each number's outcome; nil in a bundle written before they travelled.
    public var numberOutcomes: [NumberOutcome]?
    /// When the onboarding was archived (it stays archived where it is taken in); nil while listed.
    public var archivedAt: Date?

    /// The most one audit entry can have cost at `prices`: a month of monitoring plus the
    /// dearest per-number price for each number the action names (at least one). An entry
    /// past it, or below zero, is a damaged or forged file: it would defeat the monthly budget.
    public static func largestCost(of action: String, at prices: PriceTable) -> Money {
        let named = action.split(whereSeparator: { $0 == " " || $0 == "," }).filter { $0.hasPrefix("+") && $0.count > 1 }.count
        let dearest = [prices.association, prices.liveCheck, prices.remediation].max() ?? prices.liveCheck
        return prices.monitoringPerMonth + dearest * max(1, named)
    }

    /// What makes a decoded bundle unfit to import, worded for the person (nil when fit): a
    /// version below 1, an audit cost that is negative or more than the action could cost at
    /// `prices` (`largestCost(of:at:)`), a reading whose number is not E.164 or whose data is
    /// not a JSON object or `null`, a mark that saw a negative number of readings.
    public func problem(prices: PriceTable) -> String? {
        guard version >= 1 else { return "its version \(version) is not one reputation-wizard writes (1 to \(Self.currentVersion))" }
        for (index, entry) in audit.enumerated() {
            if let cost = entry.cost, cost < .zero || Self.largestCost(of: entry.action, at: prices) < cost {
                return
                    "audit entry \(index + 1) (“\(String(entry.action.prefix(40)))”) costs \(cost), more than that action can cost; the file is damaged"
            }
        }
        for (index, reading) in readings.enumerated() {
            guard reading.phoneNumber.hasPrefix("+"), (8...16).contains(reading.phoneNumber.count),
                reading.phoneNumber.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else {
                return "reading \(index + 1)'s phone_number is not an E.164 number (+ and 7 to 15 digits); the file is damaged"
            }
            let parsed = try? JSONSerialization.jsonObject(with: Data(reading.data.utf8), options: .fragmentsAllowed)
            guard parsed is [String: Any] || parsed is NSNull else {
                return
                    "reading \(index + 1) (\(reading.phoneNumber)) is not Telnyx's reputation_data (a JSON object or null); the file is damaged"
            }
        }
        for (index, outcome) in (numberOutcomes ?? []).enumerated()
        where !["monitored", "set_aside"].contains(outcome.outcome) || !outcome.phoneNumber.hasPrefix("+") {
            return "number outcome \(index + 1) is not a number monitored or set aside; the file is damaged"
        }
        for mark in marks ?? [] where mark.readingsSeen < 0 {
            return "the \(mark.viewer) mark saw \(mark.readingsSeen) readings, fewer than none; the file is damaged"
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case format, version, state, journal, audit, drafts, readings, marks, files
        case numberOutcomes = "number_outcomes"
        case archivedAt = "archived_at"
        case exportedAt = "exported_at"
        case exportedBy = "exported_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

extension OnboardingBundle {
    /// The bundle as a file: JSON, times in ISO 8601 with fractional seconds, files in base64.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.timeFormatter().string(from: date))
        }
        return try encoder.encode(self)
    }

    /// Reads a bundle file's bytes.
    /// - Throws: `BundleProblem.notABundle` naming `path` when they are not one.
    public static func decoded(_ data: Data, path: String) throws -> OnboardingBundle {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = timeFormatter().date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a time"))
            }
            return date
        }
        do {
            return try decoder.decode(OnboardingBundle.self, from: data)
        } catch {
            throw BundleProblem.notABundle(path: path, detail: Self.worded(error))
        }
    }

    /// Why the bytes are not a bundle, in a few words naming where.
    static func worded(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "it cannot be read" }
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at \(path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))"
        }
        switch error {
        case .dataCorrupted(let context): return "it is not complete JSON\(at(context.codingPath))"
        case .keyNotFound(let key, let context): return "\(key.stringValue) is missing\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "a value is of the wrong kind\(at(context.codingPath))"
        @unknown default: return "it cannot be read"
        }
    }

    static func timeFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}

/// Why a bundle cannot be taken in, naming the file and the fix.
public enum BundleProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case notABundle(path: String, detail: String)
    case newerVersion(path: String, version: Int)
    case duplicate(path: String, onboardingId: String, reason: String)

    /// Why, without the file's name (for lists that name the onboarding instead).
    public var reasonAlone: String {
        switch self {
        case .notABundle(_, let detail): detail
        case .newerVersion(_, let version): "written by a newer reputation-wizard (bundle version \(version))"
        case .duplicate(_, let id, let reason): reason.hasSuffix("this onboarding") ? reason : "\(reason) (onboarding \(id) there)"
        }
    }

    public var description: String {
        switch self {
        case .notABundle(let path, let detail):
            "\(path) is not an onboarding exported by `reputation-wizard export` (\(detail))."
        case .newerVersion(let path, let version):
            "\(path) was exported by a newer reputation-wizard (bundle version \(version)); import it with that version."
        case .duplicate(let path, let id, let reason):
            "\(path) was not imported: \(reason) (onboarding \(id) here). Continue that one with `reputation-wizard run --id \(id)`."
        }
    }
}

extension OnboardingStore {
    /// Everything of onboarding `id`, for another desk. Files of the onboarding that cannot be
    /// read (a signed LOA moved away, say) are left out.
    /// - Throws: `StoreError.notFound` for an unknown id.
    public func exportBundle(_ id: String, at now: Date = Date()) throws(StoreError) -> OnboardingBundle {
        guard let summary = try list(includingArchived: true).first(where: { $0.state.id == id }) else { throw .notFound(onboardingId: id) }
        let state = try withLocalFiles(summary.state)
        let (stateJSON, journal, drafts, readings, outcomes) = try read { db in
            let stateJSON = try db.row(sql: "SELECT state FROM onboarding WHERE id = ?", arguments: [id])?.optionalText("state") ?? ""
            let journal = try db.rows(
                sql: "SELECT effect, billable, intentAt, outcome, outcomeAt FROM effectJournal WHERE onboardingId = ? ORDER BY id",
                arguments: [id]
            ).map { row in
                OnboardingBundle.JournalRow(
                    effect: try row.text("effect"), billable: try row.bool("billable"), intentAt: try row.date("intentAt"),
                    outcome: row.optionalText("outcome"), outcomeAt: row.optionalDate("outcomeAt"))
            }
            var drafts: [String: [String: String]] = [:]
            for row in try db.rows(sql: "SELECT form, fields FROM formDraft WHERE onboardingId = ?", arguments: [id]) {
                drafts[try row.text("form")] = try Self.value([String: String].self, try row.text("fields"))
            }
            let readings = try db.rows(
                sql: """
                    SELECT \(Self.readingColumns) FROM reading r JOIN readingNumber n ON n.key = r.numberKey
                    WHERE n.onboardingId = ? ORDER BY r.id
                    """,
                arguments: [id]
            ).map(Self.snapshot).map { OnboardingBundle.Reading(phoneNumber: $0.phoneNumber, data: $0.data, at: $0.at) }
            let outcomes = try db.rows(
                sql: "SELECT phoneNumber, outcome, reason, at FROM numberOutcome WHERE onboardingId = ? ORDER BY phoneNumber",
                arguments: [id]
            ).map { row in
                OnboardingBundle.NumberOutcome(
                    phoneNumber: try row.text("phoneNumber"), outcome: try row.text("outcome"), reason: row.optionalText("reason"),
                    at: try row.date("at"))
            }
            return (stateJSON, journal, drafts, readings, outcomes)
        }
        var marks: [OnboardingBundle.Mark] = []
        let readingRows = try readingRows(id)
        for viewer in [Viewer.watch, .table] {
            guard let mark = try lastWatch(id, by: viewer) else { continue }
            // A mark points at a row here; the bundle says how many of its readings it had seen.
            let seen = readingRows.prefix { $0 <= mark.throughSnapshotId }.count
            marks.append(.init(viewer: viewer.rawValue, at: mark.at, readingsSeen: seen, ownership: mark.ownership))
        }
        var files: [OnboardingBundle.File] = []
        for (role, path) in [("rendered_loa", state.renderedLOAPath), ("signed_loa", state.signedLOAPath)] {
            guard let path, let contents = FileManager.default.contents(atPath: path) else { continue }
            files.append(.init(role: role, name: URL(fileURLWithPath: path).lastPathComponent, contents: contents))
        }
        return OnboardingBundle(
            format: OnboardingBundle.format, version: OnboardingBundle.currentVersion, exportedAt: now, exportedBy: Self.osUser,
            state: stateJSON, createdAt: summary.createdAt, updatedAt: summary.updatedAt, journal: journal, audit: try auditLog(id),
            drafts: drafts, readings: readings, marks: marks, files: files, numberOutcomes: outcomes, archivedAt: summary.archivedAt)
    }

    /// Draft fields that hold paths of the exporting desk's files, dropped on import.
    static let localPathDraftKeys = ["signed_loa_path", "signature_image"]

    /// A refusal met while writing an imported onboarding, as the bundle's problem: the same
    /// onboarding, or another tracking its enterprise, got in first (another desk, at once).
    func importRefusal(_ error: StoreError, path: String) -> any Error {
        switch error {
        case .exists(let id):
            BundleProblem.duplicate(
                path: path, onboardingId: id,
                reason: isShared ? "the shared store already has this onboarding" : "this state directory already has this onboarding")
        case .alreadyTracked(let enterpriseId, let id):
            BundleProblem.duplicate(
                path: path, onboardingId: id, reason: "enterprise \(enterpriseId) is already tracked by another onboarding")
        default: error
        }
    }

    /// Whether `id` can name a folder: 1 to 64 letters, digits, `-` or `_`.
    static func isSafeId(_ id: String) -> Bool { OnboardingId.problem(id) == nil }

    /// The onboarding a bundle read from `path` carries, once the bundle is fit to import on
    /// its own (its format, version, contents and onboarding id), before any store is opened.
    /// - Throws: `BundleProblem` naming what is wrong.
    public static func checked(_ bundle: OnboardingBundle, from path: String) throws(BundleProblem) -> OnboardingState {
        guard bundle.format == OnboardingBundle.format else {
            throw BundleProblem.notABundle(path: path, detail: "its format is “\(bundle.format)”")
        }
        guard bundle.version <= OnboardingBundle.currentVersion else {
            throw BundleProblem.newerVersion(path: path, version: bundle.version)
        }
        let state: OnboardingState
        do {
            state = try value(OnboardingState.self, bundle.state)
        } catch {
            throw BundleProblem.notABundle(path: path, detail: "its onboarding cannot be read: \(error)")
        }
        if let problem = bundle.problem(prices: state.prices) {
            throw BundleProblem.notABundle(path: path, detail: problem)
        }
        // The id names a folder here: only what this program makes (letters, digits, - and _).
        guard isSafeId(state.id) else {
            throw BundleProblem.notABundle(path: path, detail: "its onboarding id is not one reputation-wizard makes")
        }
        for file in bundle.files where !isPlainFileName(file.name) {
            throw BundleProblem.notABundle(
                path: path, detail: "its \(file.role) file is named “\(String(file.name.prefix(40)))”, which is not a file name")
        }
        return state
    }

    /// A name for a file in the onboarding's folder: not empty, `.`, `..`, nor a path.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// Takes in a bundle read from `path`: refused when this store already has the onboarding,
    /// or another onboarding tracking the same enterprise at Telnyx. The LOA files go into the
    /// onboarding's folder here (0600) and the state points at them; the audit log keeps every
    /// entry as it was and gains one saying who imported it, from where.
    /// - Returns: the imported onboarding's id.
    /// - Throws: `BundleProblem` for a foreign, newer or duplicate bundle; `StoreError` when the
    ///   store cannot be written.
    /// - Parameter action: the audit entry's action (`import`; `migrate` when a desk moves its
    ///   state directory into the shared store).
    public func importBundle(
        _ bundle: OnboardingBundle, from path: String, action: String = "import", at now: Date = Date()
    ) throws -> String {
        var state = try Self.checked(bundle, from: path)
        let everyOne = try list(includingArchived: true)
        if everyOne.contains(where: { $0.state.id == state.id }) {
            throw BundleProblem.duplicate(
                path: path, onboardingId: state.id,
                reason: isShared ? "the shared store already has this onboarding" : "this state directory already has this onboarding")
        }
        if let enterpriseId = state.enterprise?.id, let tracking = everyOne.first(where: { $0.state.enterprise?.id == enterpriseId }) {
            throw BundleProblem.duplicate(
                path: path, onboardingId: tracking.state.id, reason: "enterprise \(enterpriseId) is already tracked by another onboarding")
        }
        // The files first, so the state can point at them (and, shared, kept for every desk after).
        var kept: [(role: OnboardingFileRole, name: String, contents: Data)] = []
        let folder = directory.appendingPathComponent(state.id, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for file in bundle.files {
            let name = file.name  // a plain file name (`checked`): never a path out of the folder
            var target = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: target) && FileManager.default.contents(atPath: target) != file.contents {
                target = folder.appendingPathComponent("\(file.role)-\(name)").path
            }
            guard FileManager.default.createFile(atPath: target, contents: file.contents, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotCreate(path: target, reason: "the file cannot be written")
            }
            switch file.role {
            case "rendered_loa": state.renderedLOAPath = target
            case "signed_loa": state.signedLOAPath = target
            default: break
            }
            if let role = OnboardingFileRole(rawValue: file.role) {
                kept.append((role, URL(fileURLWithPath: target).lastPathComponent, file.contents))
            }
        }
        let stateJSON = try Self.json(state)
        do {
            try write { db in
                try Self.refuseDuplicate(of: state, in: db)
                try db.execute(
                    sql:
                        "INSERT INTO onboarding (id, state, stateVersion, step, createdAt, updatedAt, archivedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        state.id, stateJSON, state.version, state.step.rawValue, bundle.createdAt, bundle.updatedAt, bundle.archivedAt,
                    ])
                for outcome in bundle.numberOutcomes ?? [] {
                    try db.execute(
                        sql: "INSERT INTO numberOutcome (onboardingId, phoneNumber, outcome, reason, at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [state.id, outcome.phoneNumber, outcome.outcome, outcome.reason, outcome.at])
                }
                for row in bundle.journal {
                    try db.execute(
                        sql:
                            "INSERT INTO effectJournal (onboardingId, effect, billable, intentAt, outcome, outcomeAt) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [state.id, row.effect, row.billable, row.intentAt, row.outcome, row.outcomeAt])
                }
                for entry in bundle.audit {
                    try db.execute(
                        sql:
                            "INSERT INTO auditLog (onboardingId, at, osUser, action, billable, costCents, result) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [state.id, entry.at, entry.osUser, entry.action, entry.billable, entry.cost?.cents, entry.result])
                }
                for (form, var fields) in bundle.drafts {
                    // Paths name files on the desk that typed them; here they could point anywhere.
                    for key in Self.localPathDraftKeys { fields[key] = nil }
                    try db.execute(
                        sql: "INSERT INTO formDraft (onboardingId, form, fields, updatedAt) VALUES (?, ?, ?, ?)",
                        arguments: [state.id, form, try Self.json(fields), bundle.updatedAt])
                }
                try Self.insert(
                    bundle.readings.map { ReputationSnapshot(phoneNumber: $0.phoneNumber, data: $0.data, at: $0.at) }, of: state.id, in: db)
                let rows = try Self.readingRows(state.id, in: db)
                for mark in bundle.marks ?? [] {
                    guard let viewer = Viewer(rawValue: mark.viewer) else { continue }
                    let seen = min(max(mark.readingsSeen, 0), rows.count)
                    try db.execute(
                        sql: "INSERT INTO watchRun (onboardingId, at, throughSnapshotId, ownership, viewer) VALUES (?, ?, ?, ?, ?)",
                        arguments: [state.id, mark.at, seen == 0 ? 0 : rows[seen - 1], try Self.json(mark.ownership), viewer.rawValue])
                }
            }
        } catch {
            throw importRefusal(error, path: path)
        }
        for file in kept { try keepFile(state.id, file.role, name: file.name, contents: file.contents, at: now) }
        try appendAudit(
            onboardingId: state.id, action: action, billable: false, cost: nil,
            result: "from \(path), exported by \(bundle.exportedBy) at \(ISO8601DateFormatter().string(from: bundle.exportedAt))", at: now)
        return state.id
    }
}
