#!/usr/bin/env python3
"""The support desk's overview: `vmtui overview --json` over `count` mailboxes on pbx-sim.

Mailbox 5000+i holds i % 40 messages (every third one with some in Old); capacities of 30
make about one in four nearly full or full. The support desk (200) may open all of them.
Measures the median wall time of `runs` runs (aim: under 2 s for 500 mailboxes) and checks the
answer lists every mailbox, the full ones first.
Run through scripts/bench-overview.sh, which builds the binaries.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import message_text, seeded_mailbox  # noqa: E402


def make_spool(sim, work, count):
    data, mailbox101, template, clip = seeded_mailbox(sim, work)
    ext = os.path.splitext(clip)[1]
    users = json.load(open(os.path.join(data, "users.json")))
    for i in range(count):
        ext_name = str(5000 + i)
        users["users"].append({
            "extension": ext_name, "name": f"Customer {i}", "webPassword": f"pw{ext_name}",
            "groups": ["customers"], "capacity": 30})
        messages = i % 40
        for n in range(messages):
            folder = "Old" if (i % 3 == 0 and n % 2 == 1) else "INBOX"
            directory = os.path.join(data, ext_name, folder)
            os.makedirs(directory, exist_ok=True)
            index = len([f for f in os.listdir(directory) if f.endswith(".txt")])
            text = message_text(template, i * 100 + n, 3600)
            with open(os.path.join(directory, f"msg{index:04d}.txt"), "w") as f:
                f.write(text)
            os.link(clip, os.path.join(directory, f"msg{index:04d}{ext}"))
        os.makedirs(os.path.join(data, ext_name, "INBOX"), exist_ok=True)
    with open(os.path.join(data, "users.json"), "w") as f:
        json.dump(users, f)
    return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vmtui-bench-overview.")
    proc = None
    try:
        data = make_spool(args.pbx_sim, work, args.count)
        log = open(os.path.join(work, "sim.log"), "w")
        proc = subprocess.Popen([args.pbx_sim, "--data", data, "--port", "0"], stdout=subprocess.PIPE, stderr=log, text=True)
        line = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not found:
            sys.exit(f"benchmark: pbx-sim did not start: {line!r}")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
               "VMTUI_TOKEN": "demo-200"}
        command = [args.vmtui, "--server", found.group(0), "overview", "--json"]
        times, rows = [], []
        for _ in range(args.runs):
            start = time.monotonic()
            done = subprocess.run(command, env=env, capture_output=True, text=True)
            times.append(time.monotonic() - start)
            if done.returncode != 0:
                sys.exit(f"benchmark: vmtui overview failed: {done.stderr.strip()}")
            rows = json.loads(done.stdout)
        customers = [r for r in rows if r["mailbox"].startswith("5")]
        states = [r.get("capacityState") for r in rows]
        first_fine = next((n for n, s in enumerate(states) if s not in ("full", "nearly full")), len(states))
        assert all(s in ("fine", None) for s in states[first_fine:]), "the full and nearly full come first"
        print(f"mailboxes listed        {len(rows)} ({len(customers)} customers)")
        print(f"full / nearly full      {states.count('full')} / {states.count('nearly full')}")
        print(f"vmtui overview --json   median {statistics.median(times):.3f} s, best {min(times):.3f} s "
              f"over {args.runs} runs")
    finally:
        if proc:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
