import Foundation

/// A person with everything the record, event and consent writers need.
struct GeneratedPerson {
    /// Zero-based generation index.
    let index: Int
    /// Ground-truth id `P00000000`.
    let personId: String
    /// External id `C…`, or empty when the person has none.
    let externalId: String
    /// Canonical e-mail.
    let email: String
    /// Phone renderings; the first is E.164.
    let phoneRenderings: [String]
    /// Given name.
    let firstName: String
    /// Family name.
    let lastName: String
    /// Birth date as (year, month, day).
    let birth: (year: Int, month: Int, day: Int)
    /// Recorded gender: `f`, `m` or empty.
    let gender: String
    /// City.
    let city: String
    /// Country row.
    let country: CountryTable
    /// Creation instant, milliseconds since 1970.
    let createdMilliseconds: Int64
    /// Behaviour type.
    let behaviour: SampleBehaviour
    /// Anonymous device ids.
    let anonymousIds: [String]
    /// The identifier shared with a household member, if any.
    let shared: SamplePerson.SharedIdentifier?
    /// Consent text version id.
    let consentTextVersion: String
    /// Whether that version is version 1 (fewer purposes).
    let consentTextIsVersionOne: Bool

    /// Canonical E.164 phone.
    var phone: String { phoneRenderings[0] }
}

extension GeneratedPerson {
    /// The public view of this person.
    var publicPerson: SamplePerson {
        var date = ByteBuffer(handle: nil, fileName: "")
        date.append(isoDate: birth.year, birth.month, birth.day)
        return SamplePerson(
            index: index, personId: personId, externalId: externalId.isEmpty ? nil : externalId, email: email,
            phone: phone, firstName: firstName, lastName: lastName, birthDate: date.text, gender: gender, city: city,
            country: country.code, jurisdiction: country.jurisdiction, language: country.language,
            createdAt: Date(timeIntervalSince1970: Double(createdMilliseconds) / 1000), behaviour: behaviour,
            anonymousIds: anonymousIds, sharedIdentifier: shared, consentTextVersion: consentTextVersion)
    }
}
