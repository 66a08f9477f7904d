import Foundation
import Onboarding

/// The answers a non-interactive run works from, with the API's own field names; also what the
/// wizard writes back (`--write-answers`), so the file it writes is the file it reads.
public struct RunAnswers: Codable, Equatable, Sendable {
    public var acceptTerms: Bool?
    /// A new enterprise, as `POST /enterprises` takes it (nested objects allowed).
    public var enterprise: EnterpriseBody?
    /// Or an enterprise the account already has.
    public var enterpriseId: String?
    public var loa: LOA?
    /// The signed LOA to upload.
    public var signedLoa: String?
    public var checkFrequency: Onboarding.CheckFrequency?
    public var numbers: [String]?
    /// A CSV or text file of numbers, read like a pasted list.
    public var numbersFile: String?
    /// After reputation was disabled: `true` to enable it again (a new LOA, then the enable, billed).
    public var enableAgain: Bool?
    /// The enterprise's ownership proof, for numbers hosted at other carriers: paths of the
    /// evidence (a carrier invoice or statement; PDF, PNG or JPEG), sent when such numbers are
    /// given and no proof is under review or approved.
    public var ownershipProof: [String]?
    /// Numbers to send to remediation once monitored (billed $1.00 a number sent; with
    /// `--yes`). A number already in a request under way, or sent in the last 30 days, is not
    /// sent again, so a run repeated sends nothing twice.
    public var remediation: Remediation?
    /// `now` (default: every number's first read, billed, at step 8) or `scheduled` (nothing read
    /// now: Telnyx's first scheduled check reads them).
    public var firstRead: String?
    /// The onboarding's monthly budget in US dollars (0 or more; cents are kept).
    public var budgetUSD: DollarsAnswer?

    /// `remediation`: the numbers (any common US writing), what their calls are for (1 to
    /// 2,000 characters, plain text; the carriers' reviewers read it) and an optional contact
    /// email, as Telnyx's `POST …/reputation/remediation` takes them.
    public struct Remediation: Codable, Equatable, Sendable {
        public var numbers: [String]
        public var callPurpose: String
        public var contactEmail: String?

        public init(numbers: [String], callPurpose: String, contactEmail: String? = nil) {
            self.numbers = numbers
            self.callPurpose = callPurpose
            self.contactEmail = contactEmail
        }

        enum CodingKeys: String, CodingKey {
            case numbers
            case callPurpose = "call_purpose"
            case contactEmail = "contact_email"
        }
    }

    /// No answer at all (a step with no answer stops the run there and asks for it).
    public init() {}

    /// The answers with every path in them (`signed_loa`, `numbers_file`, `ownership_proof`,
    /// `loa.signature_image`) as the run will read it: `~` expanded with `$HOME`, and a relative
    /// path taken relative to `directory`, the answers file's own directory, so an answers file
    /// and its files can be moved together (as compose files and installer answers files do).
    public func resolvingPaths(relativeTo directory: String) -> RunAnswers {
        var resolved = self
        resolved.signedLoa = signedLoa.map { LocalFile.expanded($0, relativeTo: directory) }
        resolved.numbersFile = numbersFile.map { LocalFile.expanded($0, relativeTo: directory) }
        resolved.ownershipProof = ownershipProof?.map { LocalFile.expanded($0, relativeTo: directory) }
        resolved.loa?.signatureImage = loa?.signatureImage.map { LocalFile.expanded($0, relativeTo: directory) }
        return resolved
    }

    public struct LOA: Codable, Equatable, Sendable {
        public var agent: [String: String]?
        public var signerName: String?
        /// A PNG of the signature, printed on the LOA (with the signer's name, if given).
        public var signatureImage: String?

        public init(agent: [String: String]? = nil, signerName: String? = nil, signatureImage: String? = nil) {
            self.agent = agent
            self.signerName = signerName
            self.signatureImage = signatureImage
        }

