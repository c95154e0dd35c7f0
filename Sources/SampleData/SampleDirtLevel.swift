/// How messy the generated identifiers and rows are.
public enum SampleDirtLevel: Int, Sendable, Hashable, CaseIterable {
    /// Canonical identifiers only: lower-case e-mails, E.164 phones, ISO dates, no shared contacts.
    case clean = 0
    /// Realistic mess: e-mail case and spaces, national phone formats, `dd.mm.yyyy` dates, missing fields,
    /// `ё`/`е` spelling variants, household e-mails and phones shared by two customers.
    case realistic = 1
    /// Everything in `realistic` plus malformed rows: impossible dates, invalid e-mails and phones, 5,000-character
    /// fields, control characters, embedded quotes and newlines, a byte-order mark, CRLF and broken NDJSON lines.
    case hostile = 2
}
