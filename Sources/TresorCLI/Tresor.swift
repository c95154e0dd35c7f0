/// The `tresor` command: one tool for compliance officers, marketers, auditors and operators.
public enum Tresor: Command {
    public static let configuration = CommandConfiguration(
        name: "tresor",
        abstract: "A privacy-first customer data platform on an encrypted, audited vault.",
        discussion: """
            Every command acts as a role (--as marketer|compliance|auditor|admin, or the vault's default) and is \
            recorded in the audit log. --vault DIR (or TRESOR_VAULT) picks the vault, default ./tresor-vault. \
            TRESOR_NOW fixes the clock on a vault created with --test-clock. Exit codes: 0 success, 1 failure, \
            64 usage error, 65 bad input data.
            """,
        subcommands: [
            Init.self, Import.self, Profile.self, Consent.self, Request.self, Audit.self, PolicyCommand.self,
            Retention.self, Keys.self, Backup.self, Restore.self, Demo.self,
        ])
}
