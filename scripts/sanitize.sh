#!/usr/bin/env bash
# Builds the tests with AddressSanitizer and UndefinedBehaviorSanitizer in ./build-sanitize
# (clang, see scripts/configure_sanitized.sh) and runs them; any report fails the run.
# Usage: scripts/sanitize.sh [tier ...]   (tiers: core meshgen io ui gl app regression; default all)
# The GL and app tiers run under a virtual X server when there is no display.
set -euo pipefail
cd "$(dirname "$0")/.."
tiers=("$@")
((${#tiers[@]})) || tiers=(core meshgen io ui gl app regression)

bash scripts/setup.sh
bash scripts/configure_sanitized.sh
targets=()
needs_gl=0
for tier in "${tiers[@]}"; do
  targets+=("test_$tier")
  [[ $tier == gl || $tier == app ]] && needs_gl=1
done
((needs_gl)) && targets+=(radicula)
cmake --build build-sanitize -j2 --target "${targets[@]}"
if [[ " ${tiers[*]} " == *" meshgen "* ]] && [ -f package-lock.json ] &&
  [ ! -d node_modules/gltf-validator ]; then
  npm ci --silent --no-audit --no-fund >/dev/null
fi

# Stop at the first report of either sanitizer, with a stack; UBSan only prints by default.
# intercept_tls_get_addr=0: up to LLVM 16 the runtime takes a dynamic TLS block (Mesa's, here)
# whose start happens to sit 16 bytes into a page for a pre-2.25 glibc header and reads a bogus
# range from it, so now and then the leak check's tracer crashed at exit ("Tracer caught
# signal 11") after a test had passed. Without the interceptor every tier still runs clean.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:check_initialization_order=1:intercept_tls_get_addr=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"

plain=()
gl=()
for tier in "${tiers[@]}"; do
  if [[ $tier == gl || $tier == app ]]; then gl+=("$tier"); else plain+=("$tier"); fi
done
label() { local IFS='|'; echo "^($*)\$"; }
status=0
if ((${#plain[@]})); then
  ctest --test-dir build-sanitize --output-on-failure -j2 -L "$(label "${plain[@]}")" || status=1
fi
if ((${#gl[@]})); then
  run=()
  # -noreset: see scripts/test.sh.
  [ -n "${DISPLAY:-}" ] || run=(xvfb-run -a -s "-screen 0 1920x1080x24 -noreset")
  "${run[@]}" ctest --test-dir build-sanitize --output-on-failure -j2 -L "$(label "${gl[@]}")" ||
    status=1
fi
exit "$status"
