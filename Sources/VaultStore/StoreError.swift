/// The error of `VaultStore`. It names the failing step and the SQL text, never bound values.
public struct StoreError: Error, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Step: String, Sendable {
        case open, configure, prepare, bind, step, execute, begin, commit, rollback, migrate, backup, checkpoint
    }

    /// SQLite's primary or extended result code (or -1 for errors raised by Tresor itself).
    public let code: Int32
    /// The step that failed.
    public let step: Step
    /// SQLite's message (names tables, columns and constraints, not values).
    public let message: String
    /// The statement's SQL text, if any.
    public let sql: String?

    /// Creates an error.
    public init(code: Int32, step: Step, message: String, sql: String? = nil) {
        self.code = code
        self.step = step
        self.message = message
        self.sql = sql
    }

    /// True when the error is a constraint violation (UNIQUE, CHECK, trigger RAISE...).
    public var isConstraintViolation: Bool { code & 0xFF == 19 }

    /// True when the file is not a database or is corrupt.
    public var isNotADatabase: Bool { code & 0xFF == 26 || code & 0xFF == 11 }

    public var description: String {
        var text = "database \(step.rawValue) failed (code \(code)): \(message)"
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }
}
