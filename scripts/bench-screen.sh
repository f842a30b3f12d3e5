#!/bin/sh
# Screen benchmark with 10,000 messages in one folder:
#  1. App.update + App.render for one `j` (release build of vmtui-bench), median and worst;
#  2. bytes the real vmtui writes to the terminal for one `j`: vmtui runs under script(1)
#     inside tmux, against pbx-sim on a loopback port with a generated 10k-message spool.
# Usage: scripts/bench-screen.sh [messages] [presses]
#   BENCH_BYTES_ONLY=1  skips part 1;  VMTUI_BIN=path  measures another vmtui binary (before/after).
set -eu
cd "$(dirname "$0")/.."
messages=${1:-10000}
presses=${2:-1000}
vmtui_bin=${VMTUI_BIN:-$PWD/.build/debug/vmtui}

if [ -z "${BENCH_BYTES_ONLY:-}" ]; then
    swift build -c release --product vmtui-bench >/dev/null
    .build/release/vmtui-bench "$messages" "$presses"
fi

swift build --product vmtui >/dev/null
swift build --product pbx-sim >/dev/null
work=$(mktemp -d /tmp/vmtui-bench.XXXXXX)
socket="vmtui-bench-$$"
sim_pid=""
cleanup() {
    # script(1) outlives the tmux pane it ran in; end it and the vmtui inside it first.
    pkill -f -- "$work/typescript" 2>/dev/null || true
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Seed the demo, then clone one of Alice's New messages into $messages spool entries.
timeout 10 .build/debug/pbx-sim --data "$work/pbx" --seed demo --port 0 >/dev/null 2>&1 || true
inbox="$work/pbx/101/INBOX"
template_txt=$(mktemp)
cp "$inbox/msg0000.txt" "$template_txt"
cp "$inbox/msg0000.wav" "$work/clip.wav"
rm -f "$inbox"/msg*
i=0
while [ "$i" -lt "$messages" ]; do
    name=$(printf 'msg%04d' "$i")
    sed -e "s/^msg_id=.*/msg_id=17900$(printf '%05d' "$i")-bench$i/" \
        -e "s/^origtime=.*/origtime=$((1790000000 - i * 600))/" \
        -e "s/^callerid=.*/callerid=\"Caller $i\" <$((100 + i % 900))>/" "$template_txt" > "$inbox/$name.txt"
    ln "$work/clip.wav" "$inbox/$name.wav"
    i=$((i + 1))
done
rm -f "$template_txt"

port_file="$work/sim.out"
.build/debug/pbx-sim --data "$work/pbx" --port 0 --capacity $((messages + 100)) >"$port_file" 2>"$work/sim.log" &
sim_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$port_file" "$work/sim.log" 2>/dev/null && break; sleep 0.2; done
url=$(grep -oh 'http://127.0.0.1:[0-9]*' "$port_file" "$work/sim.log" | head -1)

tmux -L "$socket" new-session -d -x 120 -y 40 \
    "TERM=tmux-256color LANG=C.UTF-8 HOME=$work XDG_CONFIG_HOME=$work/c XDG_STATE_HOME=$work/s XDG_CACHE_HOME=$work/k VMTUI_TOKEN=demo-101 script -qfc '$vmtui_bin --server $url' $work/typescript"
for _ in $(seq 1 300); do tmux -L "$socket" capture-pane -p | grep -q "Caller 0" && break; sleep 0.1; done
sleep 1
sizes=""
for _ in $(seq 1 20); do
    before=$(stat -c %s "$work/typescript")
    tmux -L "$socket" send-keys j
    # Wait until the output stops growing.
    last=-1
    while :; do
        sleep 0.15
        now=$(stat -c %s "$work/typescript")
        [ "$now" = "$last" ] && break
        last=$now
    done
    sizes="$sizes $((now - before))"
done
echo "bytes written per j (20 presses):$sizes"
[ -n "${BENCH_SHOW_BYTES:-}" ] && tail -c "$((now - before))" "$work/typescript" | od -c | head -40
echo "$sizes" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "bytes per j: median %d, max %d\n", a[int((NR+1)/2)], a[NR]}'
