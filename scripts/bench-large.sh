#!/usr/bin/env bash
# A very large mailbox (100,000 messages across the twelve folders by default) and resizes:
# first row, scrolling while pages arrive, resize repaint. Release builds, tmux 120x40.
# Usage: scripts/bench-large.sh [messages] [runs] [presses]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup-debian.sh
swift build -c release --static-swift-stdlib --product vmtui >/dev/null
swift build -c release --static-swift-stdlib --product pbx-sim >/dev/null
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
exec python3 scripts/bench-large.py --vmtui "$bin/vmtui" --pbx-sim "$bin/pbx-sim" \
  --count "${1:-100000}" --runs "${2:-3}" --presses "${3:-300}"
