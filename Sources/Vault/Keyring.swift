import VaultCrypto

/// The vault's keys: the master key, the keys wrapped under it (blind index, signing seed) and
/// a bounded cache of unwrapped per-subject data keys in one block of protected memory.
/// Not thread-safe; owned by one `Vault`.
final class Keyring {
    private(set) var master: MasterKey
    private(set) var masterVersion: UInt32
    let vaultID: [UInt8]
    let indexer: BlindIndexer
    let signingKey: SigningKey
    private let slab: KeySlab
    private var slotsBySubject: [SubjectID: (slot: Int, version: UInt32)] = [:]
    private var slotOwners: [SubjectID?]
    private var nextSlot = 0
    /// The nonces of data keys wrapped under the master key, made on the first wrap.
    private var wrapRun: SealRun?

    /// Number of data keys kept unwrapped at once.
    static let cacheCapacity = 65_536

    init(master: MasterKey, masterVersion: UInt32, vaultID: [UInt8], indexKey: IndexKey, signingSeed: DataKey) throws {
        self.master = master
        self.masterVersion = masterVersion
        self.vaultID = vaultID
        indexer = BlindIndexer(key: indexKey)
        signingKey = try SigningKey(seed: signingSeed)
        slab = try KeySlab(capacity: Self.cacheCapacity)
        slotOwners = Array(repeating: nil, count: Self.cacheCapacity)
    }

    // MARK: Contexts (associated data for wrapped keys)

    static func dataKeyContext(_ subject: SubjectID, version: UInt32) -> [UInt8] {
        var context: [UInt8] = []
        context.reserveCapacity(dataKeyPrefix.count + 20)
        context.append(contentsOf: dataKeyPrefix)
        subject.append(to: &context)
        withUnsafeBytes(of: version.bigEndian) { context.append(contentsOf: $0) }
        return context
    }

    private static let dataKeyPrefix = Array("tresor.dk\0".utf8)

    static func vaultKeyContext(_ name: String, vaultID: [UInt8]) -> [UInt8] {
        Array("tresor.\(name)\0".utf8) + vaultID
    }

    // MARK: Data keys

    /// A new data key for `subject`, cached, with its wrapped form for storage.
    func makeDataKey(for subject: SubjectID, version: UInt32) throws -> (key: DataKey, wrapped: [UInt8]) {
        let slot = claimSlot(for: subject, version: version)
        let key: DataKey = slab.generate(at: slot)
        let run = try wrapRun ?? SealRun()
        wrapRun = run
        let wrapped = try KeyWrap.wrap(
            key, under: master, masterVersion: masterVersion, context: Self.dataKeyContext(subject, version: version),
            run: run)
        return (key, wrapped)
    }

    /// The data key of `subject` at `version`, unwrapped from `wrapped` unless cached.
    func dataKey(for subject: SubjectID, version: UInt32, wrapped: [UInt8]) throws -> DataKey {
        if let cached = slotsBySubject[subject], cached.version == version {
            return slab.key(at: cached.slot)
        }
        let slot = claimSlot(for: subject, version: version)
        do {
            return try slab.unwrap(
                wrapped, under: master, context: Self.dataKeyContext(subject, version: version), at: slot)
        } catch {
            release(subject)
            throw VaultError(.crypto, "the data key of subject \(subject) cannot be unwrapped: \(error)")
        }
    }

    /// The cached data key of `subject` and its version, without reading the subject's row.
    /// Valid only after `synchronize(epoch:)` in the same transaction.
    func cachedKey(for subject: SubjectID) -> (key: DataKey, version: UInt32)? {
        guard let cached = slotsBySubject[subject] else { return nil }
        return (slab.key(at: cached.slot), cached.version)
    }

    /// The subject epoch (`SubjectEpoch`) that the cached keys were checked against.
    private var epoch: Int64?

    /// Drops every cached key when subjects were deleted or re-keyed (by this process or another)
    /// since the cache was last checked, so a cached key always belongs to an existing subject
    /// at its current key version.
    func synchronize(epoch current: Int64) {
        guard epoch != current else { return }
        forgetAll()
        epoch = current
    }

    /// Wipes every cached key (after a rolled-back transaction, which may have cached keys of
    /// subjects or versions that do not exist).
    func forgetAll() {
        for subject in Array(slotsBySubject.keys) { release(subject) }
        epoch = nil
    }

    /// Wipes the cached key of `subject` (after erasure or rotation).
    func forget(_ subject: SubjectID) { release(subject) }

    /// Rewraps a data key under a new master key without touching data.
    func rewrap(_ wrapped: [UInt8], subject: SubjectID, version: UInt32, newMaster: MasterKey, newVersion: UInt32)
        throws
        -> [UInt8]
    {
        let context = Self.dataKeyContext(subject, version: version)
        let key: DataKey = try KeyWrap.unwrap(wrapped, under: master, context: context)
        return try KeyWrap.wrap(key, under: newMaster, masterVersion: newVersion, context: context)
    }

    /// Switches to a new master key (after the database has been rewrapped and committed).
    func adoptMaster(_ newMaster: MasterKey, version: UInt32) {
        master = newMaster
        masterVersion = version
    }

    private func claimSlot(for subject: SubjectID, version: UInt32) -> Int {
        release(subject)
        let slot = nextSlot
        nextSlot = (nextSlot + 1) % Self.cacheCapacity
        if let previous = slotOwners[slot] { slotsBySubject[previous] = nil }
        slab.wipe(at: slot)
        slotOwners[slot] = subject
        slotsBySubject[subject] = (slot, version)
        return slot
    }

    private func release(_ subject: SubjectID) {
        guard let cached = slotsBySubject.removeValue(forKey: subject) else { return }
        slab.wipe(at: cached.slot)
        slotOwners[cached.slot] = nil
    }
}

@available(*, unavailable)
extension Keyring: Sendable {}
