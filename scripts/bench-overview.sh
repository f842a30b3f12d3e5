#!/usr/bin/env bash
# The support desk's overview over 500 mailboxes on pbx-sim (aim: under 2 s).
# Usage: scripts/bench-overview.sh [--debug] [mailboxes] [runs]
#   --debug uses the debug build already there (no release build; slower than a release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${1:-}" == "--debug" ]]; then
    shift
    bin=$(swift build --show-bin-path)
else
    swift build -c release --static-swift-stdlib --product vmtui >/dev/null
    swift build -c release --static-swift-stdlib --product pbx-sim >/dev/null
    bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi
exec python3 scripts/bench-overview.py --vmtui "$bin/vmtui" --pbx-sim "$bin/pbx-sim" \
  --count "${1:-500}" --runs "${2:-5}"
