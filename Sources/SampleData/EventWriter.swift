/// Serialises event records as Segment Tracking spec messages, one JSON object per line.
struct EventWriter {
    static let referrers: [StaticString] = ["", "https://search.example/", "email", "https://social.example/feed"]

    let catalog: ProductCatalog

    /// Writes every record of `generator`'s current round for `person`; returns how many lines were written.
    func write(_ generator: EventGenerator, person: GeneratedPerson, to buffer: inout ByteBuffer) -> Int {
        for record in generator.records { write(record, person: person, items: generator.items, to: &buffer) }
        return generator.records.count
    }

    private func write(
        _ record: EventRecord, person: GeneratedPerson, items: [(product: Int, quantity: Int)],
        to b: inout ByteBuffer
    ) {
        switch record.kind {
        case .identifyUser, .identifyAnonymous: b.append("{\"type\":\"identify\",\"messageId\":\"")
        case .alias: b.append("{\"type\":\"alias\",\"messageId\":\"")
        case .page: b.append("{\"type\":\"page\",\"messageId\":\"")
        default: b.append("{\"type\":\"track\",\"messageId\":\"")
        }
        b.append(uuidHigh: record.idHigh, low: record.idLow)
        b.append("\",\"timestamp\":\"")
        b.append(timestamp: record.time)
        b.append(UInt8(ascii: "\""))
        if record.withUser {
            b.append(",\"userId\":")
            b.append(jsonString: person.externalId)
        }
        b.append(",\"anonymousId\":\"")
        b.append(person.anonymousIds[Int(record.anonymous)])
        b.append(UInt8(ascii: "\""))
        switch record.kind {
        case .identifyUser:
            b.append(",\"traits\":{\"email\":")
            b.append(jsonString: person.email)
            b.append(",\"firstName\":")
            b.append(jsonString: person.firstName)
            b.append(",\"lastName\":")
            b.append(jsonString: person.lastName)
            b.append(",\"country\":\"")
            b.append(person.country.code)
            b.append("\"}")
        case .identifyAnonymous:
            b.append(",\"traits\":{\"email\":")
            b.append(jsonString: person.email)
            b.append(",\"phone\":")
            b.append(jsonString: person.phone)
            b.append(UInt8(ascii: "}"))
        case .alias:
            b.append(",\"previousId\":\"")
            b.append(person.anonymousIds[Int(record.anonymous)])
            b.append(UInt8(ascii: "\""))
        case .page:
            b.append(",\"name\":\"Home\",\"properties\":{\"path\":\"/\",\"referrer\":\"")
            b.append(Self.referrers[record.value])
            b.append("\"}")
        case .productViewed:
            b.append(",\"event\":\"Product Viewed\",\"properties\":{")
            appendProduct(record.value, price: true, to: &b)
            b.append(UInt8(ascii: "}"))
        case .wishlistProductAdded:
            b.append(",\"event\":\"Wishlist Product Added\",\"properties\":{")
            appendProduct(record.value, price: false, to: &b)
            b.append(UInt8(ascii: "}"))
        case .productAdded:
            b.append(",\"event\":\"Product Added\",\"properties\":{")
            appendProduct(record.value, price: true, to: &b)
            b.append(",\"quantity\":")
            b.append(integer: Int(record.quantity))
            b.append(UInt8(ascii: "}"))
        case .productRemoved:
            b.append(",\"event\":\"Product Removed\",\"properties\":{")
            appendProduct(record.value, price: false, to: &b)
            b.append(UInt8(ascii: "}"))
        case .productsSearched:
            b.append(",\"event\":\"Products Searched\",\"properties\":{\"query\":\"")
            b.append(ProductCatalog.categories[record.value])
            b.append("\"}")
        case .checkoutStarted:
            let lines = items[record.value..<(record.value + Int(record.itemCount))]
            b.append(",\"event\":\"Checkout Started\",\"properties\":{\"value\":")
            b.append(cents: total(lines))
            b.append(",\"currency\":\"")
            b.append(person.country.currency)
            b.append("\"}")
        case .orderCompleted:
            let lines = items[record.value..<(record.value + Int(record.itemCount))]
            b.append(",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"O")
            b.append(hex: record.orderNumber, digits: 16)
            b.append("\",\"revenue\":")
            b.append(cents: total(lines))
            b.append(",\"currency\":\"")
            b.append(person.country.currency)
            b.append("\",\"products\":[")
            var first = true
            for line in lines {
                if !first { b.append(UInt8(ascii: ",")) }
                first = false
                b.append(UInt8(ascii: "{"))
                appendProduct(line.product, price: true, to: &b)
                b.append(",\"quantity\":")
                b.append(integer: line.quantity)
                b.append(UInt8(ascii: "}"))
            }
            b.append("]}")
        case .emailOpened, .emailClicked, .pushOpened:
            switch record.kind {
            case .emailOpened: b.append(",\"event\":\"Email Opened\"")
            case .emailClicked: b.append(",\"event\":\"Email Clicked\"")
            default: b.append(",\"event\":\"Push Opened\"")
            }
            b.append(",\"properties\":{\"campaign\":\"c")
            b.append(integer: record.value)
            b.append("\"}")
        }
        b.append("}\n")
    }

    private func appendProduct(_ product: Int, price: Bool, to buffer: inout ByteBuffer) {
        buffer.append("\"product_id\":\"")
        ProductCatalog.appendId(product, to: &buffer)
        buffer.append("\",\"category\":\"")
        buffer.append(ProductCatalog.categories[ProductCatalog.category(of: product)])
        buffer.append(UInt8(ascii: "\""))
        if price {
            buffer.append(",\"price\":")
            buffer.append(cents: catalog.priceCents[product])
        }
    }

    private func total(_ lines: ArraySlice<(product: Int, quantity: Int)>) -> Int {
        var cents = 0
        for line in lines { cents += catalog.priceCents[line.product] * line.quantity }
        return cents
    }
}
