#!/usr/bin/env bash
# vmtui beside neomutt, the mail reader people would otherwise use on their voicemail-to-email
# copies: same messages, tmux 120x40, release builds, alternating runs, medians of 3.
# Prints the README's performance table. Usage: scripts/bench-peer.sh [counts] [runs] [--transcriptions]
#   e.g. scripts/bench-peer.sh 100,10000 3; scripts/bench-peer.sh 100 3 --transcriptions
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup-debian.sh
if ! command -v neomutt >/dev/null 2>&1; then
  echo "bench-peer: installing neomutt" >&2
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends neomutt >/dev/null
fi
bin=$(scripts/build-release)
exec python3 scripts/bench-peer.py --vmtui "$bin/vmtui" --pbx-sim "$bin/pbx-sim" \
  --counts "${1:-100,10000}" --runs "${2:-3}" "${@:3}"
