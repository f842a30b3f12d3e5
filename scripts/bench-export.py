"""`vmtui export` of a large mailbox from pbx-sim: wall time and peak memory (max RSS, from
/usr/bin/time -v) for a full export and for the resume run that finds every file complete.
Memory should stay flat however many messages: the audio streams to disk and the indexes are
written row by row."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def spool(sim, work, count):
    """Mailbox 101's New holds `count` messages ten minutes apart, each sharing (hard link)
    the demo clip's audio and its duration (the client refuses audio that contradicts it)."""
    data, mailbox, template, clip = benchlib.seeded_mailbox(sim, work)
    duration = re.search(r"(?m)^duration=.*$", template).group(0)
    ext = os.path.splitext(clip)[1]
    for i in range(count):
        text = re.sub(r"(?m)^duration=.*$", duration, benchlib.message_text(template, i, 600))
        with open(os.path.join(mailbox, "INBOX", f"msg{i:04d}.txt"), "w") as f:
            f.write(text)
        os.link(clip, os.path.join(mailbox, "INBOX", f"msg{i:04d}{ext}"))
    return data


def timed_export(vmtui, url, target):
    env = dict(os.environ, VMTUI_TOKEN="demo-101", TZ="UTC")
    start = time.monotonic()
    run = subprocess.run(
        ["/usr/bin/time", "-v", vmtui, "--server", url, "export", "--to", target, "--folder", "new"],
        env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if run.returncode != 0:
        sys.exit(f"benchmark: export failed ({run.returncode}): {run.stderr.strip()[:600]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([0-9.]+)", run.stderr).group(1)) for kind in ("User", "System"))
    summary = run.stdout.strip().splitlines()[-1]
    return elapsed, rss, cpu, summary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vmtui", required=True)
    parser.add_argument("--pbx-sim", required=True)
    parser.add_argument("--count", type=int, default=10000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vmtui-bench-export.")
    sim = None
    try:
        data = spool(args.pbx_sim, work, args.count)
        sim = benchlib.Sim(args.pbx_sim, data, args.count, work)
        target = os.path.join(work, "export")
        for label in ("full export", "resume (all complete)"):
            elapsed, rss, cpu, summary = timed_export(args.vmtui, sim.url, target)
            print(f"{label:24} {elapsed:7.1f} s (vmtui CPU {cpu:.1f} s)  peak RSS {rss / 1024:6.1f} MiB  | {summary}")
        files = len(os.listdir(target))
        size = sum(os.path.getsize(os.path.join(target, f)) for f in os.listdir(target))
        print(f"folder: {files} files, {size / 1048576:.1f} MiB")
    finally:
        if sim:
            sim.stop()
        shutil.rmtree(work, ignore_errors=True)


main()
