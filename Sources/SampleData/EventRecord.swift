/// One pending Segment message of a person, kept compact until the person's timeline is sorted and written.
struct EventRecord {
    /// What the message is.
    enum Kind: UInt8 {
        case identifyUser, identifyAnonymous, alias, page
        case productViewed, wishlistProductAdded, productAdded, productsSearched, checkoutStarted, orderCompleted
        case productRemoved, emailOpened, emailClicked, pushOpened
    }

    /// Milliseconds since 1970.
    var time: Int64
    /// Creation order, the tie-breaker when sorting by time.
    var sequence: Int32
    /// Message kind.
    var kind: Kind
    /// Whether the message carries the person's `userId`.
    var withUser: Bool
    /// Index of the anonymous id used.
    var anonymous: UInt8
    /// Random bits of the message id.
    var idHigh: UInt64
    var idLow: UInt64
    /// Product index, referrer index, campaign number, searched category, or an amount in cents, by kind.
    var value: Int
    /// Quantity of `productAdded`; start of the order's items for `orderCompleted`.
    var quantity: Int32
    /// Number of items of `orderCompleted`.
    var itemCount: Int32
    /// Random bits of the order id.
    var orderNumber: UInt64
}
