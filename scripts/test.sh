#!/usr/bin/env bash
# Sets everything up and runs every test, GL tests included (under a virtual X server when
# there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The Khronos glTF validator (npm) checks the generated assets in the meshgen tests.
if [ -f package-lock.json ] && [ ! -d node_modules/gltf-validator ]; then
  npm ci --silent --no-audit --no-fund >/dev/null
fi
run=()
# -noreset: Xvfb otherwise resets whenever its last client leaves, and a test that connects
# at that moment is refused ("Failed to open display").
if [ -z "${DISPLAY:-}" ]; then
  run=(xvfb-run -a -s "-screen 0 1920x1080x24 -noreset")
fi
"${run[@]}" ctest --test-dir build --output-on-failure -j2 "$@"
# The web page, built with emscripten and driven in headless Chromium (RADICULA_WEB_TESTS=0
# leaves it out, e.g. while working on the desktop app alone; never under CI).
if [ -n "${CI:-}" ] && [ "${CI}" != false ] && [ "${CI}" != 0 ]; then
  [ "${RADICULA_WEB_TESTS:-1}" != 0 ] || echo "test.sh: CI is set: RADICULA_WEB_TESTS=0 is ignored"
  bash scripts/test_web.sh
elif [ "${RADICULA_WEB_TESTS:-1}" != 0 ]; then
  bash scripts/test_web.sh
fi
