/// Limits of a `CSVReader`.
struct CSVReaderOptions: Sendable {
    /// The longest field, in bytes, before the record is rejected as `fieldTooLong`.
    var maxFieldLength = 4096
    /// The most columns a header may have.
    var maxColumns = 1024
    /// The size of the read buffer (tests use tiny chunks to cross chunk boundaries everywhere).
    var chunkSize = ByteChunkReader.defaultChunkSize
}
