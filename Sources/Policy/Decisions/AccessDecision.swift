/// The answer to "may this actor read these fields of this subject for this purpose?".
///
/// A decision is immutable and shares its storage: plans hand out precomputed decisions, so returning one
/// costs a reference count, not an allocation.
public struct AccessDecision: Sendable, Hashable, CustomStringConvertible {
    /// The overall result.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Every requested field (or, with no fields requested, the processing itself) is allowed.
        case allowed
        /// Some requested fields are allowed and some denied.
        case partiallyAllowed
        /// Nothing is allowed.
        case denied
    }

    private final class Storage: Sendable {
        let actor: String
        let purpose: String
        let outcome: Outcome
        let allowedFields: [String]
        let deniedFields: [DeniedField]
        let reason: DenialReason?
        let summary: String

        init(
            actor: String, purpose: String, outcome: Outcome, allowedFields: [String], deniedFields: [DeniedField],
            reason: DenialReason?, summary: String
        ) {
            self.actor = actor
            self.purpose = purpose
            self.outcome = outcome
            self.allowedFields = allowedFields
            self.deniedFields = deniedFields
            self.reason = reason
            self.summary = summary
        }
    }

    private let storage: Storage

    /// The actor that asked.
    public var actor: String { storage.actor }
    /// The purpose asked for.
    public var purpose: String { storage.purpose }
    /// The overall result.
    public var outcome: Outcome { storage.outcome }
    /// The allowed fields, in request order.
    public var allowedFields: [String] { storage.allowedFields }
    /// The denied fields with their reasons, in request order.
    public var deniedFields: [DeniedField] { storage.deniedFields }
    /// The reason that denies the whole request (unknown actor or purpose, no grant, restriction, objection,
    /// consent), or `nil` when fields were judged one by one.
    public var reason: DenialReason? { storage.reason }
    /// One line for the audit log: the outcome and every distinct reason.
    public var summary: String { storage.summary }

    /// Whether everything requested is allowed.
    public var isFullyAllowed: Bool { storage.outcome == .allowed }
    /// Whether some but not all requested fields are allowed.
    public var isPartiallyAllowed: Bool { storage.outcome == .partiallyAllowed }
    /// Whether nothing is allowed.
    public var isDenied: Bool { storage.outcome == .denied }

    /// The summary.
    public var description: String { storage.summary }

    /// A decision that denies every field in `fields` for one reason.
    init(actor: String, purpose: String, fields: [String], deniedBy reason: DenialReason) {
        storage = Storage(
            actor: actor, purpose: purpose, outcome: .denied, allowedFields: [],
            deniedFields: fields.map { DeniedField(field: $0, reason: reason) }, reason: reason,
            summary: "denied: \(reason)")
    }

    /// A decision that judged each field: `fieldReasons[i]` is `nil` when `fields[i]` is allowed.
    init(actor: String, purpose: String, fields: [String], fieldReasons: [DenialReason?]) {
        var allowed: [String] = []
        var denied: [DeniedField] = []
        for (field, reason) in zip(fields, fieldReasons) {
            if let reason { denied.append(DeniedField(field: field, reason: reason)) } else { allowed.append(field) }
        }
        let reasons = Self.distinct(denied.map { $0.reason.description }).joined(separator: "; ")
        let outcome: Outcome
        let summary: String
        switch (allowed.isEmpty, denied.isEmpty) {
        case (_, true):
            outcome = .allowed
            summary =
                allowed.isEmpty
                ? "allowed: actor \(actor) may process for purpose \(purpose)"
                : "allowed: actor \(actor) may read \(allowed.joined(separator: ", ")) for purpose \(purpose)"
        case (true, false):
            outcome = .denied
            summary = "denied: \(reasons)"
        case (false, false):
            outcome = .partiallyAllowed
            summary =
                "partially allowed: actor \(actor) may read \(allowed.joined(separator: ", ")) for purpose \(purpose);"
                + " denied: \(reasons)"
        }
        storage = Storage(
            actor: actor, purpose: purpose, outcome: outcome, allowedFields: allowed, deniedFields: denied,
            reason: nil, summary: summary)
    }

    private static func distinct(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }
    }

    /// Whether two decisions say the same thing (same actor, purpose, fields, reasons and summary).
    public static func == (left: AccessDecision, right: AccessDecision) -> Bool {
        left.storage === right.storage
            || (left.actor == right.actor && left.purpose == right.purpose && left.outcome == right.outcome
                && left.allowedFields == right.allowedFields && left.deniedFields == right.deniedFields
                && left.reason == right.reason && left.summary == right.summary)
    }

    /// Hashes the decision's content.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(actor)
        hasher.combine(purpose)
        hasher.combine(outcome)
        hasher.combine(allowedFields)
        hasher.combine(deniedFields)
        hasher.combine(reason)
    }
}
