#!/usr/bin/env bash
# Evaluation benchmarks: compile time of each shipped ruleset, single-evaluation latency
# (p50/p99), throughput on one core and on all cores, and the CSV end-to-end run of 1M
# generated suppliers through the release `verdant` binary, with peak memory.
#
#   bash bench/eval/run.sh [ROWS]      (default 1000000)
#
# Why a script and not ordo-one/package-benchmark: the plugin adds jemalloc and a dozen
# packages to the build that CI would compile from scratch on every run; the throw-away
# package of bench/lib/build-bench.sh keeps the Verdant package itself free of benchmark
# targets and dependencies. Figures are printed, never asserted.
set -euo pipefail

ROWS="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/verdant-eval-bench}"
# The file name carries the generator's hash, so a changed generator never reuses old rows.
GENERATOR_HASH="$(sha256sum "$ROOT/examples/generate-suppliers.py" | cut -c1-12)"
CSV="$BENCH_DIR/suppliers-$ROWS-$GENERATOR_HASH.csv"

mkdir -p "$BENCH_DIR"
if [[ ! -f "$CSV" ]]; then
  python3 "$ROOT/examples/generate-suppliers.py" --rows "$ROWS" --seed 2013 --csv "$CSV"
fi

echo "== building (release)"
source "$ROOT/bench/lib/build-bench.sh"
build_bench "$ROOT" "$BENCH_DIR/pkg" EvalBench "$ROOT/bench/eval/EvalBench" Verdant
(cd "$ROOT" && swift build -c release --product verdant 2>&1 | tail -1)

echo "== machine: $(nproc) cores, $(uname -m), $(swift --version 2>&1 | head -1)"
"$BENCH_DIR/pkg/.build/release/EvalBench" "$ROOT" "$CSV"

echo "== CSV end to end: $ROWS suppliers, --format csv, all cores"
cat "$CSV" > /dev/null
# The lender's job: the rating outputs. Then every default output of the ruleset (scorecard
# record with 13 points, reason lists, intermediate lets), which is mostly output formatting.
for outputs in "credit_level score top_reasons" ""; do
  echo "-- outputs: ${outputs:-all defaults}"
  # shellcheck disable=SC2086
  /usr/bin/time -f "csv_end_to_end_seconds=%e peak_rss_kb=%M" \
    "$ROOT/.build/release/verdant" eval "$ROOT/rulesets/supplier-green-credit.verdant" \
    --input-csv "$CSV" --as-of 2026-03-01 --format csv ${outputs:+--output $outputs} \
    > "$BENCH_DIR/out.csv"
  echo "rows written: $(($(wc -l < "$BENCH_DIR/out.csv") - 1))"
done
