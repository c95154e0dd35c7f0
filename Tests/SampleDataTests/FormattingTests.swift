import Foundation
import Testing

@testable import SampleData

@Suite struct FormattingTests {
    @Test func timestampsMatchFoundationsISO8601() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = RandomSource(seed: 77)
        let samples: [Int64] = [0, -1, 951_782_400_000, 1_793_491_199_999, -2_208_988_800_000, 4_107_542_399_123]
        for milliseconds in samples
            + (0..<500).map({ _ in
                Int64(random.int(in: -3_000_000_000...5_000_000_000)) * 1000 + Int64(random.below(1000))
            })
        {
            var buffer = ByteBuffer(handle: nil, fileName: "")
            buffer.append(timestamp: milliseconds)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(buffer.text == expected, "for \(milliseconds) ms")
        }
    }

    @Test func civilDatesRoundTrip() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 97) {
            let (year, month, dayOfMonth) = CivilTime.civil(fromDays: day)
            #expect(CivilTime.days(year: year, month: month, day: dayOfMonth) == day)
        }
        #expect(CivilTime.civil(fromDays: 0) == (1970, 1, 1))
        #expect(CivilTime.days(year: 2024, month: 2, day: 29) + 1 == CivilTime.days(year: 2024, month: 3, day: 1))
    }

    @Test func numbersAndIdentifiersFormatByHand() {
        var buffer = ByteBuffer(handle: nil, fileName: "")
        buffer.append(integer: -1_234_567)
        buffer.append(",")
        buffer.append(unsigned: UInt64.max)
        buffer.append(",")
        buffer.append(cents: 150_000)
        buffer.append(",")
        buffer.append(cents: 307)
        buffer.append(",")
        buffer.append(cents: 1250)
        buffer.append(",")
        buffer.append(padded: 42, width: 5)
        buffer.append(",")
        buffer.append(hex: 0xABC, digits: 6)
        #expect(buffer.text == "-1234567,18446744073709551615,1500.0,3.07,12.5,00042,000abc")

        var uuid = ByteBuffer(handle: nil, fileName: "")
        uuid.append(uuidHigh: .max, low: .max)
        #expect(uuid.text == "ffffffff-ffff-4fff-bfff-ffffffffffff")
        var zero = ByteBuffer(handle: nil, fileName: "")
        zero.append(uuidHigh: 0, low: 0)
        #expect(zero.text == "00000000-0000-4000-8000-000000000000")
        #expect(UUID(uuidString: uuid.text) != nil)
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControlCharacters() throws {
        let original = "a\"b\\c\nd\re\tf\u{0}\u{7}\u{1F} Пётр O'Brien ✓"
        var buffer = ByteBuffer(handle: nil, fileName: "")
        buffer.append("{\"v\":")
        buffer.append(jsonString: original)
        buffer.append("}")
        let object = try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? [String: String]
        #expect(object?["v"] == original)
        #expect(buffer.text.contains("\\u0000") && buffer.text.contains("\\u0007"))
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        let fields = ["plain", "Пётр", "a,b", "say \"hi\"", "two\nlines", " spaced ", ""]
        var buffer = ByteBuffer(handle: nil, fileName: "")
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(",") }
            buffer.append(csvField: field)
        }
        buffer.append("\n")
        #expect(buffer.text == "plain,Пётр,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\", spaced ,\n")
        #expect(CSVReader.records(buffer.text) == [fields])
    }

    @Test func slugsAreLowerCaseASCII() {
        #expect(Transliteration.slug("Пётр") == "petr")
        #expect(Transliteration.slug("Groß-Hartmann") == "grosshartmann")
        #expect(Transliteration.slug("Мар'яна") == "maryana")
        #expect(Transliteration.slug("Łukasz") == "lukasz")
        #expect(Transliteration.slug("Ó Súilleabháin") == "osuilleabhain")
        #expect(Transliteration.slug("'’-") == "x")
    }
}
