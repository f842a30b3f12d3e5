#!/bin/sh
# Start-up cost of a vmtui binary: `vmtui --version` wall time (median, min and max of N runs,
# each a new process) and peak resident memory, plus the binary's size.
# Usage: scripts/bench-startup.sh [binary] [runs]   (default: the static release build)
set -eu
cd "$(dirname "$0")/.."
binary=${1:-}
runs=${2:-30}
if [ -z "$binary" ]; then binary="$(scripts/build-release)/vmtui"; fi
"$binary" --version >/dev/null  # warm the page cache
times=""
rss=""
i=0
while [ "$i" -lt "$runs" ]; do
    start=$(date +%s%N)
    "$binary" --version >/dev/null
    end=$(date +%s%N)
    times="$times $(((end - start) / 1000))"
    rss="$rss $(/usr/bin/time -f %M "$binary" --version 2>&1 >/dev/null | tail -1)"  # KiB
    i=$((i + 1))
done
echo "$binary: $(stat -c %s "$binary" | awk '{printf "%.1f MB", $1 / 1e6}')"
echo "$times" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "vmtui --version: median %.1f ms (min %.1f, max %.1f) over %d runs\n", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000, NR}'
echo "$rss" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "peak RSS: median %.1f MB\n", a[int((NR+1)/2)]/1024}'
