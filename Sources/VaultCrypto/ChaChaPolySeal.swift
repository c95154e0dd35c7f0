import CSodium

/// ChaCha20-Poly1305-IETF encryption (RFC 8439 §2.8) composed from libsodium's ChaCha20 and its
/// one-shot Poly1305, for the short values the vault seals by the hundred thousand.
///
/// libsodium's `crypto_aead_chacha20poly1305_ietf_encrypt` feeds Poly1305 in six incremental
/// updates (associated data, padding, ciphertext, padding, two lengths), each paying for its own
/// buffering; for a 20-byte value that bookkeeping costs more than the MAC's arithmetic. Here the
/// MAC input is laid out once in one buffer and authenticated in one call. The steps and bytes are
/// the RFC's: the one-time Poly1305 key is the first 32 bytes of keystream block 0, the message is
/// encrypted from block 1, the MAC covers `ad ‖ pad16 ‖ ciphertext ‖ pad16 ‖ le64(|ad|) ‖
/// le64(|ciphertext|)`. `ChaChaPolySealTests` checks the output equals libsodium's, byte for
/// byte, over every length of value and associated data up to 300 bytes. Opening stays with
/// libsodium, which verifies the tag in constant time.
enum ChaChaPolySeal {
    /// Bytes of the tag.
    static let tagSize = 16

    /// Encrypts `plaintext` under the 32-byte `key` and 12-byte `nonce`, authenticating `header ‖
    /// associatedData`; writes ciphertext ‖ tag to `output` (room for `plaintext.count + 16`
    /// bytes) and returns its length.
    static func encrypt(
        _ output: UnsafeMutablePointer<UInt8>, _ plaintext: UnsafeRawBufferPointer,
        header: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer,
        nonce: UnsafePointer<UInt8>, key: UnsafePointer<UInt8>
    ) -> Int {
        let adCount = header.count + associatedData.count
        let count = plaintext.count
        let adEnd = padded(adCount)
        let textEnd = adEnd + padded(count)
        let macCount = textEnd + 16
        // 64 bytes of keystream block 0 (its first 32 are the Poly1305 key), then the MAC input.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 + macCount) { buffer in
            let block = buffer.baseAddress!
            let mac = block + 64
            crypto_stream_chacha20_ietf(block, 64, nonce, key)
            if header.count > 0 {
                UnsafeMutableRawPointer(mac).copyMemory(from: header.baseAddress!, byteCount: header.count)
            }
            if associatedData.count > 0 {
                UnsafeMutableRawPointer(mac + header.count).copyMemory(
                    from: associatedData.baseAddress!, byteCount: associatedData.count)
            }
            (mac + adCount).update(repeating: 0, count: adEnd - adCount)
            // The message is encrypted from block 1 straight into the MAC input, then copied out.
            let ciphertext = mac + adEnd
            if count > 0 {
                crypto_stream_chacha20_ietf_xor_ic(
                    ciphertext, plaintext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(count), nonce, 1,
                    key)
                output.update(from: ciphertext, count: count)
            }
            (ciphertext + count).update(repeating: 0, count: textEnd - adEnd - count)
            writeLittleEndian(UInt64(adCount), to: mac + textEnd)
            writeLittleEndian(UInt64(count), to: mac + textEnd + 8)
            crypto_onetimeauth_poly1305(output + count, mac, UInt64(macCount), block)
            sodium_memzero(block, 64)
            return count + tagSize
        }
    }

    /// `count` rounded up to a multiple of 16.
    private static func padded(_ count: Int) -> Int { (count + 15) & ~15 }

    private static func writeLittleEndian(_ value: UInt64, to pointer: UnsafeMutablePointer<UInt8>) {
        for index in 0..<8 { pointer[index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
    }
}
