#!/usr/bin/env bash
# Sets everything up and opens the viewer. Arguments go to radicula (a scenario or model file).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec ./build/radicula "$@"
