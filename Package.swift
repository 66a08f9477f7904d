// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "reputation-wizard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reputation-wizard", targets: ["reputation-wizard"]),
        .executable(name: "telnyx-simulator", targets: ["telnyx-simulator"]),
        .executable(name: "reputation-bench", targets: ["reputation-bench"]),
        .library(name: "TelnyxAPI", targets: ["TelnyxAPI"]),
        .library(name: "TelnyxSimulator", targets: ["TelnyxSimulator"]),
        .library(name: "Onboarding", targets: ["Onboarding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", exact: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", exact: "2.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "TelnyxAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "TelnyxSimulator",
            dependencies: [
                "TelnyxAPI",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "reputation-wizard",
            dependencies: [
                "Onboarding", "OnboardingStore", "OnboardingEngine", "TelnyxAPI", "TelnyxSimulator", "TerminalUI", "WizardRuntime",
                "CProcessGuard", "NumberFiles", "SharedStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "reputation-bench",
            dependencies: [
                "OnboardingEngine", "OnboardingStore", "TelnyxAPI", "TelnyxSimulator", "TerminalUI", "WizardRuntime", "Onboarding",
                "SharedStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "telnyx-simulator",
            dependencies: [
                "TelnyxSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(name: "Onboarding"),
        .target(name: "NumberFiles", dependencies: ["Onboarding", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "NumberFilesTests", dependencies: ["NumberFiles", "Onboarding"]),
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CProcessGuard"),
        .target(name: "TerminalUI", dependencies: ["Onboarding", "NumberFiles", "CNcursesw"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "WizardRuntime", "Onboarding"], exclude: ["Golden"]),
        .target(
            name: "WizardRuntime",
            dependencies: ["TerminalUI", "Onboarding", "NumberFiles", "OnboardingStore", "OnboardingEngine", "TelnyxAPI"]
        ),
        .target(name: "OnboardingStore", dependencies: ["Onboarding", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OnboardingStoreTests", dependencies: ["OnboardingStore", "Onboarding", "StoreTestSupport"]),
        .target(
            name: "SharedStore",
            dependencies: [
                "OnboardingStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SharedStoreTests", dependencies: ["SharedStore", "OnboardingStore", "StoreTestSupport", "Onboarding"]),
        .target(name: "StoreTestSupport", dependencies: ["SharedStore", "OnboardingStore"]),
        .target(
            name: "OnboardingEngine",
            dependencies: ["Onboarding", "OnboardingStore", "NumberFiles", "TelnyxAPI", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "OnboardingEngineTests",
            dependencies: [
                "OnboardingEngine", "Onboarding", "OnboardingStore", "TelnyxAPI", "TelnyxSimulator", "SimulatorTestSupport", "NumberFiles",
                "StoreTestSupport",
            ]
        ),
        .testTarget(name: "OnboardingTests", dependencies: ["Onboarding", "TelnyxAPI"]),
        .testTarget(
            name: "ReputationWizardTests",
            dependencies: [
                "reputation-wizard", "WizardRuntime", "OnboardingEngine", "OnboardingStore", "Onboarding", "TerminalUI", "TelnyxAPI",
                "SimulatorTestSupport",
            ]
        ),
        .target(
            name: "SimulatorTestSupport",
            dependencies: [
                "TelnyxAPI",
                "TelnyxSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TelnyxAPITests",
            dependencies: [
                "TelnyxAPI",
                "TelnyxSimulator",
                "SimulatorTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
