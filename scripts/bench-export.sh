#!/usr/bin/env bash
# `vmtui export` of 10,000 messages from pbx-sim: time and peak RSS (/usr/bin/time -v) of the
# full export and of the resume run that skips every complete file. Release builds.
# Usage: scripts/bench-export.sh [messages] [--debug]   (--debug: the debug build, no rebuild)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup-debian.sh
COUNT="${1:-10000}"
if [[ "${2:-}" == "--debug" ]]; then
    bin=.build/debug
else
    swift build -c release --static-swift-stdlib --product vmtui >/dev/null
    swift build -c release --static-swift-stdlib --product pbx-sim >/dev/null
    bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi
exec python3 scripts/bench-export.py --vmtui "$bin/vmtui" --pbx-sim "$bin/pbx-sim" --count "$COUNT"
