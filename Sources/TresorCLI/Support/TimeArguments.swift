import Vault

extension ParsedArguments {
    /// An optional ISO 8601 time option in milliseconds since the epoch.
    /// - Throws: a usage error naming the option (never its value) when it is not a time.
    func optionalTime(_ name: String) throws -> Int64? {
        try optionalString(name).map {
            guard let time = VaultTime.parse($0) else {
                throw UsageError(.invalidValue(option: "--\(name)", expected: "an ISO 8601 time"))
            }
            return time
        }
    }
}
