#!/usr/bin/env bash
# Configures ./build-sanitize: clang with AddressSanitizer and UndefinedBehaviorSanitizer
# everywhere and libFuzzer coverage in the core and io libraries. scripts/sanitize.sh (the
# test suite) and scripts/fuzz.sh (the fuzzers) both build in it, so the instrumented libraries
# are compiled once. -O1 with line tables only: stacks still name file and line, and the build
# takes about half the time of -O2 -g. Assertions stay on (no NDEBUG).
set -euo pipefail
cd "$(dirname "$0")/.."
flags="-O1 -gline-tables-only"
CC=clang CXX=clang++ cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=$flags" \
  -DRADICULA_SANITIZE=ON -DRADICULA_FUZZ=ON -DRADICULA_BUILD_TESTS=ON >/dev/null
