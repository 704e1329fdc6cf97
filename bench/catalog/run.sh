#!/usr/bin/env bash
# Measures the catalog importer against `xmllint --stream` on a synthetic catalog, then a
# snapshot write and load of the same table. Timings are reported, never asserted.
#
#   bash bench/catalog/run.sh [SIZE_MB]        (default 100)
#
# Builds a temporary release package in $BENCH_DIR (default /tmp/catalog-bench) whose targets
# are symlinks to this checkout's sources, so the Verdant package itself gains no target.
set -euo pipefail

SIZE_MB="${1:-100}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/catalog-bench}"
XML="$BENCH_DIR/catalog-${SIZE_MB}mb.xml"
SNAPSHOT="$BENCH_DIR/catalog-${SIZE_MB}mb.vcat"

mkdir -p "$BENCH_DIR/pkg/Sources"
if [[ ! -f "$XML" ]]; then
  python3 "$ROOT/bench/catalog/generate.py" --size-mb "$SIZE_MB" --seed 2763 --output "$XML"
fi

if ! command -v xmllint >/dev/null; then
  apt-get install -y libxml2-utils >/dev/null
fi

# Warm the page cache so both tools read from memory.
cat "$XML" >/dev/null

RUNS="${RUNS:-3}"
echo "== xmllint --stream --noout (libxml2 $(xmllint --version 2>&1 | head -1 | awk '{print $NF}')), $RUNS runs"
TIMEFORMAT='xmllint_seconds=%R'
for _ in $(seq "$RUNS"); do time xmllint --stream --noout "$XML"; done

echo "== building catalog-bench (release)"
for target in CLibXML2 VerdantValues VerdantSyntax VerdantCatalog; do
  ln -sfn "$ROOT/Sources/$target" "$BENCH_DIR/pkg/Sources/$target"
done
ln -sfn "$ROOT/bench/catalog/CatalogBench" "$BENCH_DIR/pkg/Sources/CatalogBench"
cat > "$BENCH_DIR/pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "CatalogBench",
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
    .target(name: "VerdantValues"),
    .target(name: "VerdantSyntax", dependencies: ["VerdantValues"]),
    .target(name: "VerdantCatalog", dependencies: ["VerdantValues", "VerdantSyntax", "CLibXML2"]),
    .executableTarget(name: "CatalogBench", dependencies: ["VerdantCatalog", "VerdantValues"]),
  ],
  swiftLanguageModes: [.v6]
)
SWIFT
(cd "$BENCH_DIR/pkg" && swift build -c release --product CatalogBench 2>&1 | tail -1)
BIN="$BENCH_DIR/pkg/.build/release/CatalogBench"

echo "== streaming alone: a record path that matches nothing (constant memory)"
"$BIN" scan "$XML" -
echo "== import (release), $RUNS runs, the last one then writes the snapshot"
rm -f "$SNAPSHOT"
for _ in $(seq $((RUNS - 1))); do "$BIN" import "$XML" -; done
"$BIN" import "$XML" "$SNAPSHOT"
echo "== snapshot load, $RUNS runs (separate processes; XML unchanged: size and time checked)"
for _ in $(seq "$RUNS"); do "$BIN" load "$XML" "$SNAPSHOT"; done
