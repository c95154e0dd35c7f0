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
        // A caller asking again what it just asked (a send loop, a service) is answered without
        // hashing every field name: comparing equal arrays of short names is a few word compares.
        if let last, last.key == key { return last.plan }
        if let cached = plans[key] {
            last = (key, cached)
            return cached
        }
        let plan = policy.plan(actor: actor, purpose: purpose, fields: fields)
        if plans.count >= Self.capacity { plans.removeAll(keepingCapacity: true) }
        plans[key] = plan
        last = (key, plan)
        return plan
    }

    /// The most recent request and its plan.
    private var last: (key: Key, plan: AccessPlan)?
}

@available(*, unavailable)
extension AccessPlanCache: Sendable {}
