extension TCFPurposeMap {
    /// One decision per mapped Tresor purpose, sorted by purpose name.
    ///
    /// A purpose is granted iff the string is service-specific and every TCF purpose it needs has consent in the
    /// map's `signal` — purpose 1 (device storage and access) and each TCF purpose mapped to it. Otherwise it is
    /// refused, so a string always yields a full, deterministic set of decisions.
    ///
    /// - Purpose 1 rule: without purpose 1 consent nothing is granted, even when `PurposeOneTreatment` says
    ///   purpose 1 was not disclosed; Tresor cannot judge the publisher's jurisdiction, so it errs toward refusal.
    /// - Service-specific vs global: a global-scope string (`IsServiceSpecific` = 0; deprecated in 2021 and invalid
    ///   under TCF v2.2) says nothing reliable about this operator's service, so every purpose is refused with
    ///   `.notServiceSpecific`.
    /// - Legitimate interest bits and vendor consents never grant a Tresor purpose: Tresor purposes are consent
    ///   purposes of the operator itself, not of a TCF vendor.
    public func decisions(for string: TCString) -> [TCFConsentDecision] {
        let consents: Set<Int>? =
            switch signal {
            case .core: string.purposesConsent
            case .publisherTC: string.publisherTC?.purposesConsent
            }
        return purposes.map { purpose in
            let required = Set(tcfPurposes(for: purpose)).union([Self.devicePurposeID]).sorted()
            let reason: TCFDecisionReason
            if !string.isServiceSpecific {
                reason = .notServiceSpecific
            } else if let consents {
                let missing = required.filter { !consents.contains($0) }
                reason = missing.isEmpty ? .consented : .missingConsent(missing)
            } else {
                reason = .missingPublisherTC
            }
            return TCFConsentDecision(
                purpose: purpose, reason: reason, collectedAt: string.lastUpdated,
                evidence: evidence(for: string, tcfPurposes: required))
        }
    }

    /// The evidence of a decision about `string` that required `tcfPurposes`.
    private func evidence(for string: TCString, tcfPurposes: [Int]) -> TCFConsentEvidence {
        TCFConsentEvidence(
            cmpID: string.cmpID, cmpVersion: string.cmpVersion, consentScreen: string.consentScreen,
            consentLanguage: string.consentLanguage, vendorListVersion: string.vendorListVersion,
            tcfPolicyVersion: string.tcfPolicyVersion, isServiceSpecific: string.isServiceSpecific,
            purposeOneTreatment: string.purposeOneTreatment, publisherCountryCode: string.publisherCountryCode,
            signal: signal, tcfPurposes: tcfPurposes, mapVersion: version)
    }
}
