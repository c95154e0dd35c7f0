// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares (swift-log and Hummingbird apply theirs the same way).
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

var package = Package(
    name: "Tresor",
    products: [
        .executable(name: "tresor", targets: ["tresor"]),
        .executable(name: "tresor-bench", targets: ["tresor-bench"]),
    ],
    targets: [
        // C libraries, through system-library targets.
        .systemLibrary(
            name: "CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // glibc's mallopt, which the Glibc module does not export (the tools tune the allocator).
        .systemLibrary(name: "CMalloc"),

        // The floor: cryptography, storage, pure policy, identifier rules.
        .target(name: "VaultCrypto", dependencies: ["CSodium"]),
        .target(name: "VaultStore", dependencies: ["CSQLite"]),
        .target(name: "Policy"),
        .target(name: "Normalization"),

        // The vault: the only door to personal data.
        .target(name: "Vault", dependencies: ["VaultCrypto", "VaultStore", "Policy", "Normalization"]),

        // The CDP modules read personal data only through the vault's accessors.
        .target(name: "Unification", dependencies: ["Vault", "Policy", "Normalization"]),
        .target(name: "Segmentation", dependencies: ["Vault", "Policy"]),
        .target(name: "Messaging", dependencies: ["Vault", "Policy"]),

        // Deterministic sample data for the demo, tests and benchmarks.
        .target(name: "SampleData"),

        // The command line.
        .target(
            name: "TresorCLI",
            dependencies: [
                "CMalloc", "Vault", "Policy", "Normalization", "Unification", "Segmentation", "Messaging", "SampleData",
            ]),
        .executableTarget(name: "tresor", dependencies: ["TresorCLI"]),
        .executableTarget(
            name: "tresor-bench",
            dependencies: ["Vault", "VaultCrypto", "VaultStore", "Policy", "Normalization", "Unification", "SampleData", "TresorCLI"]),

        .testTarget(name: "VaultCryptoTests", dependencies: ["VaultCrypto"]),
        .executableTarget(name: "store-crash-probe", dependencies: ["VaultStore"]),
        .testTarget(name: "VaultStoreTests", dependencies: ["VaultStore", "store-crash-probe"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy"]),
        .testTarget(name: "NormalizationTests", dependencies: ["Normalization"]),
        .testTarget(
            name: "VaultTests",
            dependencies: ["Vault", "VaultStore", "VaultCrypto", "Policy", "Normalization", "SampleData"]),
        .testTarget(
            name: "UnificationTests", dependencies: ["Unification", "Vault", "Policy", "Normalization", "SampleData"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Vault", "Policy"]),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "Vault", "Policy"]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData"]),
        .testTarget(name: "TresorCLITests", dependencies: ["TresorCLI", "Vault", "tresor", "tresor-bench"]),
        .testTarget(name: "ArchitectureTests"),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSettings
}
