import Foundation

extension SimulatorWorld {
    static let termsVersion = "v1.0.0"
    static let termsURL = "https://telnyx.com/terms/reputation-services"

    /// `product_type` defaults to branded calling, as on Telnyx; that product's terms are never
    /// agreed in a simulated account.
    func termsStatus(productType: Schemas.TosProductType?) -> Schemas.TosStatus {
        read { state, _ in
            let type = productType ?? .init(.brandedCalling)
            let agreement = type.is(.numberReputation) ? state.tosAgreement : nil
            return Schemas.TosStatus(
                agreedAt: agreement?.agreedAt, agreedVersion: agreement?.termsVersion,
                agreementRequired: agreement == nil, currentTermsVersion: Self.termsVersion,
                hasAgreed: agreement != nil, productType: type)
        }
    }

    /// Idempotent: agreeing again answers the existing agreement.
    func agreeToTerms() -> Schemas.TosAgreement {
        read { state, now in
            if let agreement = state.tosAgreement { return agreement }
            let agreement = Schemas.TosAgreement(
                agreedAt: now, createdAt: now, id: state.newID(), productType: .init(.numberReputation),
                termsVersion: Self.termsVersion, version: Self.termsVersion)
            state.tosAgreement = agreement
            return agreement
        }
    }

    func termsAgreements(productType: Schemas.TosProductType?) -> [Schemas.TosAgreement] {
        read { state, _ in
            guard productType == nil || productType?.is(.numberReputation) == true else { return [] }
            return state.tosAgreement.map { [$0] } ?? []
        }
    }

    func termsAgreement(id: String) throws -> Schemas.TosAgreement {
        try transact { state, _ in
            guard let agreement = state.tosAgreement, agreement.id == id else {
                throw SimulatorError.notFound("Terms of service agreement not found.")
            }
            return agreement
        }
    }
}
