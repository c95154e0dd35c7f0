/// The behavioural pattern that drives a person's events.
public enum SampleBehaviour: String, Sendable, Hashable, CaseIterable {
    /// Frequent sessions, buys most times something is in the cart.
    case loyal
    /// Moderate sessions and purchases.
    case regular
    /// Active once, silent for the last 200–500 days.
    case churned
    /// Adds to cart often, rarely completes checkout.
    case cartAbandoner = "abandoner"
    /// Views products, almost never adds or buys.
    case browser
    /// Silent for the last 60–170 days.
    case dormant
}
