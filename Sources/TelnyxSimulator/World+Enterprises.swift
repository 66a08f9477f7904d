import Foundation

extension SimulatorWorld {
    func createEnterprise(_ body: Schemas.EnterpriseCreate) throws -> Schemas.EnterprisePublic {
        try EnterpriseRules.check(body)
        return try transact { state, now in
            let duplicate = state.enterprises.values.contains {
                $0.legalName?.caseInsensitiveCompare(body.legalName) == .orderedSame && $0.fein == body.fein
            }
            if duplicate {
                throw SimulatorError.conflict("An enterprise with legal name '\(body.legalName)' and this FEIN already exists.")
            }
            let enterprise = Schemas.EnterprisePublic(
                billingAddress: body.billingAddress, billingContact: body.billingContact, brandedCallingEnabled: false,
                corporateRegistrationNumber: body.corporateRegistrationNumber, countryCode: body.countryCode,
                createdAt: now, customerReference: body.customerReference, doingBusinessAs: body.doingBusinessAs,
                dunBradstreetNumber: body.dunBradstreetNumber, fein: body.fein, id: state.newID(),
                industry: body.industry.rawValue, jurisdictionOfIncorporation: body.jurisdictionOfIncorporation,
                legalName: body.legalName, numberOfEmployees: body.numberOfEmployees.rawValue,
                numberReputationEnabled: false, organizationContact: body.organizationContact,
                organizationLegalType: body.organizationLegalType.rawValue,
                organizationPhysicalAddress: body.organizationPhysicalAddress,
                organizationType: body.organizationType.rawValue,
                primaryBusinessDomainSicCode: body.primaryBusinessDomainSicCode,
                professionalLicenseNumber: body.professionalLicenseNumber,
                roleType: (body.roleType ?? .enterprise).rawValue, updatedAt: now, website: body.website)
            state.enterprises[enterprise.id!] = enterprise
            state.enterpriseOrder.append(enterprise.id!)
            return enterprise
        }
    }

    func listEnterprises(
        legalName: String?, contains: String?, paging: Paging
    ) -> ([Schemas.EnterprisePublic], Schemas.NumberReputationPaginationMeta) {
        read { state, _ in
            let matching = state.enterpriseOrder.compactMap { state.enterprises[$0] }.filter { enterprise in
                let name = enterprise.legalName ?? ""
                if let legalName, name.caseInsensitiveCompare(legalName) != .orderedSame { return false }
                if let contains, !contains.isEmpty, name.range(of: contains, options: .caseInsensitive) == nil { return false }
                return true
            }
            let page = paging.slice(matching)
            return (Array(page.items), page.meta)
        }
    }

    func enterprise(id: String) throws -> Schemas.EnterprisePublic {
        try transact { state, _ in try state.enterprise(id) }
    }

    func updateEnterprise(id: String, _ body: Schemas.EnterpriseUpdate) throws -> Schemas.EnterprisePublic {
        try EnterpriseRules.check(body)
        return try transact { state, now in
            var enterprise = try state.enterprise(id)
            if state.settings[id] != nil {
                let changed = Self.identityChanges(body, of: enterprise)
                if !changed.isEmpty {
                    throw SimulatorError.badRequest(
                        "These fields cannot be changed while number reputation is enabled: \(changed.joined(separator: ", ")). Disable number reputation first."
                    )
                }
            }
            if let value = body.billingAddress { enterprise.billingAddress = value }
            if let value = body.billingContact { enterprise.billingContact = value }
            if let value = body.corporateRegistrationNumber { enterprise.corporateRegistrationNumber = value }
            if let value = body.customerReference { enterprise.customerReference = value }
            if let value = body.doingBusinessAs { enterprise.doingBusinessAs = value }
            if let value = body.dunBradstreetNumber { enterprise.dunBradstreetNumber = value }
            if let value = body.fein { enterprise.fein = value }
            if let value = body.industry { enterprise.industry = value.rawValue }
            if let value = body.jurisdictionOfIncorporation { enterprise.jurisdictionOfIncorporation = value }
            if let value = body.legalName { enterprise.legalName = value }
            if let value = body.numberOfEmployees { enterprise.numberOfEmployees = value }
            if let value = body.organizationContact { enterprise.organizationContact = value }
            if let value = body.organizationLegalType { enterprise.organizationLegalType = value }
            if let value = body.organizationPhysicalAddress { enterprise.organizationPhysicalAddress = value }
            if let value = body.primaryBusinessDomainSicCode { enterprise.primaryBusinessDomainSicCode = value }
            if let value = body.professionalLicenseNumber { enterprise.professionalLicenseNumber = value }
            if let value = body.website { enterprise.website = value }
            enterprise.updatedAt = now
            state.enterprises[id] = enterprise
            return enterprise
        }
    }

    /// The identity fields `body` gives a new value for: Telnyx refuses them with 400 while
    /// reputation is enabled (api-notes, step 2). Sending the value it holds is no change.
    static func identityChanges(_ body: Schemas.EnterpriseUpdate, of enterprise: Schemas.EnterprisePublic) -> [String] {
        var changed: [String] = []
        func check(_ name: String, _ new: String?, _ old: String?) {
            if let new, new != old { changed.append(name) }
        }
        check("legal_name", body.legalName, enterprise.legalName)
        check("doing_business_as", body.doingBusinessAs, enterprise.doingBusinessAs)
        check("website", body.website, enterprise.website)
        check("fein", body.fein, enterprise.fein)
        check("industry", body.industry?.rawValue, enterprise.industry)
        check("number_of_employees", body.numberOfEmployees, enterprise.numberOfEmployees)
        check("dun_bradstreet_number", body.dunBradstreetNumber, enterprise.dunBradstreetNumber)
        if let address = body.organizationPhysicalAddress, address != enterprise.organizationPhysicalAddress {
            changed.append("organization_physical_address")
        }
        if let contact = body.organizationContact, contact != enterprise.organizationContact {
            changed.append("organization_contact")
        }
        return changed
    }

    func deleteEnterprise(id: String) throws {
        try transact { state, _ in
            _ = try state.enterprise(id)
            if state.settings[id] != nil {
                throw SimulatorError.badRequest("Disable number reputation before deleting the enterprise.")
            }
            state.enterprises[id] = nil
            state.enterpriseOrder.removeAll { $0 == id }
        }
    }
}

extension WorldState {
    func enterprise(_ id: String) throws(SimulatorError) -> Schemas.EnterprisePublic {
        guard let enterprise = enterprises[id] else { throw .notFound("Enterprise not found.") }
        return enterprise
    }

    func settings(_ enterpriseId: String) throws(SimulatorError) -> SettingsRecord {
        _ = try enterprise(enterpriseId)
        guard let settings = settings[enterpriseId] else {
            throw .notFound("Number reputation is not enabled for this enterprise.")
        }
        return settings
    }
}
