import Policy

/// The access plans of recent (actor, purpose, fields) requests. A plan depends only on the
/// policy, which never changes for an open vault, and building one (a decision for each field and
/// each way a subject can refuse) costs more than the rest of a single policy check; a service
/// asks the same few questions over and over. Not thread-safe: owned by one `Vault`.
final class AccessPlanCache {
    private struct Key: Hashable {
        let actor: String
        let purpose: String
        let fields: [String]
    }

    private let policy: AccessPolicy
    private var plans: [Key: AccessPlan] = [:]

    /// Plans kept at most; the cache starts over when full (callers ask few distinct questions).
    static let capacity = 256

    init(policy: AccessPolicy) { self.policy = policy }

    /// `policy.plan(actor:purpose:fields:)`, computed once per distinct request.
    func plan(actor: String, purpose: String, fields: [String]) -> AccessPlan {
        let key = Key(actor: actor, purpose: purpose, fields: fields)
        if let cached = plans[key] { return cached }
        let plan = policy.plan(actor: actor, purpose: purpose, fields: fields)
        if plans.count >= Self.capacity { plans.removeAll(keepingCapacity: true) }
        plans[key] = plan
        return plan
    }
}

@available(*, unavailable)
extension AccessPlanCache: Sendable {}