        enum CodingKeys: String, CodingKey {
            case agent
            case signerName = "signer_name"
            case signatureImage = "signature_image"
        }

        /// The agent checked field by field, and the signature; or what to fix, naming the field.
        func request() -> Result<(agent: [String: String]?, signature: SignatureImage?), ValueProblem> {
            if signerName != nil && signatureImage == nil {
                return .failure(
                    ValueProblem(
                        "loa.signature_image: Telnyx prints the signer's name only beside a signature image; give a PNG's path, or leave signer_name out"
                    ))
            }
            let signature = signatureImage.map { SignatureImage(path: $0, signerName: signerName) }
            guard let agent else { return .success((nil, signature)) }
            var values: [LOAAgentField: String] = [:]
            for (key, value) in agent {
                guard let field = LOAAgentField(rawValue: key) else {
                    let known = LOAAgentField.allCases.map(\.key).joined(separator: ", ")
                    return .failure(ValueProblem("loa.agent.\(key) is not a field of agent; it takes \(known)"))
                }
                values[field] = value
            }
            let checked = LOAAgentField.check(values)
            guard checked.problems.isEmpty else {
                let described = LOAAgentField.allCases.compactMap { field in checked.problems[field].map { "loa.agent.\(field.key) \($0)" }
                }
                return .failure(ValueProblem(described.joined(separator: "; ")))
            }
            return .success((checked.accepted, signature))
        }
    }

    enum CodingKeys: String, CodingKey {
        case enterprise, loa, numbers
        case acceptTerms = "accept_terms"
        case enterpriseId = "enterprise_id"
        case signedLoa = "signed_loa"
        case checkFrequency = "check_frequency"
        case numbersFile = "numbers_file"
        case enableAgain = "enable_again"
        case ownershipProof = "ownership_proof"
        case remediation
        case budgetUSD = "budget_usd"
        case firstRead = "first_read"
    }

    /// Whether step 8 leaves the first read to Telnyx's scheduled check (`first_read: scheduled`).
    /// - Throws: `RunInputError` naming `first_read` for another value.
    public func waitsForScheduledCheck() throws -> Bool {
        switch firstRead {
        case nil, "now": return false
        case "scheduled": return true
        case let other?:
            throw RunInputError(
                message:
                    "first_read must be now (read every number at step 8, billed) or scheduled (Telnyx's first scheduled check reads them), not \(RemoteText.sanitized(other))"
            )
        }
    }

    /// `budget_usd` as money, nil when not given.
    /// - Throws: `RunInputError` naming `budget_usd` when it is negative or not an amount.
    public func monthlyBudget() throws -> Money? {
        guard let budgetUSD else { return nil }
        guard let money = budgetUSD.money else {
            throw RunInputError(
                message:
                    "budget_usd must be an amount in US dollars, 0 or more, with at most two decimals (e.g. 250, 1200.50 or \"$1,200.50\")")
        }
        return money
    }

    /// The enterprise as form fields keyed `organization_contact.email`.
    public var enterpriseFields: [String: String]? { enterprise?.fields }
}

/// An amount of US dollars in an answers file: a number (`1200.5`) or text as a person writes it
/// (`"$1,200.50"`, commas only between thousands).
public enum DollarsAnswer: Codable, Equatable, Sendable {
    case number(Double)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try value.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .number(let number): try value.encode(number)
        case .text(let text): try value.encode(text)
        }
    }

    /// The amount, cents at most and below ten billion dollars (as the `budget` command reads
    /// amounts); nil for anything else.
    public var money: Money? {
        switch self {
        case .text(let text): return Money(dollarsText: text)
        case .number(let dollars):
            let cents = (dollars * 100).rounded()
            guard dollars.isFinite, dollars >= 0, dollars < 1e10, abs(dollars * 100 - cents) < 1e-6 else { return nil }
            return Money(cents: Int(cents))
        }
    }
}
