/// Every consent text version the generator uses (`SampleData.consentTextVersions`): for each jurisdiction and
/// language, v1 asks for e-mail, SMS and push marketing and analytics; v2 adds Viber marketing and profiling.
public let consentTextVersions: [SampleConsentTextVersion] = ConsentCatalog.versions

/// The consent purposes and text versions, derived from the country table.
enum ConsentCatalog {
    /// All purposes, in the order records are generated.
    static let purposes = [
        "marketing.email", "marketing.sms", "marketing.push", "marketing.viber", "profiling", "analytics",
    ]
    /// Purposes of version 1 texts.
    static let versionOnePurposes = ["marketing.email", "marketing.sms", "marketing.push", "analytics"]

    /// Versions 1 and 2 for each (jurisdiction, language) pair in the country table, in table order.
    static let versions: [SampleConsentTextVersion] = {
        var seen = Set<String>()
        var result: [SampleConsentTextVersion] = []
        for country in CountryTable.all {
            let key = "\(country.jurisdiction.rawValue)-\(country.language)"
            guard seen.insert(key).inserted else { continue }
            for version in 1...2 {
                result.append(
                    SampleConsentTextVersion(
                        id: "\(key)-v\(version)", jurisdiction: country.jurisdiction, language: country.language,
                        version: version, purposes: version == 1 ? versionOnePurposes : purposes))
            }
        }
        return result
    }()
}
