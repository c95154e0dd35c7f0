import Foundation
import Policy
import Vault

extension Tresor.Consent {
    /// `tresor consent tcf`: records the choices of an IAB TCF v2 consent string.
    struct TCF: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "tcf",
            abstract: "Record the consents of an IAB TCF v2 consent string (TC string) from a CMP.",
            discussion:
                "Decodes the string, maps its TCF purposes to Tresor purposes through policies/tcf-purposes.json and appends one granted or refused record per mapped purpose, collected at the string's LastUpdated time, with the CMP, screen, vendor-list and policy versions as evidence. The string itself is not stored."
        )
        static let arguments =
            SubjectSelector.arguments + [
                .option("tc-string", valueName: "string", help: "The TC string the CMP produced.", required: true),
                .option(
                    "text", valueName: "version",
                    help: "The consent text version of the CMP notice (Policies/consent-texts).", required: true),
            ]
        let subject: SubjectSelector
        let tcString: String
        let text: String

        init(_ arguments: ParsedArguments) throws {
            subject = try SubjectSelector(arguments)
            tcString = try arguments.string("tc-string")
            text = try arguments.string("text")
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            let decoded: TCString
            do {
                decoded = try TCString(decoding: tcString)
            } catch {
                throw CLIError.usage("--tc-string: \(error)")
            }
            let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
            let map = try PolicyFiles.loadTCFPurposeMap(from: session.directory, policy: session.vault.policy)
            let id = try subject.resolve(in: session, purpose: "legal")
            let decisions = map.decisions(for: decoded)
            guard !decisions.isEmpty else { throw CLIError.failure("the TCF purpose map maps no purpose") }
            let inputs = decisions.map { decision in
                ConsentInput(
                    subject: id, purpose: decision.purpose, status: decision.granted ? "granted" : "refused",
                    source: .consentManagementPlatform, textVersion: text,
                    collectedAt: Int64((decision.collectedAt.timeIntervalSince1970 * 1000).rounded()),
                    evidence: Self.evidence(decision))
            }
            let records = try session.vault.recordConsents(inputs, as: session.actor)
            if context.globals.json {
                try Output.json(records, to: context)
            } else {
                for (record, decision) in zip(records, decisions) {
                    context.stdout.writeLine(
                        "Consent \(record.status) for \(record.purpose) recorded (ledger entry \(record.seq)): \(decision.reason)."
                    )
                }
            }
            return .success
        }

        /// The ledger evidence: where the choice came from, never the string or a personal value.
        static func evidence(_ decision: TCFConsentDecision) -> String {
            let e = decision.evidence
            return
                "tcf cmp=\(e.cmpID) cmp_version=\(e.cmpVersion) screen=\(e.consentScreen) language=\(e.consentLanguage) vendor_list=\(e.vendorListVersion) policy=\(e.tcfPolicyVersion) service_specific=\(e.isServiceSpecific) purposes=\(e.tcfPurposes.map(String.init).joined(separator: ",")) map=\(e.mapVersion)"
        }
    }
}
