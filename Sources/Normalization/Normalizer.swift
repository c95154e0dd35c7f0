/// The identifier and profile normalisation rules of Tresor: each function returns a canonical form or throws.
///
/// The same rules serve the vault (blind indexes) and import, so equal inputs give equal canonical forms everywhere.
public enum Normalizer {
    /// The canonical form of an identifier of `kind`; `region` (ISO alpha-2) reads national phone numbers.
    public static func identifier(
        _ text: String, kind: IdentifierKind, region: String? = nil
    ) throws(NormalizationError) -> String {
        switch kind {
        case .email: try email(text)
        case .phone: try phone(text, defaultRegion: region)
        case .externalID, .anonymousID: try opaqueIdentifier(text)
        }
    }
}
