#!/usr/bin/env bash
# Benchmarks pbx-sim's storage under hardening item 14: a 9,999-message INBOX (Asterisk's
# ceiling) in mailbox 101, then
#   1. start-up time (recovery of the spool),
#   2. wall time of marking msg0000 read (it moves to Old and 9,998 files are renumbered),
#   3. wall time of listing ANOTHER mailbox (102) sent while that mark-read runs.
# The spool is written in the pre-context layout, which every pbx-sim version reads (newer
# ones move it under default/), so two builds can be compared.
# Usage: scripts/bench-sim-store.sh [PBX-SIM-BINARY] [RUNS]   (default: this tree's debug build)
set -euo pipefail

cd "$(dirname "$0")/.."
SIM="${1:-$(swift build --show-bin-path)/pbx-sim}"
RUNS="${2:-3}"
COUNT=9999

WORK="$(mktemp -d /tmp/pbx-sim-store-bench.XXXXXX)"
SIM_PID=""
cleanup() {
    if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

make_spool() {
    python3 - "$1" "$COUNT" <<'PY'
import json, os, struct, sys
root, count = sys.argv[1], int(sys.argv[2])
os.makedirs(root, exist_ok=True)
users = [{"extension": e, "name": "User " + e, "webPassword": "pass" + e, "apiToken": "demo-" + e} for e in ("101", "102")]
json.dump({"users": users}, open(os.path.join(root, "users.json"), "w"))
samples = b"\x00\x00" * 8000
wav = b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16) \
    + b"data" + struct.pack("<I", len(samples)) + samples
for box, n in (("101", count), ("102", 5)):
    inbox = os.path.join(root, box, "INBOX")
    os.makedirs(inbox, exist_ok=True)
    audio = os.path.join(root, box, "one.wav")
    open(audio, "wb").write(wav)
    for i in range(n):
        base = os.path.join(inbox, "msg%04d" % i)
        open(base + ".txt", "w").write(
            "[message]\norigmailbox=%s\ncallerid=\"Caller %d\" <555%04d>\norigtime=%d\nmsg_id=%d-%08x\nflag=\nduration=1\nformat=wav\n"
            % (box, i, i, 1700000000 + i, 1700000000 + i, i))
        os.link(audio, base + ".wav")
    os.remove(audio)
PY
}

now() { date +%s.%N; }
# CPU seconds (user + system) the process has used: steadier than wall time on a busy machine.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

for run in $(seq 1 "$RUNS"); do
    SPOOL="$WORK/spool-$run"
    make_spool "$SPOOL"
    start=$(now)
    "$SIM" --data "$SPOOL" --capacity 100000 --log-file "$WORK/sim.log" >"$WORK/sim.out" 2>&1 &
    SIM_PID=$!
    until grep -q "listening on" "$WORK/sim.out" 2>/dev/null; do
        kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/sim.out"; exit 1; }
        sleep 0.02
    done
    ready=$(now)
    cpu_ready=$(cpu "$SIM_PID")
    URL=$(sed -n 's/^listening on //p' "$WORK/sim.out")
    curl -s -o /dev/null -X PUT -H "Authorization: Bearer demo-101" -w "%{time_total}\n" \
        "$URL/api/v1/VoiceMail/1700000000-00000000" >"$WORK/put.time" &
    PUT_PID=$!
    sleep 0.05
    list=$(curl -s -o /dev/null -H "Authorization: Bearer demo-102" -w "%{time_total}" "$URL/api/v1/VoiceMail?count=10")
    wait "$PUT_PID"
    cpu_done=$(cpu "$SIM_PID")
    printf "run %d: start-up %.2f s (%.2f s CPU), mark-read in %d-message INBOX %.3f s (%.2f s CPU), list of 102 during it %.3f s\n" \
        "$run" "$(echo "$ready - $start" | bc)" "$cpu_ready" "$COUNT" "$(cat "$WORK/put.time")" \
        "$(echo "$cpu_done - $cpu_ready" | bc)" "$list"
    kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=""
    rm -rf "$SPOOL"
done
