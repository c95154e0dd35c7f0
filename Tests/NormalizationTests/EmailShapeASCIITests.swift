import Testing

@testable import Normalization

/// The byte-level check of all-ASCII addresses gives the verdict of the scalar-level check.
@Suite struct EmailShapeASCIITests {
    func verdict(_ address: String, scalars: Bool) -> String {
        do throws(NormalizationError) {
            if scalars { try EmailShape.validateScalars(address) } else { try EmailShape.validate(address) }
            return "ok"
        } catch {
            return "\(error)"
        }
    }

    @Test func byteAndScalarChecksAgree() {
        let alphabet = Array("ab9.-_+@@. !#~x0".utf8)
        var random = SystemRandomNumberGenerator()
        var samples = [
            "a@b.c", "a@b", "@b.c", "a@", "a..b@c.d", ".a@b.c", "a.@b.c", "a@b..c", "a@-b.c", "a@b-.c", "a@1.2",
            "a@b.1", "a@b.c-", "a b@c.d", "a@b@c.d", "a@b.c.", "a@.b.c", "a%b@c.d", "a\"b@c.d", "a@b_c.d",
            String(repeating: "a", count: 65) + "@b.c", "a@" + String(repeating: "b", count: 64) + ".c",
        ]
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...12, using: &random)
            samples.append(
                String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &random)! }, as: UTF8.self))
        }
        for address in samples {
            #expect(
                verdict(address, scalars: false) == verdict(address, scalars: true),
                "\(address)")
        }
    }
}
