/// The deterministic rules of identity resolution.
///
/// External ids are always authoritative: records with the same external id are one person and records with
/// different external ids are never merged. The other kinds link records only as these rules allow.
public struct ResolutionRules: Hashable, Sendable {
    /// The kinds that may link records besides the external id (`externalID` in this set is ignored).
    public var linkingKinds: Set<IdentifierKey.Kind>
    /// Whether an identifier seen with two or more different external ids (a household e-mail or phone) may
    /// still link records that have no external id among themselves; it never attaches them to a person.
    public var sharedIdentifiersLinkRecordsWithoutExternalID: Bool
    /// An identifier carried by more records without an external id than this, or linked to more identifiers
    /// than this, is ignored: a safeguard against placeholders that would snowball into one huge cluster.
    public var maximumIdentifierDegree: Int

    /// The default rules: e-mails, phones and anonymous ids link; shared identifiers never link; degree 50.
    public static let standard = ResolutionRules()

    /// Creates rules.
    public init(
        linkingKinds: Set<IdentifierKey.Kind> = [.email, .phone, .anonymousID],
        sharedIdentifiersLinkRecordsWithoutExternalID: Bool = false,
        maximumIdentifierDegree: Int = 50
    ) {
        self.linkingKinds = linkingKinds
        self.sharedIdentifiersLinkRecordsWithoutExternalID = sharedIdentifiersLinkRecordsWithoutExternalID
        self.maximumIdentifierDegree = maximumIdentifierDegree
    }

    /// Whether identifiers of `kind` take part in resolution at all.
    func uses(_ kind: IdentifierKey.Kind) -> Bool {
        kind == .externalID || linkingKinds.contains(kind)
    }

    /// `uses` for every kind as a bit mask indexed by `Kind.ordinal`, for the hot paths.
    var usedKinds: UInt8 {
        IdentifierKey.Kind.allCases.reduce(0) { uses($1) ? $0 | 1 << $1.ordinal : $0 }
    }
}
