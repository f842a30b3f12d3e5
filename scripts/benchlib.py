"""What the tmux benchmarks share: tmux, polling, pbx-sim's demo seed as a template, and a
pbx-sim process on a free loopback port."""
import os
import re
import shutil
import signal
import subprocess
import sys
import time


def tmux(socket, *args, check=True):
    return subprocess.run(["tmux", "-L", socket, *args], check=check, capture_output=True, text=True).stdout


def wait_for(predicate, timeout, interval=0.002):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def seeded_mailbox(sim, work):
    """Seeds pbx-sim's demo under work/pbx and empties mailbox 101's New. Returns the data
    directory, mailbox 101's directory, a template message text and a copy of its audio."""
    data = os.path.join(work, "pbx")
    subprocess.run(["timeout", "10", sim, "--data", data, "--seed", "demo", "--port", "0"], capture_output=True)
    inbox = None
    for root, _, _ in os.walk(data):
        if root.endswith(os.path.join("101", "INBOX")):
            inbox = root
    if inbox is None:
        sys.exit("benchmark: pbx-sim's demo seed has no 101/INBOX")
    template = open(os.path.join(inbox, "msg0000.txt")).read()
    clip = next(os.path.join(inbox, f) for f in sorted(os.listdir(inbox)) if f.startswith("msg0000.") and not f.endswith(".txt"))
    kept_clip = os.path.join(work, "clip" + os.path.splitext(clip)[1])
    shutil.copy(clip, kept_clip)
    for name in os.listdir(inbox):
        if name.startswith("msg"):
            os.unlink(os.path.join(inbox, name))
    return data, os.path.dirname(inbox), template, kept_clip


def message_text(template, i, spacing):
    """Message i of a generated mailbox: "Caller i", `spacing` seconds older than message i-1."""
    text = template
    text = re.sub(r"(?m)^msg_id=.*$", f"msg_id={1790000000 - i * spacing}-{i:08x}", text)
    text = re.sub(r"(?m)^origtime=.*$", f"origtime={1790000000 - i * spacing}", text)
    text = re.sub(r"(?m)^callerid=.*$", f'callerid="Caller {i}" <{100 + i % 900}>', text)
    text = re.sub(r"(?m)^duration=.*$", f"duration={5 + i % 120}", text)
    return text

def inbox_spool(sim, work, count):
    """Mailbox 101's New holds `count` generated messages, ten minutes apart; returns the data dir."""
    data, mailbox, template, clip = seeded_mailbox(sim, work)
    ext = os.path.splitext(clip)[1]
    for i in range(count):
        with open(os.path.join(mailbox, "INBOX", f"msg{i:04d}.txt"), "w") as f:
            f.write(message_text(template, i, 600))
        os.link(clip, os.path.join(mailbox, "INBOX", f"msg{i:04d}{ext}"))
    return data


class Sim:
    """pbx-sim on a free loopback port, serving `data`."""

    def __init__(self, sim, data, count, work):
        self.log = open(os.path.join(work, "sim.log"), "w")
        self.proc = subprocess.Popen(
            [sim, "--data", data, "--port", "0", "--capacity", str(count + 100)],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not m:
            sys.exit(f"benchmark: pbx-sim did not start: {line!r}")
        self.url = m.group(0)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(30)
