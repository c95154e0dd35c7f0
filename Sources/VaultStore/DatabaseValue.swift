/// A value bound to or read from a statement.
public enum DatabaseValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}

/// Types that bind to a statement parameter.
public protocol DatabaseBindable {
    /// The value as bound to SQLite.
    var databaseValue: DatabaseValue { get }
}

extension Int: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(Int64(self)) } }
extension Int64: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(self) } }
extension Double: DatabaseBindable { public var databaseValue: DatabaseValue { .real(self) } }
extension String: DatabaseBindable { public var databaseValue: DatabaseValue { .text(self) } }
extension Bool: DatabaseBindable { public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) } }
extension Array: DatabaseBindable where Element == UInt8 {
    public var databaseValue: DatabaseValue { .blob(self) }
}
extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}
extension DatabaseValue: DatabaseBindable { public var databaseValue: DatabaseValue { self } }
