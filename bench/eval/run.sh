#!/usr/bin/env bash
# Evaluation benchmarks: compile time of each shipped ruleset, single-evaluation latency
# (p50/p99), throughput on one core and on all cores, and the CSV end-to-end run of 1M
# generated suppliers through the release `verdant` binary, with peak memory.
#
#   bash bench/eval/run.sh [ROWS]      (default 1000000)
#
# Why a script and not ordo-one/package-benchmark: the plugin adds jemalloc and a dozen
# packages to the build that CI would compile from scratch on every run; a nested release
# package whose targets are symlinks to this checkout's sources keeps the Verdant package
# itself free of benchmark targets and dependencies. Figures are printed, never asserted.
set -euo pipefail

ROWS="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/verdant-eval-bench}"
CSV="$BENCH_DIR/suppliers-$ROWS.csv"

mkdir -p "$BENCH_DIR/pkg/Sources"
if [[ ! -f "$CSV" ]]; then
  python3 "$ROOT/examples/generate-suppliers.py" --rows "$ROWS" --seed 2013 --csv "$CSV"
fi

for target in CLibXML2 VerdantValues VerdantSyntax VerdantSemantics VerdantRuntime VerdantCatalog Verdant; do
  ln -sfn "$ROOT/Sources/$target" "$BENCH_DIR/pkg/Sources/$target"
done
ln -sfn "$ROOT/bench/eval/EvalBench" "$BENCH_DIR/pkg/Sources/EvalBench"
cat > "$BENCH_DIR/pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
  name: "EvalBench",
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
    .target(name: "VerdantValues"),
    .target(name: "VerdantSyntax", dependencies: ["VerdantValues"]),
    .target(name: "VerdantSemantics", dependencies: ["VerdantSyntax", "VerdantValues"]),
    .target(name: "VerdantRuntime", dependencies: ["VerdantSemantics"]),
    .target(name: "VerdantCatalog", dependencies: ["VerdantValues", "VerdantSyntax", "CLibXML2"]),
    .target(name: "Verdant", dependencies: ["VerdantRuntime", "VerdantCatalog"]),
    .executableTarget(name: "EvalBench", dependencies: ["Verdant"]),
  ],
  swiftLanguageModes: [.v6]
)
SWIFT

echo "== building (release)"
(cd "$BENCH_DIR/pkg" && swift build -c release --product EvalBench 2>&1 | tail -1)
(cd "$ROOT" && swift build -c release --product verdant 2>&1 | tail -1)

echo "== machine: $(nproc) cores, $(uname -m), $(swift --version 2>&1 | head -1)"
"$BENCH_DIR/pkg/.build/release/EvalBench" "$ROOT" "$CSV"

echo "== CSV end to end: $ROWS suppliers, --format csv, all cores"
cat "$CSV" > /dev/null
/usr/bin/time -f "csv_end_to_end_seconds=%e peak_rss_kb=%M" \
  "$ROOT/.build/release/verdant" eval "$ROOT/rulesets/supplier-green-credit.verdant" \
  --input-csv "$CSV" --as-of 2025-09-01 --format csv > "$BENCH_DIR/out.csv"
echo "rows written: $(($(wc -l < "$BENCH_DIR/out.csv") - 1))"
