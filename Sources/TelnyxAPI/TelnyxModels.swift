/// Short names for the generated types the wizard works with. Aliases, not copies: the
/// generated code stays the one definition of every model.
public typealias Enterprise = Components.Schemas.EnterprisePublic
public typealias EnterpriseCreate = Components.Schemas.EnterpriseCreate
public typealias EnterpriseUpdate = Components.Schemas.EnterpriseUpdate
public typealias PhysicalAddress = Components.Schemas.PhysicalAddress
public typealias OrganizationContact = Components.Schemas.OrganizationContact
public typealias BillingContact = Components.Schemas.BillingContact
public typealias TermsStatus = Components.Schemas.TosStatus
public typealias TermsAgreement = Components.Schemas.TosAgreement
public typealias LOAAgent = Components.Schemas.AgentInput
public typealias LOASignature = Components.Schemas.LoaSignaturePayload
public typealias UploadedDocument = Components.Schemas.DocServiceDocument
public typealias ReputationSettings = Components.Schemas.EnterpriseReputationPublic
public typealias ReputationStatus = Components.Schemas.ReputationStatus
public typealias LOAStatus = Components.Schemas.ReputationLoaStatusPublic
public typealias CheckFrequency = Components.Schemas.ReputationCheckFrequency
public typealias ReputationNumber = Components.Schemas.ReputationPhoneNumber
public typealias ReputationData = Components.Schemas.ReputationData
public typealias RefreshOutcome = Components.Schemas.RefreshReputationResponse.DataPayload
public typealias InventoryNumber = Components.Schemas.PhoneNumberDetailed
