/// Everything Tresor holds about one person, as an access or portability request exports it
/// (GDPR Art. 15 and 20, 152-FZ Art. 14). This is a deliberate egress of personal data: it is
/// built only by the request workflow, which audits it.
public struct SubjectExport: Codable, Sendable {
    /// Format identifier.
    public var format = "tresor.subject-export.v1"
    /// When the export was made (ISO 8601).
    public var generatedAt: String
    /// The language of the human-readable page (`ru`, `en`...).
    public var language: String
    /// The controller / operator.
    public var dataOperator: Operator
    /// The request this export answers, if any.
    public var request: RequestSummary?
    /// The subject's metadata.
    public var subject: Subject
    /// Every stored field with its value and provenance.
    public var fields: [Field]
    /// The kinds of identifiers linked to the subject and how many of each.
    public var identities: [Identity]
    /// Events, newest last.
    public var events: [Event]
    /// Consent history (every ledger record).
    public var consents: [Consent]
    /// Segments, campaigns and messages that included the subject (module records).
    public var moduleRecords: [ModuleRecord]
    /// Who accessed the data, when, and for which purpose (from the audit log).
    public var accessLog: [Access]
    /// The purposes the operator processes data for, with their lawful bases.
    public var purposes: [Purpose]
    /// Recipients: processors and channel providers.
    public var recipients: [Recipient]
    /// The subject's rights under their regime.
    public var rights: [Right]

    public struct Operator: Codable, Sendable {
        public var name: String
        public var address: String
        public var contact: String
    }

    public struct RequestSummary: Codable, Sendable {
        public var id: String
        public var kind: String
        public var receivedAt: String
        public var dueAt: String
    }

    public struct Subject: Codable, Sendable {
        public var id: String
        public var jurisdiction: String
        public var createdAt: String
        public var restricted: Bool
        public var objectedToMarketing: Bool
    }

    public struct Field: Codable, Sendable {
        public var name: String
        public var fieldClass: String
        public var value: String
        public var source: String
        public var updatedAt: String
        public var rectifiedAt: String?
        /// Retention in words ("365 days", "while the account exists").
        public var retention: String
        public var legalHold: String?
    }

    public struct Identity: Codable, Sendable {
        public var kind: String
        public var count: Int
    }

    public struct Event: Codable, Sendable {
        public var type: String
        public var at: String
        public var source: String
        /// The event's properties as JSON text.
        public var properties: String
    }

    public struct Consent: Codable, Sendable {
        public var seq: Int64
        public var purpose: String
        public var status: String
        public var textVersion: String
        public var textHash: String
        public var source: String
        public var collectedAt: String
        public var expiresAt: String?
        public var givenBy: String
    }

    public struct ModuleRecord: Codable, Sendable {
        public var module: String
        public var kind: String
        public var key: String
        public var updatedAt: String
    }

    public struct Access: Codable, Sendable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var role: String
        public var purpose: String
        public var action: String
        public var decision: String
    }

    public struct Purpose: Codable, Sendable {
        public var name: String
        public var basis: String
        public var description: String
    }

    public struct Recipient: Codable, Sendable {
        public var name: String
        public var role: String
    }

    public struct Right: Codable, Sendable {
        public var article: String
        public var title: String
    }
}
