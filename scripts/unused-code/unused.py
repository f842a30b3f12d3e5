"""Reads index-dump's occurrences on stdin; prints each declaration of Sources/ that nothing
references and exits 1 if there is any. See scripts/check-unused-code."""
import collections
import re
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
# A witness declared in an extension other than the one that declares the conformance carries
# no relation to the requirement it implements: it counts as used when a requirement of the
# same name is used (or when another declaration of that name overrides something).
requirement = re.compile(r"P(\d+)")
witnessed = set()
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
    if override == "1":
        witnessed.add(name)
    if (implicit == "1" or override == "1" or kind not in KINDS or properties & LOCAL or subkind in ACCESSORS
            or not relative.startswith("Sources/") or not name):
        continue
    definitions.setdefault(usr, (KINDS[kind], name, relative, int(number)))


def is_stale(relative, number, name):
    """A record older than the file (a header the last build did not index again)."""
    try:
        with open(os.path.join(root, relative), encoding="utf-8", errors="replace") as source:
            lines = source.readlines()
    except OSError:
        return True
    return number > len(lines) or name.split("(")[0] not in lines[number - 1]


def is_entry_point(relative, number):
    """`@main` types are called by the runtime, not by code."""
    try:
        with open(os.path.join(root, relative), encoding="utf-8", errors="replace") as source:
            lines = source.readlines()
    except OSError:
        return False
    return any("@main" in lines[i] for i in range(max(0, number - 3), min(len(lines), number)))




def is_requirement(usr, name):
    """A protocol's member: its USR names the protocol (P) and then the member."""
    base = name.split("(")[0]
    return any(usr[m.end():m.end() + int(m.group(1))] == base for m in requirement.finditer(usr))


excused = witnessed | {
    name for usr, (kind, name, relative, number) in definitions.items()
    if references[usr] > 0 and is_requirement(usr, name)
}
unused = [
    (relative, number, kind, name)
    for usr, (kind, name, relative, number) in definitions.items()
    if references[usr] == 0 and name not in excused and not is_entry_point(relative, number)
    and not is_stale(relative, number, name)
]
for relative, number, kind, name in sorted(unused):
    print(f"{relative}:{number}: unused {kind} {name}")
if unused:
    print(f"check-unused-code: {len(unused)} declaration(s) nothing uses: remove them", file=sys.stderr)
    sys.exit(1)
print(f"check-unused-code: every one of {len(definitions)} declarations is used")
