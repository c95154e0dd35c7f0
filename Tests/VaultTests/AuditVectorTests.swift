import Foundation
import Testing
import VaultCrypto

@testable import Vault

/// The Swift audit log reproduces `Audit/vectors/audit-log.json`, which the independent Python
/// reference (`Audit/tools/verify_vectors.py`) generated: canonical encoding, subjects digest,
/// hash chain and the Ed25519-signed checkpoint (Audit/FORMAT.md).
@Suite struct AuditVectorTests {
    struct Vectors: Decodable {
        var domains: [String: String]
        var genesis: String
        var emptySubjectsDigest: String
        var primitives: [Primitive]
        var entries: [Entry]
        var checkpoint: CheckpointVector
    }

    /// One encoded primitive: `u64` and `i64` carry a number, `string` text, `bytes` hex.
    struct Primitive: Decodable {
        var type: String
        var unsigned: UInt64?
        var signed: Int64?
        var text: String?
        var encoding: String

        enum CodingKeys: String, CodingKey { case type, value, encoding }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            encoding = try container.decode(String.self, forKey: .encoding)
            switch type {
            case "u64": unsigned = try container.decode(UInt64.self, forKey: .value)
            case "i64": signed = try container.decode(Int64.self, forKey: .value)
            default: text = try container.decode(String.self, forKey: .value)
            }
        }
    }

    struct Entry: Decodable {
        var seq: Int64
        var at: Int64
        var actor: String
        var role: String
        var osUser: String
        var purpose: String
        var action: String
        var subjectCount: Int64
        var subjects: [String]
        var subjectsSorted: [String]
        var subjectsDigest: String
        var fields: String
        var decision: String
        var reason: String
        var prevHash: String
        var canonical: String
        var hash: String
    }

    struct CheckpointVector: Decodable {
        var seed: String
        var signedMessage: String
        var file: AuditCheckpoint
    }

    static let vectorsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Audit/vectors/audit-log.json")

    func load() throws -> Vectors {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Vectors.self, from: Data(contentsOf: Self.vectorsURL))
    }

    func subjectIDs(_ hexIDs: [String]) throws -> [SubjectID] {
        try hexIDs.map { try #require(SubjectID(hex: $0), "subject id \($0)") }
    }

    func entry(_ vector: Entry) throws -> AuditEntry {
        AuditEntry(
            seq: vector.seq, at: vector.at, actor: vector.actor, role: vector.role, osUser: vector.osUser,
            purpose: vector.purpose, action: vector.action, subjectCount: vector.subjectCount,
            subjectsDigest: try bytes(vector.subjectsDigest), fields: vector.fields, decision: vector.decision,
            reason: vector.reason, previousHash: try bytes(vector.prevHash), hash: try bytes(vector.hash))
    }

    @Test func domainsAndGenesisMatch() throws {
        let vectors = try load()
        #expect(HashChain.audit.domain == vectors.domains["audit"])
        #expect(HashChain.consent.domain == vectors.domains["consent"])
        #expect(HashChain.genesis == (try bytes(vectors.genesis)))
        #expect(AuditSubjectSet([]).digest == (try bytes(vectors.emptySubjectsDigest)))
    }

    @Test func primitivesEncodeByteForByte() throws {
        let vectors = try load()
        #expect(vectors.primitives.count >= 10)
        for primitive in vectors.primitives {
            var encoder = CanonicalEncoder()
            switch primitive.type {
            case "u64": encoder.append(try #require(primitive.unsigned))
            case "i64": encoder.append(try #require(primitive.signed))
            case "string": encoder.append(try #require(primitive.text))
            case "bytes": encoder.append(bytes: try bytes(try #require(primitive.text)))
            default: Issue.record("unknown primitive type \(primitive.type)")
            }
            #expect(hex(encoder.bytes) == primitive.encoding, "\(primitive.type) \(primitive.encoding)")
        }
    }

    @Test func subjectsDigestSortsIdsByteWise() throws {
        let vectors = try load()
        #expect(vectors.entries.contains { $0.subjects.count == 3 && $0.subjects != $0.subjectsSorted })
        for vector in vectors.entries {
            let ids = try subjectIDs(vector.subjects)
            #expect(ids.sorted().map(\.description) == vector.subjectsSorted, "entry \(vector.seq)")
            #expect(hex(AuditSubjectSet(ids).digest) == vector.subjectsDigest, "entry \(vector.seq)")
            #expect(Int64(ids.count) == vector.subjectCount, "entry \(vector.seq)")
        }
    }

    @Test func canonicalEncodingMatchesEveryEntry() throws {
        let vectors = try load()
        #expect(vectors.entries.count == 5)
        #expect(vectors.entries.contains { $0.reason.utf8.count > $0.reason.unicodeScalars.count })
        #expect(vectors.entries.contains { $0.subjectCount == 0 })
        for vector in vectors.entries {
            #expect(hex(try entry(vector).canonicalEncoding()) == vector.canonical, "entry \(vector.seq)")
        }
    }

    @Test func hashChainLinksEveryEntry() throws {
        let vectors = try load()
        var previous = HashChain.genesis
        for vector in vectors.entries {
            let entry = try entry(vector)
            #expect(entry.previousHash == previous, "entry \(vector.seq)")
            let hash = HashChain.audit.link(previous: previous, encoded: entry.canonicalEncoding())
            #expect(hex(hash) == vector.hash, "entry \(vector.seq)")
            #expect(HashChain.consent.link(previous: previous, encoded: entry.canonicalEncoding()) != hash)
            previous = hash
        }
        #expect(hex(previous) == vectors.checkpoint.file.hash)
    }

    @Test func checkpointMessageAndSignatureMatch() throws {
        let vectors = try load()
        let file = vectors.checkpoint.file
        let expected = try bytes(vectors.checkpoint.signedMessage)
        let message = AuditCheckpoint.signedMessage(
            log: file.log, vaultID: try bytes(file.vaultID), seq: file.seq, hash: try bytes(file.hash), at: file.at)
        #expect(message == expected)
        #expect(file.signedMessage() == expected)
        let publicKey = PublicSigningKey(bytes: try bytes(file.publicKey))
        let signature = try bytes(file.signature)
        #expect(publicKey.isValidSignature(signature, for: message))
        #expect(file.hasValidSignature(publicKey: publicKey.bytes))
        var tampered = message
        tampered[tampered.count - 1] ^= 1
        #expect(!publicKey.isValidSignature(signature, for: tampered))
    }

    @Test func signingKeyFromTheSeedReproducesTheCheckpoint() throws {
        let vectors = try load()
        let file = vectors.checkpoint.file
        let key = try SigningKey(seed: DataKey(bytes: try bytes(vectors.checkpoint.seed)))
        #expect(hex(key.publicKey.bytes) == file.publicKey)
        #expect(hex(key.signature(for: try bytes(vectors.checkpoint.signedMessage))) == file.signature)
        let made = AuditCheckpoint.make(
            log: "audit", vaultID: try bytes(file.vaultID), seq: file.seq, hash: try bytes(file.hash), at: file.at,
            key: key)
        #expect(made == file)
    }
}

/// Lower-case hex, written here so that the vectors are not read through the code under test.
private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// Decodes lower-case hex.
private func bytes(_ text: String) throws -> [UInt8] {
    let digits = Array(text.utf8)
    try #require(digits.count % 2 == 0, "odd hex length")
    return try stride(from: 0, to: digits.count, by: 2).map { index in
        try #require(UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16), "hex \(text)")
    }
}
