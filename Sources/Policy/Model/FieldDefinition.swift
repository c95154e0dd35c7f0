/// A personal field the vault may hold: its class, type, retention and legal hold.
public struct FieldDefinition: Sendable, Hashable {
    /// The field name, e.g. `email`.
    public let name: String
    /// The field's class.
    public let fieldClass: FieldClass
    /// The type of its value.
    public let type: FieldType
    /// Days the value is kept after it was last written; `nil` keeps it while the subject exists.
    public let retentionDays: Int?
    /// A legal obligation to keep the value after an erasure request, if any.
    public let legalHold: LegalHold?
    /// A human description, possibly empty.
    public let description: String

    /// Whether the field is a GDPR Art. 9 / 152-FZ Art. 10 special category.
    public var isSpecialCategory: Bool { fieldClass == .specialCategory }

    /// Creates a field definition.
    public init(
        name: String, fieldClass: FieldClass, type: FieldType, retentionDays: Int? = nil,
        legalHold: LegalHold? = nil, description: String = ""
    ) {
        self.name = name
        self.fieldClass = fieldClass
        self.type = type
        self.retentionDays = retentionDays
        self.legalHold = legalHold
        self.description = description
    }
}
