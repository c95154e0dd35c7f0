/// The vault's errors. Messages name subjects by id, fields, files and lines — never personal values.
public struct VaultError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public enum Code: String, Sendable {
        case vaultExists, vaultMissing, keyFileMissing, keyFileInsecure, keyFileInvalid, wrongKey
        case notADatabase, storage, crypto, unknownSubject, unknownField, invalidValue, policy
        case testClockRefused, denied, integrity, invalidArgument, unsupported
    }

    /// The kind of failure.
    public let code: Code
    /// A human-readable message without personal values.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
