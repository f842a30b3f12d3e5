#!/usr/bin/env python3
"""The spool backend against pbx-sim over the same spool (issue 23's table).

One spool: pbx-sim's demo seed plus `count` generated messages in 101's INBOX. For each of
`vmtui --spool DIR` and `vmtui --server URL` (pbx-sim serving that same directory), the median
wall time of `runs` runs of:
  list       `list --folder new --limit 100 --json` (the first page of New)
  mark-read  `mark-read ID` then `mark-unread ID` (one change each way; the time of each)
and, with strace on PATH, the system calls one spool `list` makes (openat, stat family, read).
Run through scripts/bench-spool.sh, which builds the release binaries.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Sim, inbox_spool  # noqa: E402


def timed(command, env):
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command[:4])}… failed: {done.stderr.strip()}")
    return time.monotonic() - start


def syscalls(command, env, work):
    if shutil.which("strace") is None:
        return None
    out = os.path.join(work, "strace.txt")
    subprocess.run(["strace", "-f", "-c", "-o", out, *command], env=env, capture_output=True)
    counts = {}
    for line in open(out):
        parts = line.split()
        if len(parts) >= 5 and parts[-1] in ("openat", "newfstatat", "statx", "lstat", "stat", "fstat", "read"):
            counts[parts[-1]] = int(parts[3])
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vmtui-bench-spool-")
    try:
        data = inbox_spool(args.pbx_sim, work, min(args.count, 9999))
        env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
                   XDG_STATE_HOME=os.path.join(work, "state"), XDG_CACHE_HOME=os.path.join(work, "cache"))
        spool = [args.vmtui, "--spool", data, "--user", "101"]
        target = f"{1790000000 - 5 * 600}-{5:08x}"
        sim = Sim(args.pbx_sim, data, args.count, work)
        try:
            server = [args.vmtui, "--server", sim.url]
            server_env = dict(env, VMTUI_TOKEN="demo-101")
            rows = []
            for name, base, e in (("--spool", spool, env), ("--server", server, server_env)):
                listing = [timed(base + ["list", "--folder", "new", "--limit", "100", "--json"], e) for _ in range(args.runs)]
                read, unread = [], []
                for _ in range(args.runs):
                    read.append(timed(base + ["mark-read", target], e))
                    unread.append(timed(base + ["mark-unread", target], e))
                rows.append((name, statistics.median(listing), statistics.median(read), statistics.median(unread)))
        finally:
            sim.stop()
        print(f"spool: {min(args.count, 9999)} messages in 101's INBOX; medians of {args.runs}")
        print("| vmtui | list --folder new (100 rows) | mark-read | mark-unread |")
        print("|---|---|---|---|")
        for name, listing, read, unread in rows:
            print(f"| `{name}` | {listing:.3f} s | {read:.3f} s | {unread:.3f} s |")
        counts = syscalls(spool + ["list", "--folder", "new", "--limit", "100", "--json"], env, work)
        if counts:
            print("spool list system calls: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
