/// Where a consent was collected.
public enum ConsentSource: String, Sendable, CaseIterable, Codable {
    case webForm = "web_form"
    case `import`
    case api
    case pointOfSale = "pos"
    case consentManagementPlatform = "cmp"
    case app
    case paper
}

/// Who gave the consent.
public enum ConsentGiver: String, Sendable, Codable {
    /// The person themself.
    case subject
    /// A parent or guardian, for a minor below the regime's age of consent.
    case guardian
}

/// What a consent record says, before it is appended to the ledger.
public struct ConsentInput: Sendable {
    /// The subject.
    public var subject: SubjectID
    /// A consent purpose of the policy (`marketing.email`...).
    public var purpose: String
    /// `granted`, `withdrawn` or `refused`.
    public var status: String
    /// The lawful basis (normally `consent`).
    public var lawfulBasis: String
    /// Where it was collected.
    public var source: ConsentSource
    /// The consent text version shown (`Policies/consent-texts/ID.json`).
    public var textVersion: String
    /// When it was collected (ms since epoch).
    public var collectedAt: Int64
    /// When it lapses (ms since epoch), if ever.
    public var expiresAt: Int64?
    /// Who gave it.
    public var givenBy: ConsentGiver
    /// Non-personal evidence: a form id, a CMP record id, a paper form number.
    public var evidence: String
    /// The IP address it came from; stored only as a keyed hash.
    public var ipAddress: String?

    /// Creates a consent input.
    public init(
        subject: SubjectID, purpose: String, status: String, lawfulBasis: String = "consent", source: ConsentSource,
        textVersion: String, collectedAt: Int64, expiresAt: Int64? = nil, givenBy: ConsentGiver = .subject,
        evidence: String = "", ipAddress: String? = nil
    ) {
        self.subject = subject
        self.purpose = purpose
        self.status = status
        self.lawfulBasis = lawfulBasis
        self.source = source
        self.textVersion = textVersion
        self.collectedAt = collectedAt
        self.expiresAt = expiresAt
        self.givenBy = givenBy
        self.evidence = evidence
        self.ipAddress = ipAddress
    }
}

/// One appended record of the consent ledger (no personal value in it: the IP is a keyed hash).
public struct ConsentRecord: Sendable, Equatable, Codable {
    public var seq: Int64
    public var subject: SubjectID
    public var purpose: String
    public var status: String
    public var lawfulBasis: String
    public var source: String
    public var textVersion: String
    /// BLAKE2b-256 of the exact consent text document, hex.
    public var textHash: String
    public var collectedAt: Int64
    public var expiresAt: Int64?
    public var jurisdiction: String
    public var givenBy: String
    public var evidence: String
    /// Keyed hash of the IP address, hex (empty when none was given).
    public var ipHash: String
    public var recordedAt: Int64
    public var recordedBy: String
    public var previousHash: String
    public var hash: String

    /// The canonical encoding hashed into the consent chain (Audit/FORMAT.md, "Consent ledger").
    func canonicalEncoding() -> [UInt8] {
        var encoder = CanonicalEncoder()
        encode(into: &encoder, textHash: Hex.decode(textHash) ?? [], ipHash: Hex.decode(ipHash) ?? [])
        return encoder.bytes
    }

    /// Appends the canonical encoding to a reused encoder, with the two hashes already decoded.
    func encode(into encoder: inout CanonicalEncoder, textHash: [UInt8], ipHash: [UInt8]) {
        encoder.append(UInt64(bitPattern: seq))
        subject.withBytes { encoder.append(raw: $0) }
        encoder.append(purpose)
        encoder.append(status)
        encoder.append(lawfulBasis)
        encoder.append(source)
        encoder.append(textVersion)
        encoder.append(bytes: textHash)
        encoder.append(collectedAt)
        encoder.append(UInt64(expiresAt == nil ? 0 : 1))
        encoder.append(expiresAt ?? 0)
        encoder.append(jurisdiction)
        encoder.append(givenBy)
        encoder.append(evidence)
        encoder.append(bytes: ipHash)
        encoder.append(recordedAt)
        encoder.append(recordedBy)
    }
}

/// The current consent of a subject for one purpose, as the accessors see it.
public struct ConsentState: Sendable, Equatable, Codable {
    public var purpose: String
    /// `granted`, `withdrawn`, `refused` or `expired` (a lapsed grant).
    public var status: String
    public var expiresAt: Int64?
    public var givenByGuardian: Bool
    /// The ledger record this state comes from.
    public var ledgerSequence: Int64
}
