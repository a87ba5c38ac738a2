#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in ./build-sanitize (shared with
# scripts/sanitize.sh, see scripts/configure_sanitized.sh) and, for each target:
#   1. replays every saved crash input in tests/data/fuzz_regressions/<target>/, one at a time;
#   2. fuzzes for the given number of seconds (default 60) from a fixed seed (-seed=1), starting
#      from the seed corpus fuzz/corpus/<target>/ and the saved inputs.
# New inputs collect in build-sanitize/corpus/<target>; a crash, hang, leak or sanitizer report
# stops that target, is saved under build-sanitize/artifacts/ and makes the script exit 1.
# Usage: scripts/fuzz.sh [seconds] [target ...]
#   targets: scenario content gltf assimp mri symptoms link settings cli (default: all)
# RADICULA_FUZZ_JOBS=N runs N targets at a time (default 2, one a core); each still gets its
# seconds. RADICULA_FUZZ_RUNS=N runs N inputs per target instead of a time limit.
# RADICULA_FUZZ_KEEP=1 then merges the inputs that reached new code into fuzz/corpus/<target>/,
# so the committed seed corpus grows (commit it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(scenario content gltf assimp mri symptoms link settings cli)
jobs="${RADICULA_FUZZ_JOBS:-2}"

bash scripts/setup.sh
bash scripts/configure_sanitized.sh
cmake --build build-sanitize -j2 --target radicula_fuzzers

# Assimp's own leaks on refused files are suppressed (see scripts/lsan.supp for why).
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p build-sanitize/artifacts build-sanitize/logs
rm -f build-sanitize/logs/*.status
# The targets write their inputs to scratch files, and the settings and command line ones save
# as the app does, flushing to the disk: in memory (where there is /dev/shm) that costs nothing,
# on a disk it would take most of each input's time. A private folder, removed at the end.
scratch_parent=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && scratch_parent=/dev/shm
TMPDIR=$(mktemp -d "$scratch_parent/radicula-fuzz.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

# One target: the replay, then the timed run. Its exit status is the target's result.
fuzz_target() {
  local t=$1 log="build-sanitize/logs/$1.log" fuzzer="build-sanitize/fuzz/fuzz_$1"
  local saved=() limit=()
  if [ -d "tests/data/fuzz_regressions/$t" ]; then
    while IFS= read -r -d '' f; do saved+=("$f"); done < <(
      find "tests/data/fuzz_regressions/$t" -type f ! -name .gitkeep -print0 | sort -z)
  fi
  {
    echo "=== replay of ${#saved[@]} saved inputs"
    if ((${#saved[@]})); then "$fuzzer" -timeout=10 -rss_limit_mb=2048 "${saved[@]}" || return 3; fi
    echo "=== fuzzing"
    limit=(-max_total_time="$seconds")
    [ -n "${RADICULA_FUZZ_RUNS:-}" ] && limit=(-runs="$RADICULA_FUZZ_RUNS")
    mkdir -p "build-sanitize/corpus/$t"
    # -timeout: any single input taking 10 s is a hang (seeds read in milliseconds).
    # -rss_limit_mb: a reader that needs 2 GiB for a small file is a bug too.
    "$fuzzer" "${limit[@]}" -seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-sanitize/artifacts/$t-" \
      "build-sanitize/corpus/$t" "fuzz/corpus/$t" "tests/data/fuzz_regressions/$t" || return 4
    if [ -n "${RADICULA_FUZZ_KEEP:-}" ]; then
      echo "=== keeping what reached new code in fuzz/corpus/$t"
      "$fuzzer" -merge=1 -timeout=10 -rss_limit_mb=2048 "fuzz/corpus/$t" \
        "build-sanitize/corpus/$t" || return 5
    fi
  } >"$log" 2>&1
}

# At most $jobs targets at a time.
pids=()
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  (
    set +e
    fuzz_target "$t"
    echo $? >"build-sanitize/logs/$t.status"
  ) &
  pids+=($!)
done
wait "${pids[@]}" || true

failed=()
printf '%-9s %8s %7s %10s %8s %6s %6s  %s\n' target seconds replay executions exec/s cov ft \
  result
for t in "${targets[@]}"; do
  log="build-sanitize/logs/$t.log"
  status=$(cat "build-sanitize/logs/$t.status" 2>/dev/null || echo 9)
  replayed=$(sed -n 's/^=== replay of \([0-9]*\) saved inputs/\1/p' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  case $status in
    0) ;;
    3) result="FAILED replaying a saved input (see $log)" ;;
    *) result="FAILED (status $status, see $log)" ;;
  esac
  [ "$result" = ok ] || failed+=("$t")
  printf '%-9s %8s %7s %10s %8s %6s %6s  %s\n' "$t" "$seconds" "${replayed:-0}" \
    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
if ((${#failed[@]})); then
  for t in "${failed[@]}"; do
    echo "--- $t: build-sanitize/logs/$t.log"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written|logic_error' \
      "build-sanitize/logs/$t.log" | head -20
  done
  echo "fuzz: ${failed[*]} failed; keep the input in tests/data/fuzz_regressions/<target>/" >&2
  exit 1
fi
