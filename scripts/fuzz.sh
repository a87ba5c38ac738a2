#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in ./build-sanitize (shared with
# scripts/sanitize.sh, see scripts/configure_sanitized.sh) and runs each for the given
# number of seconds (default 60), starting from the seed corpus in fuzz/corpus/<target> and the
# saved crash inputs in tests/data/fuzz_regressions/<target> (so they replay under ASan). New
# inputs collect in build-sanitize/corpus/<target>; a crash, hang, leak or sanitizer report stops
# that target, is saved under build-sanitize/artifacts/ and makes the script exit 1.
# Usage: scripts/fuzz.sh [seconds] [target ...]   (targets: scenario content gltf assimp mri symptoms link)
# RADICULA_FUZZ_RUNS=N runs N inputs per target from a fixed seed instead of a time limit: the
# same inputs on every machine, so a CI run cannot fail by chance (CI uses this).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(scenario content gltf assimp mri symptoms link)

bash scripts/setup.sh
bash scripts/configure_sanitized.sh
cmake --build build-sanitize -j2 --target radicula_fuzzers

# Assimp's own leaks on refused files are suppressed (see scripts/lsan.supp for why).
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p build-sanitize/artifacts build-sanitize/logs
failed=()
printf '%-9s %8s %10s %8s %6s %6s  %s\n' target seconds executions exec/s cov ft result
for t in "${targets[@]}"; do
  mkdir -p "build-sanitize/corpus/$t"
  log="build-sanitize/logs/$t.log"
  status=0
  # -timeout: any single input taking 10 s is a hang (seeds read in milliseconds).
  # -rss_limit_mb: a reader that needs 2 GiB for a small file is a bug too.
  limit=(-max_total_time="$seconds")
  [ -n "${RADICULA_FUZZ_RUNS:-}" ] && limit=(-runs="$RADICULA_FUZZ_RUNS" -seed=1)
  "build-sanitize/fuzz/fuzz_$t" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-sanitize/artifacts/$t-" \
    "build-sanitize/corpus/$t" "fuzz/corpus/$t" "tests/data/fuzz_regressions/$t" >"$log" 2>&1 ||
    status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if ((status != 0)); then
    result="FAILED (exit $status, see $log)"
    failed+=("$t")
  fi
  printf '%-9s %8s %10s %8s %6s %6s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "$result"
done
if ((${#failed[@]})); then
  for t in "${failed[@]}"; do
    echo "--- $t: build-sanitize/logs/$t.log"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "build-sanitize/logs/$t.log" | head -20
  done
  echo "fuzz: ${failed[*]} failed; keep the input in tests/data/fuzz_regressions/<target>/" >&2
  exit 1
fi
