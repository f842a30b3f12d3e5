#!/usr/bin/env bash
# Time from "play requested" (launching `vmtui play ID`) to the player's process start and
# to its first read of audio bytes, for a 5 s and a 180 s message served by pbx-sim over
# loopback. The player is a stand-in that timestamps itself, so the numbers measure vmtui,
# not an audio device. Usage: scripts/bench-play.sh [runs per case, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"

swift build --product vmtui >/dev/null 2>&1
swift build --product pbx-sim >/dev/null 2>&1
BIN="$(swift build --show-bin-path)"

WORK="$(mktemp -d)"
SIM_PID=""
cleanup() {
    if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
[ -n "${BENCH_KEEP:-}" ] && trap - EXIT

"$BIN/pbx-sim" --data "$WORK/spool" --seed demo --port 0 --log-file "$WORK/sim.log" >"$WORK/sim.out" &
SIM_PID=$!
URL=""
for _ in $(seq 1 200); do
    URL="$(sed -n 's/^listening on //p' "$WORK/sim.out")"
    [ -n "$URL" ] && break
    sleep 0.05
done
[ -n "$URL" ] || { echo "pbx-sim did not start" >&2; exit 1; }
URL="${URL%/}"

deposit() { # seconds -> message id
    sox -n -r 8000 -c 1 -b 16 "$WORK/msg-$1.wav" synth "$1" sine 440 vol 0.3
    curl -sf -H "Authorization: Bearer demo-101" -H "Content-Type: audio/wav" \
        --data-binary @"$WORK/msg-$1.wav" "$URL/api/v1/VoiceMail?mailbox=101&callerNumber=5550100" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["id"])'
}
ID5="$(deposit 5)"
ID180="$(deposit 180)"

printf 'server = "%s"\nmark_read_on = "never"\n' "$URL" >"$WORK/config.toml"
mkdir -p "$WORK/bin"
# Named like the players they stand for: "mpv" is fed on stdin as the audio arrives,
# "paplay" gets the private file once it is complete.
for name in mpv paplay; do
    cat >"$WORK/bin/$name" <<'SCRIPT'
#!/bin/sh
date +%s%N >"$BENCH_OUT.start"
for last; do :; done
if [ "$last" = "-" ]; then head -c 4096 >/dev/null; else head -c 4096 "$last" >/dev/null; fi
date +%s%N >"$BENCH_OUT.first"
[ "$last" = "-" ] && cat >/dev/null
exit 0
SCRIPT
    chmod +x "$WORK/bin/$name"
done

run_case() { # label player id
    local label="$1" player="$2" id="$3" starts=() firsts=()
    for i in $(seq 1 "$RUNS"); do
        export BENCH_OUT="$WORK/t-$i"
        t0=$(date +%s%N)
        VMTUI_TOKEN=demo-101 "$BIN/vmtui" play "$id" --config "$WORK/config.toml" \
            --player "$WORK/bin/$player {file}" </dev/null 2>"$WORK/play.err" || {
            echo "vmtui play failed: $(cat "$WORK/play.err")" >&2; exit 1; }
        starts+=($(( ($(cat "$BENCH_OUT.start") - t0) / 1000000 )))
        firsts+=($(( ($(cat "$BENCH_OUT.first") - t0) / 1000000 )))
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    printf '%-26s start %4s ms   first bytes read %4s ms   (median of %s; runs: %s)\n' \
        "$label" "$(median "${starts[@]}")" "$(median "${firsts[@]}")" "$RUNS" "${firsts[*]}"
    echo "$(median "${firsts[@]}")" >"$WORK/median-$label"
}

echo "vmtui play: play requested -> player started / first audio bytes read (loopback, $URL)"
run_case "5s-stream(mpv)" mpv "$ID5"
run_case "180s-stream(mpv)" mpv "$ID180"
run_case "5s-file(paplay)" paplay "$ID5"
run_case "180s-file(paplay)" paplay "$ID180"
a=$(cat "$WORK/median-5s-stream(mpv)"); b=$(cat "$WORK/median-180s-stream(mpv)")
python3 -c "print(f'ratio 180 s / 5 s (streamed, first bytes): {$b/max($a,1):.2f}')"
