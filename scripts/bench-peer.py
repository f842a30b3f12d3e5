#!/usr/bin/env python3
"""Side-by-side benchmark: vmtui (against pbx-sim on loopback) and neomutt (on a Maildir of the
same voicemails as e-mails), both in tmux at 120x40, alternating runs, medians.

Figures, per message count:
  ready   launch -> the first list row on screen (a "Caller N" row, not a frame or "Loading")
  rss     resident memory (VmRSS) after 20 presses of j
  bytes   bytes written to the terminal per j (tmux pipe-pane), details pane shown

--transcriptions gives every message one of the demo's transcriptions (seven texts in turn,
two lines each in the details pane) and puts it in the e-mail body too, as the demo shows
them: the bytes a j costs when the details pane has real content to replace.

Run through scripts/bench-peer.sh, which builds the release binaries and installs neomutt.
"""
import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Sim, inbox_spool, tmux, wait_for  # noqa: E402

ROW = re.compile(r"Caller \d+")

# pbx-sim's demo transcriptions (Sources/PBXSimulator/Seed/DemoCatalog.swift).
TRANSCRIPTIONS = [
    "Hi Alice, it's Bob. The build server is down again. Please call me back as soon as you can.",
    "Hello, this is Oliver from the London office, about the contract renewal. Please ring me back.",
    "Hello Alice, this is Taro Yamada in Tokyo. The samples arrived today. Thank you.",
    "Hi Alice, Dana here. Lunch on Friday still works for me. See you at noon.",
    "Good morning, this is Eleni from Athens. Your parcel is ready for collection.",
    "Hi, this is Marco Rossi. The new price list is attached to my email. Talk soon.",
    "Hi, this is the support desk. Ticket four two one seven is resolved.",
]


def add_transcriptions(data):
    """Message i of mailbox 101's New gets TRANSCRIPTIONS[i % 7]."""
    for root, _, files in os.walk(data):
        if not root.endswith(os.path.join("101", "INBOX")):
            continue
        for name in files:
            if name.startswith("msg") and name.endswith(".txt"):
                path = os.path.join(root, name)
                text = open(path).read()
                text = re.sub(r"(?m)^transcription=.*$", "transcription=" + TRANSCRIPTIONS[int(name[3:-4]) % 7], text)
                with open(path, "w") as f:
                    f.write(text)


def make_maildir(work, count, transcriptions=False):
    """The same voicemails as the voicemail-to-email copies a PBX sends (small WAV attached)."""
    root = os.path.join(work, "Maildir")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    attachment = ("UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=\n") * 20
    for i in range(count):
        epoch = 1790000000 - i * 600
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))
        body = (
            f"From: \"Caller {i}\" <{100 + i % 900}@pbx.example.com>\n"
            f"To: Alice Martin <101@pbx.example.com>\n"
            f"Subject: New voicemail from Caller {i} ({100 + i % 900}), {(5 + i % 120) // 60}:{(5 + i % 120) % 60:02d}\n"
            f"Date: {date}\n"
            f"Message-ID: <vm-{i}@pbx.example.com>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
            "--b\nContent-Type: text/plain; charset=utf-8\n\n"
            f"You have a new voicemail from Caller {i} in mailbox 101.\n\n"
            + (f"{TRANSCRIPTIONS[i % 7]}\n\n" if transcriptions else "")
            + 
            "--b\nContent-Type: audio/x-wav; name=\"msg.wav\"\nContent-Transfer-Encoding: base64\n"
            "Content-Disposition: attachment; filename=\"msg.wav\"\n\n"
            f"{attachment}--b--\n"
        )
        name = f"{epoch}.{i}.bench:2,"
        with open(os.path.join(root, "cur", name), "w") as f:
            f.write(body)
    rc = os.path.join(work, "neomuttrc")
    with open(rc, "w") as f:
        f.write(
            "set mbox_type=Maildir\n"
            f"set folder={root}\nset spoolfile={root}\n"
            "set sort=reverse-date\nset mail_check=0\nset timeout=0\n"
            "set header_cache=\"\"\nset message_cachedir=\"\"\n"
            "set pager_index_lines=0\nset confirmappend=no\nset quit=yes\n")
    return root, rc


