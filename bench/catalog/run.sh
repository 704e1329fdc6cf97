#!/usr/bin/env bash
# Measures the catalog importer against `xmllint --stream --noout` on a synthetic catalog, then a
# snapshot write and load of the same table. Timings are reported, never asserted.
#
#   bash bench/catalog/run.sh [SIZE_MB]        (default 100)
#
# xmllint and the import run alternately, RUNS times each (default 5), so that load from
# other processes on the machine hits both alike; the summary gives medians and their ratio.
# Builds the driver in a temporary release package in $BENCH_DIR (default /tmp/catalog-bench),
# see bench/lib/build-bench.sh.
set -euo pipefail

SIZE_MB="${1:-100}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/catalog-bench}"
XML="$BENCH_DIR/catalog-${SIZE_MB}mb.xml"
SNAPSHOT="$BENCH_DIR/catalog-${SIZE_MB}mb.vcat"
RUNS="${RUNS:-5}"

mkdir -p "$BENCH_DIR"
if [[ ! -f "$XML" ]]; then
  python3 "$ROOT/bench/catalog/generate.py" --size-mb "$SIZE_MB" --seed 2763 --output "$XML"
fi

if ! command -v xmllint >/dev/null; then
  apt-get install -y libxml2-utils >/dev/null
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== libxml2 $(xmllint --version 2>&1 | head -1 | awk '{print $NF}')"

echo "== building catalog-bench (release)"
source "$ROOT/bench/lib/build-bench.sh"
build_bench "$ROOT" "$BENCH_DIR/pkg" CatalogBench "$ROOT/bench/catalog/CatalogBench" \
  VerdantCatalog VerdantValues
BIN="$BENCH_DIR/pkg/.build/release/CatalogBench"

# Warm the page cache so both tools read from memory.
cat "$XML" >/dev/null

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

echo "== streaming alone: a record path that matches nothing (constant memory)"
"$BIN" scan "$XML" -
echo "== xmllint --stream --noout and import (release), alternating, $RUNS runs each"
TIMEFORMAT='xmllint_seconds=%R'
for _ in $(seq "$RUNS"); do
  { time xmllint --stream --noout "$XML"; } 2>&1 | tee -a "$LOG"
  "$BIN" import "$XML" - | grep -E '^import_seconds' | tee -a "$LOG"
done
echo "== one more import, with its table layout, then the snapshot write"
# No snapshot yet: its write hashes the XML (a rewrite for an unchanged XML reuses the digest).
rm -f "$SNAPSHOT"
"$BIN" import "$XML" "$SNAPSHOT"
echo "== the snapshot written again, the XML unchanged (the stored digest is reused)"
"$BIN" import "$XML" "$SNAPSHOT" | grep -E '^snapshot_write'
echo "== snapshot load, $RUNS runs (separate processes; XML unchanged: size and time checked)"
for _ in $(seq "$RUNS"); do "$BIN" load "$XML" "$SNAPSHOT" | tee -a "$LOG"; done
echo "== hashing throughput on the XML (SHA-256 for the XML's identity, XXH64 for snapshot bodies)"
"$BIN" sha256 "$XML" -

median() {
  grep -o "$1=[0-9.]*" "$LOG" | cut -d= -f2 | sort -n | awk '{v[NR] = $1} END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
XMLLINT="$(median xmllint_seconds)"
IMPORT="$(median import_seconds)"
LOAD="$(median snapshot_load_seconds)"
echo "== summary (medians of $RUNS runs)"
echo "xmllint_seconds=$XMLLINT import_seconds=$IMPORT snapshot_load_seconds=$LOAD"
awk -v x="$XMLLINT" -v i="$IMPORT" -v l="$LOAD" 'BEGIN {
  printf "import/xmllint=%.2f (target <= 2)  import/load=%.0f (target >= 10)\n", i / x, i / l }'
