/// Builds a person's behavioural timeline (identify, alias, page and track messages) for one activity round.
struct EventGenerator {
    /// Sessions per round before the ±50% spread, by behaviour.
    static func baseSessions(_ behaviour: SampleBehaviour) -> Int {
        switch behaviour {
        case .loyal: 16
        case .regular: 7
        case .churned: 5
        case .cartAbandoner: 6
        case .browser: 6
        case .dormant: 4
        }
    }

    /// Probability that a session with something in the cart ends in an order.
    static func buyProbability(_ behaviour: SampleBehaviour) -> Double {
        switch behaviour {
        case .loyal: 0.8
        case .regular: 0.45
        case .churned: 0.5
        case .cartAbandoner: 0.08
        case .browser: 0.0
        case .dormant: 0.4
        }
    }

    /// Probability that a viewed product is added to the cart.
    static func addProbability(_ behaviour: SampleBehaviour) -> Double {
        switch behaviour {
        case .browser: 0.05
        case .cartAbandoner: 0.5
        default: 0.3
        }
    }

    let referenceMilliseconds: Int64
    let windowStart: Int64
    /// The messages of the current round, in creation order until sorted.
    private(set) var records: [EventRecord] = []
    /// Order lines (product, quantity) referenced by `orderCompleted` records.
    private(set) var items: [(product: Int, quantity: Int)] = []

    init(referenceMilliseconds: Int64) {
        self.referenceMilliseconds = referenceMilliseconds
        windowStart = PersonFactory.windowStart(referenceMilliseconds: referenceMilliseconds)
        records.reserveCapacity(256)
        items.reserveCapacity(64)
    }

    /// Replaces `records` with one round of `person`'s activity, sorted by time and cut at the reference time.
    mutating func generateRound(for person: GeneratedPerson, random: inout RandomSource) {
        records.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
        let hasUser = !person.externalId.isEmpty
        let spanStart = max(person.createdMilliseconds, windowStart)
        let hour: Int64 = 3_600_000
        var spanEnd: Int64
        switch person.behaviour {
        case .churned: spanEnd = referenceMilliseconds - Int64(random.int(in: 200...500)) * CivilTime.dayMilliseconds
        case .dormant: spanEnd = referenceMilliseconds - Int64(random.int(in: 60...170)) * CivilTime.dayMilliseconds
        default: spanEnd = referenceMilliseconds - Int64(random.int(in: 1...(24 * 20))) * hour
        }
        if spanEnd <= spanStart { spanEnd = spanStart + CivilTime.dayMilliseconds }
        let sessions = max(1, Int(Double(Self.baseSessions(person.behaviour)) * (0.5 + random.unit())))
        let favourites = random.sampleIndices(3, of: ProductCatalog.categories.count)
        let span = Double(spanEnd - spanStart)
        var starts: [Int64] = []
        starts.reserveCapacity(sessions)
        for _ in 0..<sessions { starts.append(spanStart + Int64(random.unit() * span)) }
        starts.sort()

        var identifiedDevices: UInt8 = 0
        var everIdentified = false
        for (sessionIndex, start) in starts.enumerated() {
            let anonymous = UInt8(random.below(person.anonymousIds.count))
            var known = hasUser && identifiedDevices & (1 << anonymous) != 0
            if hasUser && !known && random.chance(sessionIndex == 0 ? 0.6 : 0.35) {
                if !everIdentified && random.chance(0.3) {
                    add(.alias, at: start, user: true, anonymous: anonymous, &random)
                }
                add(.identifyUser, at: start, user: true, anonymous: anonymous, &random)
                identifiedDevices |= 1 << anonymous
                everIdentified = true
                known = true
            } else if !hasUser && random.chance(sessionIndex == 0 ? 0.5 : 0.1) {
                add(.identifyAnonymous, at: start, user: false, anonymous: anonymous, &random)
            }
            session(person, start: start, known: known, anonymous: anonymous, favourites: favourites, &random)
        }
        records.sort { $0.time != $1.time ? $0.time < $1.time : $0.sequence < $1.sequence }
        if let cut = records.firstIndex(where: { $0.time >= referenceMilliseconds }) {
            records.removeSubrange(cut...)
        }
    }

    private mutating func session(
        _ person: GeneratedPerson, start: Int64, known: Bool, anonymous: UInt8, favourites: [Int],
        _ random: inout RandomSource
    ) {
        let second: Int64 = 1000
        add(.page, at: start, user: known, anonymous: anonymous, value: random.below(4), &random)
        var clock = start
        let cartStart = items.count
        let categories = ProductCatalog.categories.count
        for _ in 0..<random.int(in: 1...6) {
            clock += Int64(random.int(in: 10...400)) * second
            let category = random.chance(0.7) ? random.pick(favourites) : random.below(categories)
            let product = ProductCatalog.product(category: category, rank: random.below(ProductCatalog.perCategory))
            add(.productViewed, at: clock, user: known, anonymous: anonymous, value: product, &random)
            if random.chance(0.08) {
                add(.wishlistProductAdded, at: clock, user: known, anonymous: anonymous, value: product, &random)
            }
            if random.chance(Self.addProbability(person.behaviour)) {
                clock += Int64(random.int(in: 5...120)) * second
                let quantity = random.int(in: 1...3)
                add(
                    .productAdded, at: clock, user: known, anonymous: anonymous, value: product,
                    quantity: Int32(quantity), &random)
                items.append((product, quantity))
            }
        }
        if random.chance(0.1) {
            add(
                .productsSearched, at: clock, user: known, anonymous: anonymous, value: random.pick(favourites), &random
            )
        }
        let cartCount = items.count - cartStart
        if cartCount > 0 && random.chance(Self.buyProbability(person.behaviour)) {
            clock += Int64(random.int(in: 30...900)) * second
            add(.checkoutStarted, at: clock, user: known, anonymous: anonymous, value: cartStart, &random)
            records[records.count - 1].itemCount = Int32(cartCount)
            clock += Int64(random.int(in: 30...600)) * second
            add(.orderCompleted, at: clock, user: known, anonymous: anonymous, value: cartStart, &random)
            records[records.count - 1].itemCount = Int32(cartCount)
            records[records.count - 1].orderNumber = random.next()
        } else if cartCount > 0 && random.chance(0.2) {
            add(
                .productRemoved, at: clock + 30 * second, user: known, anonymous: anonymous,
                value: items[items.count - 1].product, &random)
        }
        if random.chance(0.25) {
            let kind: EventRecord.Kind = random.pick([.emailOpened, .emailClicked, .pushOpened])
            let at = start + Int64(random.int(in: 1...600)) * 60 * second
            add(kind, at: at, user: known, anonymous: anonymous, value: random.int(in: 1...40), &random)
        }
    }

    private mutating func add(
        _ kind: EventRecord.Kind, at time: Int64, user: Bool, anonymous: UInt8, value: Int = 0, quantity: Int32 = 0,
        _ random: inout RandomSource
    ) {
        records.append(
            EventRecord(
                time: time, sequence: Int32(records.count), kind: kind, withUser: user, anonymous: anonymous,
                idHigh: random.next(), idLow: random.next(), value: value, quantity: quantity, itemCount: 0,
                orderNumber: 0))
    }
}
