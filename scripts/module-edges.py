"""Reads `swift package dump-package` on stdin; compares each target's declared dependencies
with the modules its sources import. See scripts/check-module-edges."""
import json
import os
import re
import sys

# The toolchain's own modules: not declared in Package.swift.
SYSTEM = {
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
    "Glibc", "Musl", "Dispatch", "XCTest", "Testing", "Synchronization", "_Concurrency", "Darwin",
    "os", "Observation", "RegexBuilder", "_StringProcessing", "SwiftShims", "CoreFoundation",
}
IMPORT = re.compile(r"^\s*(@_exported\s+|@testable\s+|@preconcurrency\s+)*import\s+(?:(?:struct|class|enum|func|var|let|protocol|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)

package = json.load(sys.stdin)
problems = []
for target in package["targets"]:
    if target["type"] in ("system", "binary", "plugin", "macro"):
        continue
    name = target["name"]
    default = "Tests" if target["type"] == "test" else "Sources"
    path = target.get("path") or os.path.join(default, name)
    declared = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    imported = {}
    exported = []
    for folder, _, files in os.walk(path):
        for file in files:
            if not file.endswith(".swift"):
                continue
            source = os.path.join(folder, file)
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
            for match in IMPORT.finditer(text):
                module = match.group(2)
                if match.group(1) and "@_exported" in match.group(1):
                    exported.append(f"{source}: @_exported import {module}")
                if module not in SYSTEM and module != name:
                    imported.setdefault(module, source)
    for module, source in sorted(imported.items()):
        if module not in declared:
            problems.append(f"{name}: imports {module} ({source}) without declaring it in Package.swift")
    for module in sorted(declared - set(imported)):
        problems.append(f"{name}: declares {module} in Package.swift but no file imports it")
    problems += [f"{name}: re-exports: {line}" for line in exported]

for problem in problems:
    print(problem)
if problems:
    print(f"check-module-edges: {len(problems)} problem(s)", file=sys.stderr)
    sys.exit(1)
print("check-module-edges: every import is declared and every dependency imported")
