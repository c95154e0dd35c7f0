extension Normalizer {
    /// The maximum lengths the rules enforce, reported by `NormalizationError.tooLong(limit:)`.
    public enum Limit {
        /// An e-mail address, in UTF-8 bytes (RFC 5321 / RFC 6531 count octets).
        public static let email = 254
        /// The local part of an e-mail address, in UTF-8 bytes.
        public static let emailLocalPart = 64
        /// A phone number as written, in Unicode scalars.
        public static let phone = 64
        /// A first or last name, in Unicode scalars after normalisation.
        public static let name = 200
        /// A date as written, in Unicode scalars.
        public static let date = 64
        /// A country code or name, in Unicode scalars.
        public static let country = 100
        /// An external or anonymous id, in Unicode scalars.
        public static let identifier = 128
    }
}
