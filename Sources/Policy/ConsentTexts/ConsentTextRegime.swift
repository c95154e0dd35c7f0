/// The jurisdictions whose consent requirements the loader checks, and the vocabularies of 152-FZ items.
enum ConsentTextRegime {
    /// Russian Federal Law No. 152-FZ "On Personal Data".
    static let fz152 = "152fz"
    /// Regulation (EU) 2016/679.
    static let gdpr = "gdpr"

    /// The actions with personal data named by 152-FZ Art. 3(3), in the law's order.
    static let actions = [
        "collection", "recording", "systematisation", "accumulation", "storage", "updating", "retrieval", "use",
        "transfer", "dissemination", "provision", "access", "depersonalisation", "blocking", "deletion", "destruction",
    ]

    /// The methods of processing: with automation, without it, or both.
    static let processingMethods = ["automated", "non-automated", "mixed"]
}
