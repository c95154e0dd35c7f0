/// Properties objects of the Segment e-commerce spec, as compact JSON text.
enum SegmentProperties {
    private static let categories = [
        "running", "outdoor", "kitchen", "audio", "phones", "laptops", "toys", "garden", "books", "coffee", "bags",
        "pets",
    ]
    private static let brands = ["Northpeak", "Kettle&Co", "Soundwave", "Brightline", "Nordlys", "Verano", "Auric"]
    private static let names = [
        "Trail Runner 3", "Cast Iron Skillet 28cm", "Noise-Cancelling Headphones", "Kids Tent Explorer",
        "Ceramic Pour-Over Set", "Weekender Bag 40L", "Smart Garden Hose", "Travel Mug 0.5L",
    ]
    private static let currencies = ["EUR", "RUB", "PLN", "BGN"]
    private static let queries = [
        "waterproof trail running shoes", "espresso grinder", "bluetooth speaker", "lego city", "garden lights",
    ]
    private static let referrers = ["https://search.example/", "https://social.example/feed", "email", "direct"]

    private static func sku(_ random: inout SplitMix64) -> String {
        let number = String(random.below(2_000))
        return "SKU" + String(repeating: "0", count: 5 - number.count) + number
    }

    private static func hex(_ random: inout SplitMix64, _ digits: Int) -> String {
        let text = String(random.next(), radix: 16)
        return String((String(repeating: "0", count: 16) + text).suffix(digits))
    }

    static func productViewed(_ r: inout SplitMix64) -> String {
        let sku = sku(&r)
        return
            #"{"product_id":"\#(sku)","sku":"\#(sku)-\#(r.pick(["BLK", "WHT", "RED", "S", "M", "L"]))","category":"\#(r.pick(categories))","name":"\#(r.pick(names))","brand":"\#(r.pick(brands))","price":\#(r.price(5, 900)),"currency":"\#(r.pick(currencies))","position":\#(1 + r.below(24))}"#
    }

    static func page(_ r: inout SplitMix64) -> String {
        let category = r.pick(categories)
        return
            #"{"path":"/c/\#(category)","referrer":"\#(r.pick(referrers))","title":"\#(category.capitalized) - Example Shop","url":"https://shop.example/c/\#(category)?page=\#(1 + r.below(5))"}"#
    }

    static func productAdded(_ r: inout SplitMix64) -> String {
        let sku = sku(&r)
        return
            #"{"cart_id":"\#(hex(&r, 12))","product_id":"\#(sku)","sku":"\#(sku)-M","category":"\#(r.pick(categories))","name":"\#(r.pick(names))","price":\#(r.price(5, 900)),"currency":"\#(r.pick(currencies))","quantity":\#(1 + r.below(3))}"#
    }

    static func productsSearched(_ r: inout SplitMix64) -> String {
        #"{"query":"\#(r.pick(queries))","category":"\#(r.pick(categories))","results":\#(r.below(200)),"page":1}"#
    }

    static func checkout(_ r: inout SplitMix64) -> String {
        let price = r.price(5, 900)
        return
            #"{"order_id":"O\#(hex(&r, 10))","value":\#(price),"revenue":\#(price),"currency":"\#(r.pick(currencies))","products":[{"product_id":"\#(sku(&r))","price":\#(price),"quantity":1}]}"#
    }

    static func orderCompleted(_ r: inout SplitMix64) -> String {
        let items = (0..<(1 + r.below(3))).map { _ in
            #"{"product_id":"\#(sku(&r))","category":"\#(r.pick(categories))","price":\#(r.price(5, 600)),"quantity":\#(1 + r.below(3))}"#
        }
        return
            #"{"order_id":"O\#(hex(&r, 10))","revenue":\#(r.price(20, 2_000)),"shipping":4.99,"tax":\#(r.price(1, 80)),"currency":"\#(r.pick(currencies))","products":[\#(items.joined(separator: ","))]}"#
    }

    static func emailOpened(_ r: inout SplitMix64) -> String {
        #"{"campaign_id":"cmp-2026-\#(r.below(60))","campaign_name":"Spring sale: up to 40% off","email_id":"e-\#(hex(&r, 8))","email_subject":"Your picks are back in stock"}"#
    }
}

extension String {
    /// First letter upper-cased (ASCII category names only).
    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
