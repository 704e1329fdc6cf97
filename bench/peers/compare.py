#!/usr/bin/env python3
"""Rates the same generated suppliers with Verdant and three peer engines, checks that every
engine gives every supplier the same credit level, and prints evaluations per second.

    pip install zen-engine==2.1.3 common-expression-language==0.10.0 regopy==1.5.2
    swift build -c release --product verdant
    python3 bench/peers/compare.py [--rows 100000]

A mismatch on any supplier prints the first ones and exits 1. Peer inputs are built as Python
dicts before timing (their input parsing is excluded); Verdant's figure is the `verdant eval
--input-csv` run end to end, CSV parsing and process start included, so it is conservative.
Decimals reach the peers as binary floats (none of them has exact decimals); the thresholds
are whole numbers and the generated rates have one decimal, so no comparison is affected.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import cel
import regopy
import zen

from supplier_rating import CEL_CREDIT_LEVEL, REGO_MODULE, zen_graph

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLOATS = ["discharge_compliance_rate", "solid_waste_disposal_rate", "boundary_noise_exceedance_dba"]


def timed(label, rows, run):
    start = time.perf_counter()
    levels = run()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {rows / seconds:>12,.0f} evaluations/s  ({seconds:.2f} s)")
    return levels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", default="/tmp/verdant-peers")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    csv = os.path.join(args.dir, f"suppliers-{args.rows}.csv")
    jsonl = os.path.join(args.dir, f"suppliers-{args.rows}.jsonl")
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/generate-suppliers.py"),
                    "--rows", str(args.rows), "--seed", "2013", "--csv", csv, "--jsonl", jsonl],
                   check=True)
    suppliers = [json.loads(line) for line in open(jsonl)]
    for supplier in suppliers:
        for field in FLOATS:
            supplier[field] = float(supplier[field])
    rows = len(suppliers)
    print(f"{rows:,} suppliers, seed 2013; {os.cpu_count()} cores\n")

    verdant = os.path.join(ROOT, ".build/release/verdant")

    def run_verdant():
        output = subprocess.run(
            [verdant, "eval", os.path.join(ROOT, "rulesets/supplier-green-credit.verdant"),
             "--input-csv", csv, "--as-of", "2025-09-01", "--output", "credit_level",
             "--format", "csv"], check=True, capture_output=True, text=True).stdout
        return [line.split(",")[1] for line in output.splitlines()[1:]]

    results = {"verdant": timed("Verdant (CLI, CSV end to end, all cores)", rows, run_verdant)}

    program = cel.compile(CEL_CREDIT_LEVEL)
    results["cel"] = timed("CEL (compiled program, one call per supplier)", rows,
                           lambda: [program.execute({"s": s}) for s in suppliers])

    rego = regopy.Interpreter()
    rego.add_module("supplier", REGO_MODULE)

    def run_rego():
        # One query per 10,000 suppliers: rego-cpp's single query over all 100,000 did not
        # return a JSON answer.
        levels = []
        for start in range(0, rows, 10_000):
            rego.set_input({"suppliers": suppliers[start:start + 10_000]})
            output = rego.query("x = data.supplier.levels")
            if not output.ok():
                raise SystemExit(f"rego failed: {str(output)[:300]}")
            levels += json.loads(str(output))["bindings"]["x"]
        return levels

    results["rego"] = timed("OPA Rego via rego-cpp (a query per 10k)", rows, run_rego)

    graph = json.dumps(zen_graph())
    engine = zen.ZenEngine({"loader": lambda key: graph})

    def run_zen():
        answers = engine.evaluate_batch([{"key": "supplier", "context": s} for s in suppliers])
        return [answer["data"]["result"]["credit_level"] for answer in answers]

    results["zen"] = timed("GoRules ZEN decision tables (evaluate_batch)", rows, run_zen)

    mismatches = [(index, {name: levels[index] for name, levels in results.items()})
                  for index in range(rows)
                  if len({levels[index] for levels in results.values()}) != 1]
    for name, levels in results.items():
        if len(levels) != rows:
            print(f"\n{name} returned {len(levels)} results for {rows} suppliers")
            sys.exit(1)
    if mismatches:
        print(f"\n{len(mismatches)} suppliers rated differently; the first:")
        for index, levels in mismatches[:10]:
            print(f"  {suppliers[index]['id']}: {levels}")
        sys.exit(1)
    counts = {level: results["verdant"].count(level) for level in ["green", "blue", "yellow", "red"]}
    print(f"\nidentical credit levels for all {rows:,} suppliers in all four engines: {counts}")


if __name__ == "__main__":
    main()
