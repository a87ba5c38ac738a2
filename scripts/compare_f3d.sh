#!/usr/bin/env bash
# Renders the shipped anatomy to PNG with `radicula --screenshot` and with F3D (`f3d --output`)
# and prints both whole-process times side by side: the median of N runs after one warm-up
# run each (so both read the files from the page cache), under one shared virtual X server.
# Usage: scripts/compare_f3d.sh [runs] [WxH]      (defaults: 7 runs, 1280x720)
# Installs F3D (Debian package f3d) if missing; builds Radicula if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
size=${2:-1280x720}
asset=assets/anatomy.glb
out=build/compare-f3d
mkdir -p "$out"

if [ -z "${DISPLAY:-}" ]; then
  bash scripts/setup.sh
  exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi
if ! command -v f3d >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing f3d (Debian package)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends f3d >/dev/null
fi
[ -x build/radicula ] || bash scripts/build.sh >/dev/null

# Milliseconds one command takes from exec to exit.
timed() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
measure() {
  "$@" >/dev/null 2>&1 # warm-up
  for _ in $(seq "$runs"); do timed "$@"; done | median
}

radicula_ui=$(measure build/radicula "$asset" --screenshot "$out/radicula.png" --size "$size")
radicula_bare=$(measure build/radicula "$asset" --screenshot "$out/radicula-no-ui.png" \
  --size "$size" --no-ui)
f3d_ms=$(measure f3d "$asset" --output "$out/f3d.png" --resolution "${size/x/,}")

renderer=$(glxinfo -B 2>/dev/null | sed -n 's/.*OpenGL renderer string: //p' || true)
echo "$asset to a ${size} PNG, median of $runs runs (renderer: ${renderer:-unknown}, $(nproc) cores)"
printf '  %-44s %6s ms\n' "radicula --screenshot (with the interface)" "$radicula_ui" \
  "radicula --screenshot --no-ui" "$radicula_bare" \
  "f3d --output ($(f3d --version 2>/dev/null | head -1))" "$f3d_ms"
echo "images: $out/"
