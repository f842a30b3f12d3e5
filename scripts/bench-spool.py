#!/usr/bin/env python3
"""The spool backend against pbx-sim over the same spool (issue 23's table).

One spool: pbx-sim's demo seed plus `count` generated messages in 101's INBOX. For each of
`vmtui --spool DIR` and `vmtui --server URL` (pbx-sim serving that same directory), the median
wall time of `runs` runs of:
  list       `list --folder new --limit 100 --json` (the first page of New)
  mark-read  `mark-read ID` then `mark-unread ID` (one change each way; the time of each)
  cold list  the spool `list` with its cache ($XDG_CACHE_HOME/vmtui) removed before each run
  screen     launch -> first list row in tmux 120x40 (as scripts/bench-peer.py measures it) for
             `--spool` (warm and cold cache), `--server`, and neomutt on a Maildir of the same
             messages (skipped when neomutt or tmux is missing)
and, with strace on PATH, the system calls one spool `list` makes (openat, stat family, read).
Run through scripts/bench-spool.sh, which builds the release binaries.
"""
import importlib.util
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


def peer_module():
    spec = importlib.util.spec_from_file_location("bench_peer", os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-peer.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def screen_rows(args, data, count, sim_url, env, work):
    """Median launch -> first row (seconds) of each way to open the same messages."""
    if shutil.which("neomutt") is None or shutil.which("tmux") is None:
        return None
    peer = peer_module()
    maildir, rc = peer.make_maildir(work, count)
    socket = f"bench-spool-{os.getpid()}"
    term = dict(env, TERM="tmux-256color", LANG="C.UTF-8")
    cache = env["XDG_CACHE_HOME"]
    ways = {
        "--spool (cache warm)": ([args.vmtui, "--spool", data, "--user", "101"], term, False),
        "--spool (no cache)": ([args.vmtui, "--spool", data, "--user", "101"], term, True),
        "--server (pbx-sim)": ([args.vmtui, "--server", sim_url], dict(term, VMTUI_TOKEN="demo-101"), False),
        "neomutt": (["neomutt", "-n", "-F", rc, "-f", maildir], term, False),
    }
    times = {name: [] for name in ways}
    for _ in range(args.runs):  # alternate, so drift hits all alike
        for name, (command, e, cold) in ways.items():
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
            times[name].append(peer.run_once(socket, command, e, work, presses=1)[0])
    return {name: statistics.median(t) for name, t in times.items()}


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
        # The spool cache never keeps a .txt changed in the last 2 s (and pbx-sim may rewrite
        # files as it starts): a live spool's messages are older than that.
        time.sleep(3)
        try:
            server = [args.vmtui, "--server", sim.url]
            server_env = dict(env, VMTUI_TOKEN="demo-101")
            rows = []
            for name, base, e in (("--spool", spool, env), ("--server", server, server_env)):
                timed(base + ["list", "--folder", "new", "--limit", "100", "--json"], e)  # warm-up (the cache's first run)
                listing = [timed(base + ["list", "--folder", "new", "--limit", "100", "--json"], e) for _ in range(args.runs)]
                read, unread = [], []
                for _ in range(args.runs):
                    read.append(timed(base + ["mark-read", target], e))
                    unread.append(timed(base + ["mark-unread", target], e))
                rows.append((name, statistics.median(listing), statistics.median(read), statistics.median(unread)))
            cold = []
            for _ in range(args.runs):
                shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
                cold.append(timed(spool + ["list", "--folder", "new", "--limit", "100", "--json"], env))
            _ = timed(spool + ["list", "--folder", "new", "--limit", "100", "--json"], env)  # warm again
            screen = screen_rows(args, data, min(args.count, 9999), sim.url, env, work)
        finally:
            sim.stop()
        print(f"spool: {min(args.count, 9999)} messages in 101's INBOX; medians of {args.runs}")
        print("| vmtui | list --folder new (100 rows) | mark-read | mark-unread |")
        print("|---|---|---|---|")
        for name, listing, read, unread in rows:
            print(f"| `{name}` | {listing:.3f} s | {read:.3f} s | {unread:.3f} s |")
        spool_row, server_row = rows
        print(f"ratios --spool/--server: list {spool_row[1] / server_row[1]:.2f} (aim <= 1.0), "
              f"mark-read {spool_row[2] / server_row[2]:.2f} (aim <= 1.5); "
              f"list with no cache: {statistics.median(cold):.3f} s")
        if screen:
            print("| screen: launch -> first row | seconds | / neomutt |")
            print("|---|---|---|")
            for name, seconds in screen.items():
                print(f"| {name} | {seconds:.3f} s | {seconds / screen['neomutt']:.2f} |")
        counts = syscalls(spool + ["list", "--folder", "new", "--limit", "100", "--json"], env, work)
        if counts:
            print("spool list system calls: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
