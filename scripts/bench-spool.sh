#!/usr/bin/env bash
# The spool backend against pbx-sim serving the same spool (issue 23): list and mark-read at
# 10,000 messages, release builds, and the system calls of one spool list.
# Usage: scripts/bench-spool.sh [messages] [runs]     (BIN=dir skips the build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${BIN:-}" ]]; then
    source scripts/setup-debian.sh
    swift build -c release --static-swift-stdlib --product vmtui >/dev/null
    swift build -c release --static-swift-stdlib --product pbx-sim >/dev/null
    BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi
exec python3 scripts/bench-spool.py --vmtui "$BIN/vmtui" --pbx-sim "$BIN/pbx-sim" --count "${1:-10000}" --runs "${2:-3}"
