/// The UTF-8 byte-order mark (EF BB BF) some tools write at the start of a file.
enum ByteOrderMark {
    /// 3 when `chunk` starts with a UTF-8 byte-order mark, else 0.
    static func length(in chunk: UnsafeBufferPointer<UInt8>) -> Int {
        guard chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF else { return 0 }
        return 3
    }
}
