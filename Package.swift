// swift-tools-version:6.0
import PackageDescription

// A warning in vmtui's own targets is an error (dependencies are left alone; their warnings
// are not ours to fix). Every build has it, scripts/test's and scripts/demo's alike: the flag
// is part of each target's build key, so builds that differed in it threw each other's work
// away. VMTUI_WARNINGS_AS_ERRORS=0 lets a newer compiler's new warnings through.
let strict: [SwiftSetting] =
    Context.environment["VMTUI_WARNINGS_AS_ERRORS"] == "0" ? [] : [.unsafeFlags(["-warnings-as-errors"])]

// Release builds keep the code a session runs on few pages. The kernel maps an executable's
// pages 64 KiB at a time around each one touched, so hot code scattered across the 17 MB of
// text (ours, the Swift runtime's, Foundation's) made 11 MB of it resident. Each function gets
// its own section, and lld lays out first the functions listed in Sources/vmtui/vmtui.order
// (those a start, a list and some key presses run; scripts/make-link-order measures them).
// lld also packs the relative relocations (DT_RELR, glibc 2.36+): the loader no longer reads
// 1.9 MB of relocation tables at every start.
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]
let packedRelocations = ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
let hotCodeFirst = [
    // A static executable need not export its own symbols to the shared libraries it loads
    // (the toolchain's static-stdlib arguments ask for it): 7,000 fewer dynamic symbols for the
    // loader to hash and to search at every library symbol lookup.
    "-Xlinker", "--no-export-dynamic",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/vmtui/vmtui.order",
    // Names that a later change renamed or removed are skipped; the list is a hint, not a contract.
    "-Xlinker", "--no-warn-symbol-ordering",
    // libstdc++ (which the Swift runtime needs) linked in, not loaded: the loader relocating the
    // shared library's symbol tables cost about 1 MB of memory at every start. The toolchain's
    // static-stdlib arguments ask for `-lstdc++`; scripts/build-release puts a link to GCC's
    // libstdc++.a in this folder, searched first, so that request finds the archive. Without the
    // folder the shared library is used, as before.
    "-L\(Context.packageDirectory)/.build/static-libstdc++",
]

