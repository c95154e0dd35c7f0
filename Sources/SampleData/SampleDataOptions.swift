public import Foundation

/// What to generate: how many people, from which seed, how messy and how active.
public struct SampleDataOptions: Sendable, Hashable {
    /// 2026-11-01T00:00:00Z, the instant every generated timestamp precedes unless told otherwise.
    public static let defaultReferenceTime = Date(timeIntervalSince1970: 1_793_491_200)

    /// Number of distinct persons (each becomes one to three customer records).
    public var people: Int
    /// Seed of the pseudo-random generator; the same options give the same bytes on every machine.
    public var seed: UInt64
    /// How messy identifiers and rows are.
    public var dirt: SampleDirtLevel
    /// Scale on behavioural activity, as the Python generator's `--events-per-person`: each whole unit adds one
    /// independent round of sessions (1.0 gives about 45 events per person on average, 2.0 twice as many), and a
    /// fractional part adds a round with that probability; 0 writes no events.
    public var eventsPerPerson: Double
    /// Every timestamp lies before this instant; "the last N days" should be evaluated against it.
    public var referenceTime: Date

    /// Options with the given values; defaults match the Python generator (`--seed 1 --dirty 1`).
    public init(
        people: Int,
        seed: UInt64 = 1,
        dirt: SampleDirtLevel = .realistic,
        eventsPerPerson: Double = 1.0,
        referenceTime: Date = SampleDataOptions.defaultReferenceTime
    ) {
        self.people = people
        self.seed = seed
        self.dirt = dirt
        self.eventsPerPerson = eventsPerPerson
        self.referenceTime = referenceTime
    }

    /// Throws when a value is out of range (negative people, negative or non-finite events per person).
    public func validate() throws(SampleDataError) {
        guard people >= 0 else { throw .invalidOption(name: "people", reason: "must not be negative") }
        guard eventsPerPerson.isFinite, eventsPerPerson >= 0 else {
            throw .invalidOption(name: "eventsPerPerson", reason: "must be a finite number not below zero")
        }
        guard referenceTime.timeIntervalSince1970.isFinite,
            abs(referenceTime.timeIntervalSince1970) < 200 * 365 * 86_400
        else { throw .invalidOption(name: "referenceTime", reason: "must lie within 200 years of 1970") }
    }

    /// The reference time in whole milliseconds since 1970.
    var referenceMilliseconds: Int64 {
        Int64((referenceTime.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