def run_once(socket, command, env, work, presses=20):
    """Launches `command` in a fresh 120x40 tmux session; returns (ready seconds, rss KiB, bytes per j)."""
    tmux(socket, "kill-server", check=False)
    envs = [f"{k}={v}" for k, v in env.items()]
    start = time.monotonic()
    tmux(socket, "new-session", "-d", "-x", "120", "-y", "40", "env", *envs, *command)
    ok = wait_for(lambda: ROW.search(tmux(socket, "capture-pane", "-p", check=False) or ""), 30)
    ready = time.monotonic() - start
    if not ok:
        print(tmux(socket, "capture-pane", "-p", check=False), file=sys.stderr)
        sys.exit(f"bench-peer: {command[0]} showed no list row within 30 s")
    pid = int(tmux(socket, "display-message", "-p", "#{pane_pid}").strip())
    time.sleep(1.0)  # let background loading settle before counting bytes
    out = os.path.join(work, "pane.out")
    if os.path.exists(out):
        os.unlink(out)
    tmux(socket, "pipe-pane", "-o", f"cat >> {out}")
    time.sleep(0.3)
    sizes = []
    for _ in range(presses):
        before = os.path.getsize(out) if os.path.exists(out) else 0
        tmux(socket, "send-keys", "j")
        last = -1
        while True:
            time.sleep(0.12)
            now = os.path.getsize(out) if os.path.exists(out) else 0
            if now == last:
                break
            last = now
        sizes.append(now - before)
    rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    tmux(socket, "kill-server", check=False)
    return ready, rss, statistics.median(sizes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--counts", default="100,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--transcriptions", action="store_true", help="messages carry the demo's transcriptions")
    args = parser.parse_args()
    socket = f"bench-peer-{os.getpid()}"
    rows = []
    for count in [int(c) for c in args.counts.split(",")]:
        work = tempfile.mkdtemp(prefix="vmtui-peer.")
        try:
            data = inbox_spool(args.pbx_sim, work, count)
            if args.transcriptions:
                add_transcriptions(data)
            maildir, rc = make_maildir(work, count, args.transcriptions)
            sim = Sim(args.pbx_sim, data, count, work)
            home = os.path.join(work, "home")
            os.makedirs(home, exist_ok=True)
            base_env = {"TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": home,
                        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                        "XDG_STATE_HOME": os.path.join(home, ".state"),
                        "XDG_CACHE_HOME": os.path.join(home, ".cache")}
            vm_env = dict(base_env, VMTUI_TOKEN="demo-101")
            results = {"vmtui": [], "neomutt": []}
            try:
                for _ in range(args.runs):  # alternate, so drift hits both alike
                    results["vmtui"].append(run_once(socket, [args.vmtui, "--server", sim.url], vm_env, work))
                    results["neomutt"].append(run_once(socket, ["neomutt", "-n", "-F", rc, "-f", maildir], base_env, work))
            finally:
                sim.stop()
            med = {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in results.items()}
            rows.append((count, "launch → first list row", f"{med['vmtui'][0]*1000:.0f} ms", f"{med['neomutt'][0]*1000:.0f} ms", med["vmtui"][0] / med["neomutt"][0], "≤ 0.6" if count <= 100 else "≤ 0.5"))
            rows.append((count, "resident memory after 20 j", f"{med['vmtui'][1]/1024:.1f} MB", f"{med['neomutt'][1]/1024:.1f} MB", med["vmtui"][1] / med["neomutt"][1], "≤ 1.0"))
            rows.append((count, "bytes written per j", f"{med['vmtui'][2]:.0f}", f"{med['neomutt'][2]:.0f}", med["vmtui"][2] / max(1, med["neomutt"][2]), "≤ 1.0"))
        finally:
            tmux(socket, "kill-server", check=False)
            shutil.rmtree(work, ignore_errors=True)
    print("| messages | figure | vmtui | neomutt | vmtui/neomutt | aim |")
    print("|---|---|---|---|---|---|")
    for count, figure, a, b, ratio, aim in rows:
        print(f"| {count:,} | {figure} | {a} | {b} | {ratio:.2f} | {aim} |")


if __name__ == "__main__":
    main()