// Layers (see README "Architecture"):
//   SystemBasics    what the client took from Foundation proper (trimming, %.1f, loose JSON,
//                   threads), on the standard library and Glibc; no dependencies.
//   VoicemailModel  shared types of the API contract.
//   DisplayText     text as the screen and the CLI show it: terminal-safe, sizes, callers.
//   VoicemailClient libcurl HTTP client, config and secrets; no UI, no server code.
//   PBXSimulator    the Hummingbird simulator; never imported by the client library.
//   AppCore         pure state/update/view; no I/O.
//   Themes          theme files (TOML), colour reduction, the shipped themes as resources.
//   TerminalUI      the only module that touches ncurses.
//   VMTUIRuntime    runs AppCore's effects (HTTP, player, timers) and the event loop.
//   VMTUICLI        the command line (swift-argument-parser); executables only wire it up.
let package = Package(
    name: "vmtui",
    products: [
        .executable(name: "vmtui", targets: ["vmtui"]),
        .executable(name: "pbx-sim", targets: ["pbx-sim"]),
    ],
    // Exact versions: Package.resolved does not travel between the machines that build this,
    // so the manifest itself says what was tested.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // pbx-sim's connection limits work on the channel under Hummingbird (the versions
        // Hummingbird 2.28.1 resolves with).
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        // The little the client needed from Foundation proper, so the client links
        // FoundationEssentials only (no ICU): see issue 21.
        .target(name: "SystemBasics"),
        .target(name: "VoicemailModel", dependencies: ["SystemBasics"]),
        // How vmtui starts every other program: descriptors 0-2 only, no secrets, registered
        // so every exit path ends it.
        .target(name: "ChildSpawn"),
        // The one home of display text: the terminal-safe sanitiser, display widths, sizes,
        // durations, caller names and plurals, shared by the screen, the CLI and the backends.
        .target(name: "DisplayText", dependencies: ["VoicemailModel"]),
        // The backend interface (VoicemailBackend protocol, capabilities, errors): no I/O.
        .target(name: "VoicemailBackend", dependencies: ["VoicemailModel", "DisplayText", "SystemBasics"]),
        // Recognises and measures WAV/MP3 by content; pure, shared by client, player and simulator.
        .target(name: "AudioFormats", dependencies: ["VoicemailModel"]),
        // Asterisk's voicemail spool on disk, once for vmtui and pbx-sim: the message file, its
        // folder lock, layout, renumbering, crash recovery and file ownership. No HTTP, no UI.
        .target(
            name: "AsteriskSpoolFormat",
            dependencies: ["VoicemailModel", .product(name: "Logging", package: "swift-log")]),
        // VoicemailBackend over an Asterisk voicemail spool opened directly, plus a small AMI client.
        .target(
            name: "AsteriskSpool",
            dependencies: [
                "VoicemailBackend", "VoicemailModel", "AudioFormats", "DisplayText", "SafeTOML", "AsteriskSpoolFormat",
                "ChildSpawn", "SystemBasics", .product(name: "Logging", package: "swift-log"),
            ]),
        // libcurl's headers at build time; the library itself is opened at run time (ccurl.h).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        // TOML 1.0 on the standard library alone (no Foundation); proven by scripts/toml-test-suite.
        .target(name: "TOMLReader"),
        // Reads TOML on stdin, prints toml-test's JSON: the official suite's decoder (not shipped).
        .executableTarget(name: "toml-decode", dependencies: ["TOMLReader"]),
        // Config files' typed reads and errors naming file and line; every TOML read goes here.
        .target(name: "SafeTOML", dependencies: ["DisplayText", "TOMLReader"]),
        .target(
            name: "VoicemailClient",
            dependencies: [
                "VoicemailModel", "VoicemailBackend", "AudioFormats", "CCurl", "SafeTOML", "DisplayText", "ChildSpawn",
                "SystemBasics", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "PBXSimulator",
            dependencies: [
                "VoicemailModel", "AudioFormats", "AsteriskSpoolFormat",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("DemoAudio")]),
        .executableTarget(
            name: "pbx-sim",
            dependencies: [
                "PBXSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.unsafeFlags(packedRelocations, .when(configuration: .release))]),
        .target(name: "AppCore", dependencies: ["VoicemailModel", "VoicemailBackend", "DisplayText", "SystemBasics"]),
        // Theme files: parsing, colour reduction and the shipped themes (package resources).
        .target(
            name: "Themes",
            dependencies: ["AppCore", "SafeTOML", "TOMLReader"],
            // Compiled into the binary (no resource bundle to ship beside it: a vmtui copied
            // alone onto a PBX host still has its themes).
            resources: ["default", "high-contrast", "light", "monochrome"].map { .embedInCode("Shipped/\($0).toml") }),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "AppCore", "Themes", "DisplayText"]),
        .target(
            name: "AudioPlayback",
            dependencies: [
                "VoicemailModel", "VoicemailBackend", "AudioFormats", "ChildSpawn", "SystemBasics",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "VMTUIRuntime",
            dependencies: [
                "AppCore", "Themes", "TerminalUI", "VoicemailClient", "AudioPlayback", "DisplayText", "SafeTOML",
                "VoicemailBackend", "VoicemailModel", "SystemBasics",
                .product(name: "Logging", package: "swift-log"), "ChildSpawn",
            ]),
        .target(
            name: "VMTUICLI",
            dependencies: [
                "VoicemailClient", "VMTUIRuntime", "AudioPlayback", "AppCore", "AsteriskSpool", "Themes", "DisplayText",
                "SafeTOML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "VoicemailBackend", "VoicemailModel", "SystemBasics",
                .product(name: "Logging", package: "swift-log"), "ChildSpawn",
            ]),
        .executableTarget(
            name: "vmtui", dependencies: ["VMTUICLI"], exclude: ["vmtui.order"],
            linkerSettings: [.unsafeFlags(packedRelocations + hotCodeFirst, .when(configuration: .release))]),
        // Benchmark of one keystroke's update+view (scripts/bench-screen.sh); not a test.
        .executableTarget(name: "vmtui-bench", dependencies: ["AppCore", "VoicemailModel"]),
        // Shared helpers for tests only: free ports, a pbx-sim process, tmux sessions, sox audio.
        .target(name: "TestSupport"),
        .testTarget(name: "TOMLReaderTests", dependencies: ["TOMLReader"]),
        .testTarget(name: "SystemBasicsTests", dependencies: ["SystemBasics"]),
        .testTarget(name: "VoicemailModelTests", dependencies: ["VoicemailModel", "TestSupport"]),
        .testTarget(name: "DisplayTextTests", dependencies: ["DisplayText", "VoicemailModel"]),
        .testTarget(name: "VoicemailBackendTests", dependencies: ["VoicemailBackend", "VoicemailModel"]),
        .testTarget(name: "AudioFormatsTests", dependencies: ["AudioFormats", "VoicemailModel", "TestSupport"]),
        .testTarget(
            name: "VoicemailClientTests",
            dependencies: ["VoicemailClient", "PBXSimulator", "TestSupport", "SafeTOML", .product(name: "Logging", package: "swift-log"), "VoicemailModel", "VoicemailBackend"]),
        .testTarget(name: "PBXSimulatorTests", dependencies: ["PBXSimulator", "AudioFormats", "AsteriskSpoolFormat", "TestSupport", .product(name: "Logging", package: "swift-log"), "VoicemailModel"]),
        .testTarget(
            name: "AsteriskSpoolTests", dependencies: ["AsteriskSpool", "AsteriskSpoolFormat", "TestSupport", "VoicemailBackend", "VoicemailModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "Themes", "DisplayText", "VoicemailBackend", "VoicemailModel"], exclude: ["Snapshots"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "VMTUICLI", "VMTUIRuntime", "VoicemailClient", "AsteriskSpool", "TestSupport", "DisplayText",
                "SafeTOML", "VoicemailModel", "SystemBasics",
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "AppCore", "Themes", "TestSupport", "CNcursesw", "VoicemailModel"]),
        .testTarget(
            name: "VMTUIRuntimeTests",
            dependencies: [
                "VMTUIRuntime", "TerminalUI", "AppCore", "VoicemailModel", "VoicemailBackend", "AsteriskSpool", "TestSupport",
                "AudioPlayback", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "LiveUpdateTests",
            dependencies: [
                "VMTUIRuntime", "AppCore", "VoicemailClient", "VoicemailModel", "PBXSimulator", "TestSupport",
                .product(name: "Logging", package: "swift-log"), "VoicemailBackend",
            ]),
        .testTarget(
            name: "AudioPlaybackTests",
            dependencies: ["AudioPlayback", "VoicemailClient", "PBXSimulator", "TestSupport", "VoicemailModel", "ChildSpawn"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strict + functionSections
}
