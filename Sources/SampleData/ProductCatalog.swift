/// 2,000 products in 40 categories; product `i` is in category `i mod 40`.
struct ProductCatalog {
    /// Category names.
    static let categories = [
        "laptops", "phones", "tablets", "tv", "audio", "cameras", "kitchen", "coffee", "home", "garden", "tools",
        "toys",
        "books", "shoes", "running", "fitness", "beauty", "health", "pets", "baby", "auto", "office", "gaming", "music",
        "bags", "watches", "jewelry", "lighting", "furniture", "bedding", "cleaning", "grocery", "tea", "wine",
        "outdoor", "cycling", "ski", "swim", "stationery", "software",
    ]
    /// Number of products.
    static let count = 2000
    /// Products per category.
    static let perCategory = count / categories.count

    /// Price of each product in cents (3.00–1,500.00).
    let priceCents: [Int]

    init(seed: UInt64) {
        var random = RandomSource(seed: seed, stream: .catalog, index: 0)
        priceCents = (0..<Self.count).map { _ in random.int(in: 300...150_000) }
    }

    /// Category index of product `product`.
    @inline(__always)
    static func category(of product: Int) -> Int { product % categories.count }

    /// A product of category `category`, the `rank`-th of its 50.
    @inline(__always)
    static func product(category: Int, rank: Int) -> Int { category + categories.count * rank }

    /// Appends `SKU00042`.
    static func appendId(_ product: Int, to buffer: inout ByteBuffer) {
        buffer.append("SKU")
        buffer.append(padded: product, width: 5)
    }

    /// Writes `products.csv`: `product_id,category,name,price`.
    func write(to buffer: inout ByteBuffer) {
        buffer.append("product_id,category,name,price\n")
        for product in 0..<Self.count {
            let category = Self.categories[Self.category(of: product)]
            Self.appendId(product, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            buffer.append(category)
            buffer.append(UInt8(ascii: ","))
            buffer.append(category.prefix(1).uppercased() + category.dropFirst())
            buffer.append(" item ")
            buffer.append(integer: product)
            buffer.append(UInt8(ascii: ","))
            buffer.append(cents: priceCents[product])
            buffer.append(UInt8(ascii: "\n"))
        }
    }
}
