#!/usr/bin/env python3
"""Writes the functions a typical vmtui session runs, for the linker to lay out first.

vmtui (a release build, debug info stripped for valgrind) runs under callgrind in tmux against
pbx-sim with 100 messages: start-up, the first list, moving through it, the help and quitting.
Every function callgrind saw that the binary defines goes into the order file, in two tiers:
first those that `vmtui --version` runs (the start-up every command and the screen share:
argument parsing, the command tree, the runtime's set-up), then the rest of the session's.
Within each tier, sorted, first those compiled into a section of their own (the linker packs
them together), then those inside a larger section shared with other functions (the linker can
only move that section whole, and packing it among the first would spread the rest apart).
Start-up first matters because the kernel maps 64 KiB around each page touched: a start whose
code is spread through the session's 1.5 MB (sorted by name) made 4 MB of code resident.
Run through scripts/make-link-order, which builds the binaries and installs valgrind.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Sim, inbox_spool, tmux, wait_for  # noqa: E402

KEYS = ["j"] * 20 + ["k", "k", "G", "g", "Enter", "Escape", "?", "Escape", "Tab", "j", "Tab"]


def defined_functions(binary):
    out = subprocess.run(["nm", "--defined-only", binary], check=True, capture_output=True, text=True).stdout
    return {f[2] for f in (line.split() for line in out.splitlines()) if len(f) == 3 and f[1] in "tTwW"}


def own_sections(build):
    """Functions that have a section of their own in the objects and archives vmtui links."""
    inputs = []
    for root, _, files in os.walk(build):
        inputs += [os.path.join(root, f) for f in files if f.endswith(".o")]
    swift = subprocess.run(["which", "swift"], capture_output=True, text=True).stdout.strip()
    if swift:  # the toolchain's own static libraries, wherever it is installed
        lib = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(swift))), "lib", "swift_static", "linux")
        if os.path.isdir(lib):
            inputs += [os.path.join(lib, f) for f in os.listdir(lib) if f.endswith(".a")]
    inputs = sorted(set(inputs))
    names = set()
    for chunk in range(0, len(inputs), 200):
        out = subprocess.run(["readelf", "-SW", *inputs[chunk:chunk + 200]],
                             capture_output=True, text=True).stdout
        names.update(m.group(1) for m in re.finditer(r"\] \.text\.(\S+)", out))
    return names


def functions_seen(profile):
    seen = set()
    with open(profile, errors="replace") as f:
        for line in f:
            m = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
            if m:
                seen.add(m.group(1))
    return seen


def start_up_functions(stripped, work):
    """What `vmtui --version` runs: the start-up path every run of vmtui takes."""
    profile = os.path.join(work, "callgrind-start.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}",
                    f"--log-file={os.path.join(work, 'valgrind-start.log')}", stripped, "--version"],
                   check=True, stdout=subprocess.DEVNULL)
    return functions_seen(profile)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vmtui-order.")
    stripped = os.path.join(work, "vmtui")
    # valgrind 3.19 gives up on the toolchain's DWARF 5; the symbol table is all it needs.
    subprocess.run(["strip", "--strip-debug", "-o", stripped, args.vmtui], check=True)
    profile = os.path.join(work, "callgrind.out")
    start = start_up_functions(stripped, work)
    sim = Sim(args.pbx_sim, inbox_spool(args.pbx_sim, work, 100), 100, work)
    socket = f"make-link-order-{os.getpid()}"
    home = os.path.join(work, "home")
    os.makedirs(home)
    env = ["TERM=tmux-256color", "LANG=C.UTF-8", f"HOME={home}", "VMTUI_TOKEN=demo-101"]
    try:
        tmux(socket, "new-session", "-d", "-x", "120", "-y", "40", "env", *env,
             "valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}",
             f"--log-file={os.path.join(work, 'valgrind.log')}", stripped, "--server", sim.url)
        if not wait_for(lambda: re.search(r"Caller \d+", tmux(socket, "capture-pane", "-p", check=False) or ""), 120):
            sys.exit("make-link-order: no list row under valgrind within 120 s")
        for key in KEYS:
            tmux(socket, "send-keys", key)
            time.sleep(0.4)
        tmux(socket, "send-keys", "q")
        if not wait_for(lambda: os.path.exists(profile) and os.path.getsize(profile) > 0, 120, 0.5):
            sys.exit("make-link-order: vmtui did not quit under valgrind within 120 s")
        time.sleep(1)
        seen = functions_seen(profile)
    finally:
        tmux(socket, "kill-server", check=False)
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    defined = defined_functions(args.vmtui)
    own = own_sections(os.path.dirname(args.vmtui))
    first = start & defined
    rest = (seen & defined) - first
    order = []
    for tier in (first, rest):
        alone = own & tier
        order += sorted(alone) + sorted(tier - alone)
    with open(args.out, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"make-link-order: {len(order)} functions written to {args.out} "
          f"({len(first)} of them run at start-up, laid out first)")


if __name__ == "__main__":
    main()
