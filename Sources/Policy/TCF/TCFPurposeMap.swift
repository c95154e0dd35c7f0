/// Maps IAB TCF purposes (ids 1–11 of TCF v2.2) to Tresor consent purposes, loaded from
/// `Policies/tcf-purposes.json` with `load(contentsOf:knownPurposes:)`.
///
/// Several TCF purposes may map to one Tresor purpose (3 and 4 → `profiling`); each TCF purpose maps to at most
/// one. Unmapped TCF purposes are ignored. Purpose 1 ("store and/or access information on a device") is never
/// needed in the map: it is a precondition of every grant (see `decisions(for:)`). Special features are not
/// mapped: no Tresor purpose corresponds to precise geolocation or device scanning; `TCString` still decodes them.
public struct TCFPurposeMap: Sendable, Hashable {
    /// The TCF purpose ids a map may name (TCF v2.2 defines purposes 1–11).
    public static let tcfPurposeIDs: ClosedRange<Int> = 1...11
    /// The TCF purpose that every grant requires: store and/or access information on a device.
    public static let devicePurposeID = 1

    /// The map's `version`, recorded in every decision's evidence.
    public let version: String
    /// Which consent bits the map reads.
    public let signal: TCFConsentSignal
    /// TCF purpose id → Tresor purpose.
    public let mappings: [Int: String]

    /// Creates a map; the loader has validated `mappings`.
    init(version: String, signal: TCFConsentSignal, mappings: [Int: String]) {
        self.version = version
        self.signal = signal
        self.mappings = mappings
    }

    /// The Tresor purposes the map decides, sorted by name.
    public var purposes: [String] { Set(mappings.values).sorted() }

    /// The TCF purpose ids mapped to `purpose`, ascending (empty when the purpose is not mapped).
    public func tcfPurposes(for purpose: String) -> [Int] {
        mappings.filter { $0.value == purpose }.keys.sorted()
    }
}
