"""Reads index-dump's occurrences on stdin; prints each declaration of Sources/ that nothing
references and exits 1 if there is any. See scripts/check-unused-code."""
import collections
import os
import sys

root = sys.argv[1]
KINDS = {
    5: "enum", 6: "struct", 7: "class", 11: "typealias", 12: "func", 13: "var", 15: "case",
    16: "method", 17: "class method", 18: "static method", 19: "property", 20: "class property",
    21: "static property",
}
ACCESSORS = {3, 4, 1000, 1001, 1014, 1015, 1016, 1017, 1018}
LOCAL = 1 << 7

definitions = {}
references = collections.Counter()
exists = {}
for line in sys.stdin:
    role, implicit, override, kind, subkind, properties, usr, name, path, number = line.rstrip("\n").split("\t")
    relative = path[len(root):]
    if not relative.startswith(("Sources/", "Tests/")):
        continue
    # Files deleted or moved since leave their old records in the store.
    if path not in exists:
        exists[path] = os.path.exists(path)
    if not exists[path]:
        continue
    if role == "R":
        references[usr] += 1
        continue
    kind, subkind, properties = int(kind), int(subkind), int(properties)
    if (implicit == "1" or override == "1" or kind not in KINDS or properties & LOCAL or subkind in ACCESSORS
            or not relative.startswith("Sources/") or not name):
        continue
    definitions.setdefault(usr, (KINDS[kind], name, relative, int(number)))


def is_entry_point(relative, number):
    """`@main` types are called by the runtime, not by code."""
    try:
        with open(os.path.join(root, relative), encoding="utf-8", errors="replace") as source:
            lines = source.readlines()
    except OSError:
        return False
    return any("@main" in lines[i] for i in range(max(0, number - 3), min(len(lines), number)))


unused = [
    (relative, number, kind, name)
    for usr, (kind, name, relative, number) in definitions.items()
    if references[usr] == 0 and not is_entry_point(relative, number)
]
for relative, number, kind, name in sorted(unused):
    print(f"{relative}:{number}: unused {kind} {name}")
if unused:
    print(f"check-unused-code: {len(unused)} declaration(s) nothing uses: remove them", file=sys.stderr)
    sys.exit(1)
print(f"check-unused-code: every one of {len(definitions)} declarations is used")
