import Synchronization
import Testing

@testable import VaultCrypto

/// Nonces come from a shared buffer; no bytes are handed out twice, and a forked child refills
/// before drawing, so parent and child never share nonces.
@Suite struct NoncePoolTests {
    func draw(from pool: NoncePool = .shared) -> [UInt8] {
        var nonce = [UInt8](repeating: 0, count: 24)
        nonce.withUnsafeMutableBufferPointer { pool.fill($0.baseAddress!, count: 24) }
        return nonce
    }

    @Test func noNonceRepeatsAcrossManyRefills() {
        var seen = Set<[UInt8]>()
        for _ in 0..<20_000 { seen.insert(draw()) }
        #expect(seen.count == 20_000)
    }

    @Test func aForkedChildRefillsBeforeItsNextNonce() {
        let forks = ForkGeneration()
        let pool = NoncePool(generation: forks)
        let first = draw(from: pool)
        _ = draw(from: pool)
        #expect(pool.bytesLeft == 4096 - 48)
        // What the fork handler does in the child.
        forks.advance()
        let afterFork = draw(from: pool)
        #expect(pool.bytesLeft == 4096 - 24)
        #expect(afterFork != first)
        _ = draw(from: pool)
        #expect(pool.bytesLeft == 4096 - 48)
    }
}
