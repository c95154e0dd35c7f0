/// Permission for an actor to read some fields for some purposes.
///
/// A grant covers the union of `fields` and every field of `classes`. A grant with no fields at all lets the
/// actor act for the purposes without reading any personal field (e.g. the auditor reading audit metadata).
public struct Grant: Sendable, Hashable {
    /// The purposes the grant applies to.
    public let purposes: [String]
    /// Fields granted by name.
    public let fields: [String]
    /// Classes whose fields are all granted.
    public let classes: [FieldClass]

    /// Creates a grant.
    public init(purposes: [String], fields: [String] = [], classes: [FieldClass] = []) {
        self.purposes = purposes
        self.fields = fields
        self.classes = classes
    }

    /// Whether the grant applies to `purpose`.
    public func covers(purpose: String) -> Bool { purposes.contains(purpose) }

    /// Whether the grant covers `field`, a field of class `fieldClass`.
    public func covers(field: String, of fieldClass: FieldClass) -> Bool {
        fields.contains(field) || classes.contains(fieldClass)
    }
}
