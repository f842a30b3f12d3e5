#!/usr/bin/env python3
"""Listing a very large mailbox over the Wazo and Kazoo APIs: `vmtui --api wazo|kazoo list
--all --json` against `pbx-sim --flavor wazo|kazoo` on loopback, mailbox 101's New holding
`count` messages (Asterisk keeps at most 9,999 per folder). Reports, per API, the median wall
time of `runs` runs and the number of records listed (every one must be there: Kazoo pages
through start_key, Wazo hands the folder over whole).

  scripts/bench-vendor-list.py [--count 9999] [--runs 3] [--bin .build/release]
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import inbox_spool  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=9999)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bin", default=".build/release")
    args = parser.parse_args()
    sim, vmtui = os.path.join(args.bin, "pbx-sim"), os.path.join(args.bin, "vmtui")
    with tempfile.TemporaryDirectory(prefix="vmtui-bench-vendor-") as work:
        data = inbox_spool(sim, work, args.count)
        for api, extra in [("wazo", []), ("kazoo", ["--account", "pbx-sim"])]:
            log = open(os.path.join(work, f"sim-{api}.log"), "w")
            proc = subprocess.Popen(
                [sim, "--data", data, "--port", "0", "--flavor", api, "--capacity", str(args.count + 100)],
                stdout=subprocess.PIPE, stderr=log, text=True)
            url = re.search(r"http://127\.0\.0\.1:\d+", proc.stdout.readline()).group(0)
            env = {"PATH": "/usr/bin:/bin", "HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "cfg"),
                   "VMTUI_PASSWORD": "pass101"}
            times, counts = [], set()
            for _ in range(args.runs):
                started = time.monotonic()
                out = subprocess.run(
                    [vmtui, "--api", api, "--server", url, "--user", "101", *extra, "list", "--all", "--json"],
                    env=env, capture_output=True, text=True, check=True).stdout
                times.append(time.monotonic() - started)
                counts.add(len(json.loads(out)))
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
            print(f"{api:5}  {args.count} messages in New: listed {sorted(counts)} in "
                  f"{statistics.median(times) * 1000:.0f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
