#!/usr/bin/env bash
# Benchmarks the scriptable CLI against a local pbx-sim (release build):
#   1. median wall time of `vmtui list --json` on a mailbox holding 100 messages (aim < 50 ms);
#   2. download throughput and peak memory (max RSS) for two large audio files, to show that
#      memory stays flat as the file grows (the audio is streamed to disk).
# Usage: scripts/bench-cli.sh [--skip-build] [RUNS]
set -euo pipefail

cd "$(dirname "$0")/.."
SKIP_BUILD=0
if [[ "${1:-}" == "--skip-build" ]]; then SKIP_BUILD=1; shift; fi
RUNS="${1:-30}"

if [[ $SKIP_BUILD -eq 0 ]]; then
    swift build -c release --product pbx-sim
    swift build -c release --product vmtui
fi
BIN="$(swift build -c release --show-bin-path)"
VMTUI="$BIN/vmtui"
SIM="$BIN/pbx-sim"

WORK="$(mktemp -d /tmp/vmtui-bench.XXXXXX)"
SIM_PID=""
cleanup() {
    [[ -n "$SIM_PID" ]] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$SIM" --data "$WORK/spool" --seed demo --capacity 1000 --log-file "$WORK/sim.log" >"$WORK/sim.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 100); do
    grep -q "listening on" "$WORK/sim.out" 2>/dev/null && break
    sleep 0.1
done
SERVER="$(grep -o 'http://[0-9.:]*' "$WORK/sim.out" | head -1)"
[[ -n "$SERVER" ]] || { echo "pbx-sim did not start" >&2; cat "$WORK/sim.out" >&2; exit 1; }

# A one-second telephony WAV to deposit 100 times into mailbox 103.
python3 - "$WORK/one.wav" <<'PY'
import struct, sys
rate, seconds = 8000, 1
data = bytes((i * 7) % 256 for i in range(rate * 2 * seconds))
header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", len(data))
open(sys.argv[1], "wb").write(header + data)
PY
existing="$(VMTUI_TOKEN=demo-103 "$VMTUI" --server "$SERVER" list --folder all --json --limit 1000 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
for i in $(seq $((100 - existing))); do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer demo-101" -H "Content-Type: audio/wav" \
        --data-binary @"$WORK/one.wav" "$SERVER/api/v1/VoiceMail?mailbox=103&callerNumber=%2B4930$i&callerName=Caller%20$i"
done
count="$(VMTUI_TOKEN=demo-103 "$VMTUI" --server "$SERVER" list --folder all --json --limit 1000 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
echo "mailbox 103 holds $count messages"

export VMTUI_TOKEN=demo-103
LIST=("$VMTUI" --server "$SERVER" list --folder all --limit 100 --json)
echo
echo "== vmtui list --json (100 messages), $RUNS runs =="
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$RUNS" --export-json "$WORK/h.json" "${LIST[*]} >/dev/null"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(f"median {r[\"median\"]*1000:.1f} ms")' "$WORK/h.json"
else
    for _ in 1 2 3; do "${LIST[@]}" >/dev/null; done
    times=()
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        "${LIST[@]}" >/dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.1f ms (min %.1f, max %.1f) over %d runs\n", m/1000, a[1]/1000, a[NR]/1000, NR}'
fi

# Large downloads: replace the audio of one message in the spool with a big WAV-headed file.
ID="$("$VMTUI" --server "$SERVER" list --folder all --limit 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
TXT="$(grep -rl "msg_id=$ID" "$WORK/spool/103")"
AUDIO="${TXT%.txt}.wav"
echo
echo "== download throughput and peak memory =="
for MB in 64 512; do
    head -c 44 "$WORK/one.wav" > "$AUDIO.tmp"
    head -c $((MB * 1024 * 1024 - 44)) /dev/urandom >> "$AUDIO.tmp"
    mv "$AUDIO.tmp" "$AUDIO"
    rm -f "$WORK/out.wav"
    /usr/bin/time -v "$VMTUI" --server "$SERVER" download "$ID" -o "$WORK/out.wav" 2>"$WORK/time.txt"
    cmp -s "$AUDIO" "$WORK/out.wav" || { echo "downloaded file differs from the spool" >&2; exit 1; }
    python3 - "$WORK/time.txt" "$MB" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
mb = int(sys.argv[2])
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
h, m, s = wall.groups()
seconds = (int(h) if h else 0) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{mb:4d} MiB: {seconds:.2f} s, {mb / seconds:.0f} MiB/s, max RSS {rss / 1024:.1f} MiB")
PY
done
