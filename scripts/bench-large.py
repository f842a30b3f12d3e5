#!/usr/bin/env python3
"""A very large mailbox, and resizes: vmtui (release) against pbx-sim on loopback, tmux 120x40.

With `count` messages spread over the mailbox's twelve Asterisk folders (Asterisk keeps at most
9,999 per folder), it measures:
  first row   launch -> the first list row on screen (median of `runs` launches)
  scroll      `presses` presses of j sent at 30 per second (a held key), starting as soon as the
              first row shows, while the rest of New still arrives: each frame's time from its
              events to the flushed screen (vmtui's debug log), p50 / p99 / worst, and frames
              over 50 ms (stalls); then whether the selection reached the row it should
  resize      the window alternates 120x40 <-> 100x30: time from tmux's resize to the first
              screen row of the new layout, seen from outside (capture-pane), and vmtui's own
              frame time for the resize
Run through scripts/bench-large.sh, which builds the release binaries.
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
from benchlib import Sim, message_text, seeded_mailbox, tmux, wait_for  # noqa: E402

FOLDERS = ["INBOX", "Old", "Work", "Family", "Friends", "Cust1", "Cust2", "Cust3", "Cust4", "Cust5",
           "Urgent", "Deleted"]
ROW = re.compile(r"Caller \d+")
FRAME = re.compile(r"frame (\d+) us: ([a-z,]*)")


def make_spool(sim, work, count):
    """Mailbox 101 gets `count` messages spread over every folder, a minute apart."""
    data, mailbox, template, kept_clip = seeded_mailbox(sim, work)
    ext = os.path.splitext(kept_clip)[1]
    for folder in FOLDERS:
        path = os.path.join(mailbox, folder)
        if os.path.isdir(path):
            shutil.rmtree(path)
        os.makedirs(path)
    per_folder = -(-count // len(FOLDERS))
    if per_folder > 9999:
        sys.exit("bench-large: more than 9,999 messages per folder is beyond Asterisk's format")
    numbers = {folder: 0 for folder in FOLDERS}
    for i in range(count):
        # Message i goes to folder i % 12, so every folder holds the whole date range.
        folder = FOLDERS[i % len(FOLDERS)]
        base = os.path.join(mailbox, folder, f"msg{numbers[folder]:04d}")
        numbers[folder] += 1
        with open(base + ".txt", "w") as f:
            f.write(message_text(template, i, 60))
        if i % 50_000 == 0:
            # A file system allows some 65,000 links to one file: a fresh copy now and then.
            clip_copy = f"{kept_clip}.{i}"
            shutil.copy(kept_clip, clip_copy)
        os.link(clip_copy, base + ext)
    return data, numbers


def frames(log):
    """(microseconds, kinds) of every frame vmtui logged."""
    if not os.path.exists(log):
        return []
    return [(int(m.group(1)), m.group(2)) for m in FRAME.finditer(open(log, errors="replace").read())]


def launch(socket, vmtui, url, work, log):
    tmux(socket, "kill-server", check=False)
    if os.path.exists(log):
        os.unlink(log)
    env = {"TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": work, "XDG_CONFIG_HOME": f"{work}/c",
           "XDG_STATE_HOME": f"{work}/s", "XDG_CACHE_HOME": f"{work}/k", "VMTUI_TOKEN": "demo-101",
           "VMTUI_LOG": log, "VMTUI_LOG_LEVEL": "debug"}
    start = time.monotonic()
    tmux(socket, "new-session", "-d", "-x", "120", "-y", "40", "env", *[f"{k}={v}" for k, v in env.items()],
         vmtui, "--server", url)
    if not wait_for(lambda: ROW.search(tmux(socket, "capture-pane", "-p", check=False) or ""), 60):
        print(tmux(socket, "capture-pane", "-p", check=False), file=sys.stderr)
        sys.exit("bench-large: vmtui showed no list row within 60 s")
    return time.monotonic() - start


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presses", type=int, default=300)
    args = parser.parse_args()
    socket = f"bench-large-{os.getpid()}"
    work = tempfile.mkdtemp(prefix="vmtui-bench-large.")
    sim = None
    try:
        made = time.monotonic()
        data, per_folder = make_spool(args.pbx_sim, work, args.count)
        print(f"spool: {args.count} messages in mailbox 101 "
              f"({', '.join(f'{k} {v}' for k, v in per_folder.items())}), made in {time.monotonic() - made:.0f} s")
        started = time.monotonic()
        sim = Sim(args.pbx_sim, data, args.count, work)
        print(f"pbx-sim ready in {time.monotonic() - started:.1f} s at {sim.url}")
        log = os.path.join(work, "vmtui.log")

        readies = []
        for _ in range(args.runs):
            readies.append(launch(socket, args.vmtui, sim.url, work, log))
            tmux(socket, "kill-server", check=False)
            time.sleep(0.5)
        print(f"first row: median {statistics.median(readies) * 1000:.0f} ms "
              f"(runs: {', '.join(f'{r * 1000:.0f}' for r in readies)} ms)")

        # Scroll while New's other pages are still arriving.
        launch(socket, args.vmtui, sim.url, work, log)
        before = len(frames(log))
        for _ in range(args.presses):
            tmux(socket, "send-keys", "j")
            time.sleep(1 / 30)
        time.sleep(2)
        scroll = [us for us, kinds in frames(log)[before:] if "key" in kinds]
        # New is INBOX (messages 0, 12, 24…) and Urgent (10, 22, 34…) newest first, so row r
        # holds message 12*(r//2) (+10 for odd r); the details pane names the selected caller.
        row = min(args.presses, 2 * per_folder["INBOX"] - 1)
        expected = f"Caller {12 * (row // 2) + (10 if row % 2 else 0)}"
        shown = tmux(socket, "capture-pane", "-p")
        reached = expected in shown
        stalls = [us for us in scroll if us >= 50_000]
        print(f"scroll: {len(scroll)} frames with key presses for {args.presses} presses at 30/s; "
              f"frame p50 {percentile(scroll, 50) / 1000:.2f} ms, p99 {percentile(scroll, 99) / 1000:.2f} ms, "
              f"worst {max(scroll) / 1000:.2f} ms; frames over 50 ms: {len(stalls)}; "
              f"selection on {expected}: {'yes' if reached else 'NO'}")
        loads = [us for us, kinds in frames(log)[before:] if "list" in kinds]
        if loads:
            print(f"frames that applied list pages meanwhile: {len(loads)}, worst {max(loads) / 1000:.2f} ms")

        # Resizes.
        outside, inside = [], []
        sizes = [(100, 30), (120, 40)] * 5
        for width, height in sizes:
            before = len(frames(log))
            start = time.monotonic()
            tmux(socket, "resize-window", "-x", str(width), "-y", str(height), check=False)
            # The footer sits on the last row of the new size once vmtui has repainted.
            def repainted():
                lines = tmux(socket, "capture-pane", "-p", check=False).split("\n")
                lines = [line for line in lines]
                return len(lines) >= height and "help" in lines[height - 1] and len(lines[0].rstrip()) <= width
            ok = wait_for(repainted, 5, interval=0.001)
            outside.append((time.monotonic() - start) if ok else float("nan"))
            time.sleep(0.3)
            inside += [us for us, kinds in frames(log)[before:] if "resize" in kinds]
        print(f"resize: screen repainted {statistics.median(outside) * 1000:.0f} ms median, "
              f"{max(outside) * 1000:.0f} ms worst after tmux resized the window (seen from outside, "
              f"includes tmux and polling); vmtui's own frame for a resize: "
              f"median {statistics.median(inside) / 1000:.2f} ms, worst {max(inside) / 1000:.2f} ms" if inside else
              "resize: no resize frame logged")
    finally:
        tmux(socket, "kill-server", check=False)
        if sim:
            sim.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
