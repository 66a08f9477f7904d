/// A value Telnyx sends from a list it may grow. Every enum in a schema Telnyx sends back is
/// generated open (`anyOf: [the known values, any string]`; `contract/README.md` says how the
/// generator's input is made from Telnyx's spec), so a value this client does not know yet
/// decodes, kept as Telnyx sent it, instead of failing the whole answer.
public protocol OpenEnum: Hashable, Sendable {
    associatedtype Known: RawRepresentable & Hashable & Sendable where Known.RawValue == String
    /// The value when it is one the spec lists.
    var value1: Known? { get }
    /// The value as sent (set by decoding whatever it is).
    var value2: String? { get }
    init(value1: Known?, value2: String?)
}

extension OpenEnum {
    /// A value the spec lists, as Telnyx would send it.
    public init(_ known: Known) { self.init(value1: known, value2: known.rawValue) }

    /// A value as sent: known when the spec lists it.
    public init(rawValue: String) { self.init(value1: Known(rawValue: rawValue), value2: rawValue) }

    /// The value when this client knows it; nil for one Telnyx added since.
    public var known: Known? { value1 ?? value2.flatMap(Known.init(rawValue:)) }

    /// The value as Telnyx sent it.
    public var rawValue: String { value2 ?? value1?.rawValue ?? "" }

    /// Whether it is `known` (`status.is(.approved)`).
    public func `is`(_ known: Known) -> Bool { self.known == known }
}

/// `settings.status == .approved`: whether the value (absent counts as not) is that known one.
public func == <Value: OpenEnum>(value: Value?, known: Value.Known) -> Bool { value?.known == known }

public func != <Value: OpenEnum>(value: Value?, known: Value.Known) -> Bool { value?.known != known }

extension Components.Schemas.ReputationStatus: OpenEnum {}
extension Components.Schemas.ReputationLoaStatusPublic: OpenEnum {}
extension Components.Schemas.ReputationCheckFrequency: OpenEnum {}
extension Components.Schemas.ReputationNumberSource: OpenEnum {}
extension Components.Schemas.ReputationOwnershipStatus: OpenEnum {}
extension Components.Schemas.ExternalVerificationStatus: OpenEnum {}
extension Components.Schemas.RemediationStatus: OpenEnum {}
extension Components.Schemas.TosProductType: OpenEnum {}
extension Components.Schemas.ReputationData.SpamRiskPayload: OpenEnum {}
extension Components.Schemas.ReputationPhoneNumber.RemovalReasonPayload: OpenEnum {}
extension Components.Schemas.EnterprisePublic.BpoVerificationStatusPayload: OpenEnum {}
extension Components.Schemas.DocServiceDocument.Value2Payload.AvScanStatusPayload: OpenEnum {}
extension Components.Schemas.DocServiceDocument.Value2Payload.StatusPayload: OpenEnum {}
extension Components.Schemas.PhoneNumberDetailed.StatusPayload: OpenEnum {}
extension Components.Schemas.PhoneNumberDetailed.PhoneNumberTypePayload: OpenEnum {}
extension Components.Schemas.PhoneNumberDetailed.EmergencyStatusPayload: OpenEnum {}
extension Components.Schemas.PhoneNumberDetailed.InboundCallScreeningPayload: OpenEnum {}
