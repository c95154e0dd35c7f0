/// Writes a person's consent grants and withdrawals to `consents.ndjson`.
struct ConsentWriter {
    /// Probability of a grant, by purpose.
    static func grantProbability(_ purpose: String) -> Double {
        switch purpose {
        case "marketing.email": 0.7
        case "marketing.sms": 0.4
        case "marketing.push": 0.45
        case "marketing.viber": 0.25
        case "profiling": 0.6
        default: 0.75
        }
    }

    static let grantSources: [StaticString] = ["web-form", "app", "pos", "import"]

    let seed: UInt64
    let referenceMilliseconds: Int64

    /// Writes the records of `person` (keyed by external id, or by e-mail without one); returns how many.
    func write(_ person: GeneratedPerson, to buffer: inout ByteBuffer) -> Int {
        var random = RandomSource(seed: seed, stream: .consents, index: person.index)
        let minute: Int64 = 60_000
        let grantedFrom = person.createdMilliseconds + Int64(random.int(in: 0...60)) * minute
        let purposes = person.consentTextIsVersionOne ? ConsentCatalog.versionOnePurposes : ConsentCatalog.purposes
        var count = 0
        for purpose in purposes where random.chance(Self.grantProbability(purpose)) {
            let grantedAt = grantedFrom + Int64(random.int(in: 0...3600)) * 1000
            guard grantedAt < referenceMilliseconds else { continue }
            line(
                person, purpose: purpose, granted: true, source: random.pick(Self.grantSources), at: grantedAt,
                to: &buffer)
            count += 1
            if random.chance(0.12) {
                let withdrawnAt = grantedAt + Int64(random.int(in: 1...600)) * CivilTime.dayMilliseconds
                if withdrawnAt < referenceMilliseconds {
                    line(
                        person, purpose: purpose, granted: false, source: "preference-center", at: withdrawnAt,
                        to: &buffer)
                    count += 1
                }
            }
        }
        return count
    }

    private func line(
        _ person: GeneratedPerson, purpose: String, granted: Bool, source: StaticString, at time: Int64,
        to b: inout ByteBuffer
    ) {
        if person.externalId.isEmpty {
            b.append("{\"email\":")
            b.append(jsonString: person.email)
        } else {
            b.append("{\"external_id\":\"")
            b.append(person.externalId)
            b.append(UInt8(ascii: "\""))
        }
        b.append(",\"purpose\":\"")
        b.append(purpose)
        b.append(granted ? "\",\"status\":\"granted\"" : "\",\"status\":\"withdrawn\"")
        b.append(",\"lawful_basis\":\"consent\",\"source\":\"")
        b.append(source)
        b.append("\",\"jurisdiction\":\"")
        b.append(person.country.jurisdiction.rawValue)
        b.append("\",\"at\":\"")
        b.append(timestamp: time)
        b.append("\",\"consent_text_version\":\"")
        b.append(person.consentTextVersion)
        b.append("\"}\n")
    }
}
