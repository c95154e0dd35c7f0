import Normalization
import Vault

/// SUBJECT on the command line: `--subject ID`, `--email E`, `--phone P` or `--external-id X`.
struct SubjectSelector {
    enum Kind {
        case id(SubjectID)
        case identity(IdentityKind, String)
    }
    let kind: Kind
    let region: String?

    static let arguments: [ArgumentSpec] = [
        .option("subject", valueName: "id", help: "The subject's id (32 hex digits)."),
        .option("email", valueName: "email", help: "Find the subject by e-mail address."),
        .option("phone", valueName: "phone", help: "Find the subject by phone number."),
        .option("external-id", valueName: "id", help: "Find the subject by external (customer) id."),
        .option("region", valueName: "cc", help: "Default country for a national phone number."),
    ]

    init(_ arguments: ParsedArguments) throws {
        var found: [Kind] = []
        if let text = arguments.optionalString("subject") {
            guard let id = SubjectID(hex: text) else { throw UsageError("--subject must be 32 hex digits") }
            found.append(.id(id))
        }
        if let email = arguments.optionalString("email") { found.append(.identity(.email, email)) }
        if let phone = arguments.optionalString("phone") { found.append(.identity(.phone, phone)) }
        if let external = arguments.optionalString("external-id") { found.append(.identity(.externalID, external)) }
        guard found.count == 1 else {
            throw UsageError("give exactly one of --subject, --email, --phone, --external-id")
        }
        kind = found[0]
        region = arguments.optionalString("region")
    }

    /// Resolves to exactly one subject, auditing the lookup as the session's actor for `purpose`.
    func resolve(in session: VaultSession, purpose: String) throws -> SubjectID {
        switch kind {
        case .id(let id):
            guard try session.vault.subjectInfo(id) != nil else { throw CLIError.failure("no subject with id \(id)") }
            return id
        case .identity(let identity, let value):
            let found = try session.vault.access(as: session.actor).lookup(
                identity, value, region: region, purpose: purpose)
            switch found.count {
            case 0: throw CLIError.failure("no subject has that \(identity.rawValue)")
            case 1: return found[0]
            default:
                let ids = found.map(\.description).sorted().joined(separator: ", ")
                throw CLIError.failure(
                    "\(found.count) subjects share that \(identity.rawValue) (\(ids)); use --subject")
            }
        }
    }
}
