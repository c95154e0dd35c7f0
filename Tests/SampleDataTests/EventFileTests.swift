import Foundation
import SampleData
import Testing

@Suite struct EventFileTests {
    static let trackEvents: Set<String> = [
        "Product Viewed", "Product Added", "Product Removed", "Checkout Started", "Order Completed",
        "Wishlist Product Added", "Products Searched", "Email Opened", "Email Clicked", "Push Opened",
    ]

    @Test(arguments: [SampleDirtLevel.clean, .realistic])
    func everyLineIsASegmentMessage(dirt: SampleDirtLevel) throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 120, seed: 21, dirt: dirt))
        var types: [String: Int] = [:]
        var events: Set<String> = []
        var messageIds: Set<String> = []
        for line in try lines(of: summary.files.events) {
            let message = try #require(jsonObject(line), "line is not a JSON object")
            let type = try #require(message["type"] as? String)
            types[type, default: 0] += 1
            let messageId = try #require(message["messageId"] as? String)
            #expect(messageId.count == 36)
            messageIds.insert(messageId)
            let timestamp = try #require(message["timestamp"] as? String)
            #expect(timestamp.count == 24 && timestamp < "2026-11-01T00:00:00.000Z")
            #expect(message["userId"] != nil || message["anonymousId"] != nil)
            if type == "track" {
                let event = try #require(message["event"] as? String)
                #expect(Self.trackEvents.contains(event))
                events.insert(event)
                #expect(message["properties"] is [String: Any])
            }
            if type == "alias" { #expect(message["previousId"] is String && message["userId"] is String) }
            if type == "identify" { #expect(message["traits"] is [String: Any]) }
        }
        #expect(Set(types.keys) == ["identify", "track", "page", "alias"])
        #expect(events.isSuperset(of: ["Product Viewed", "Product Added", "Checkout Started", "Order Completed"]))
        #expect(messageIds.count == summary.events)
    }

    @Test func ordersCarryIdRevenueCurrencyAndProducts() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 80, seed: 22))
        var orders = 0
        for line in try lines(of: summary.files.events) where line.contains("\"Order Completed\"") {
            let properties = try #require(jsonObject(line)?["properties"] as? [String: Any])
            let orderId = try #require(properties["order_id"] as? String)
            #expect(orderId.hasPrefix("O"))
            #expect(["RUB", "EUR"].contains(properties["currency"] as? String ?? ""))
            let products = try #require(properties["products"] as? [[String: Any]])
            #expect(!products.isEmpty)
            var total = 0.0
            for product in products {
                #expect((product["product_id"] as? String)?.hasPrefix("SKU") == true)
                total += (product["price"] as? Double ?? 0) * Double(product["quantity"] as? Int ?? 0)
            }
            let revenue = try #require(properties["revenue"] as? Double)
            #expect(abs(revenue - total) < 0.005)
            orders += 1
        }
        #expect(orders > 0)
    }

    @Test func userIdsAndIdentifyTraitsBelongToGeneratedPeople() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 80, seed: 23, dirt: .clean)
        let summary = try directory.generate(options)
        let people = SampleDataGenerator.people(options: options)
        let externalIds = Set(people.compactMap(\.externalId))
        let anonymousIds = Set(people.flatMap(\.anonymousIds))
        let emails = Set(people.map(\.email))
        var anonymousIdentifies = 0
        for line in try lines(of: summary.files.events) {
            let message = try #require(jsonObject(line))
            if let userId = message["userId"] as? String { #expect(externalIds.contains(userId)) }
            #expect(anonymousIds.contains(message["anonymousId"] as? String ?? ""))
            if let traits = message["traits"] as? [String: Any] {
                #expect(emails.contains(traits["email"] as? String ?? ""))
                if message["userId"] == nil {
                    #expect(traits["phone"] is String)
                    anonymousIdentifies += 1
                }
            }
        }
        #expect(anonymousIdentifies > 0)
    }
}
