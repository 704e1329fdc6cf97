#!/usr/bin/env python3
"""Rates the same generated suppliers with Verdant and three peer engines (GoRules ZEN, CEL,
OPA Rego), gives each supplier's subsidy application the tier of the `subsidy_tier` table,
checks that every engine gives every supplier the same credit level and the same tier, and
prints evaluations per second for each engine, the rating and the tier timed separately.

    pip install zen-engine==2.1.3 common-expression-language==0.10.0 regopy==1.5.2
    swift build -c release --product verdant
    python3 bench/peers/compare.py [--rows 100000] [--seed 2013]

Steps, all as of 2026-03-01:

1. `examples/generate-suppliers.py --rows N --seed 2013 --csv … --jsonl …`;
2. the rating: `verdant eval rulesets/supplier-green-credit.verdant --input-csv suppliers.csv
   --format csv --output credit_level --as-of 2026-03-01`;
3. the applicants, one per supplier, written to applicants.csv: id `A-…`, the supplier's name,
   region and green-factory listing (`none` is `unlisted`), the credit level Verdant gave it,
   the supplier's last violation, and from a random generator seeded per row
   (`random.Random(f"{seed}:{supplier id}")`): a carbon reduction of -5.0% … 25.0% with one
   decimal, the project investment and the subsidy received so far; 3% of the applicants are
   registered in a region of the hierarchy the generator never uses (CN itself, EU, DE, FR,
   NL, IT, NZ, CH), so that the table's `in CN` column is exercised;
4. the tier: `verdant eval rulesets/green-subsidy-tiers.verdant --input-csv applicants.csv
   --format csv --output subsidy_tier --as-of 2026-03-01`;
5. each peer (bench/peers/supplier_rating.py) computes the credit level from the supplier and
   the tier from the applicant.

A difference in any supplier's level or tier between any two engines prints the first ones
and exits 1; the check is exact string equality, row by row. The table printed at the end has
the rating and the tier timed separately for every engine.

What is timed: for Verdant, each whole `verdant eval --input-csv` run (process start, CSV
parsing and writing included, so its figures are conservative). For the peers, only the
evaluation: their inputs are built as Python dicts before the clock starts (with the integer
encoding described in supplier_rating.py: tenths, whole CNY, yyyymmdd dates, because none of
them reads decimals exactly); the CEL programs are compiled, the Rego module is loaded and
the ZEN engine is created beforehand (ZEN loads its graph at the first evaluation, on the
clock). Each peer uses its batch API where it has one (ZEN `evaluate_batch`; Rego one
`set_input` and query per 10,000 rows, the input conversion timed; CEL has none, so one call
per row).
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time
from decimal import Decimal

import cel
import regopy
import zen

from supplier_rating import (CEL_CREDIT_LEVEL, CEL_SUBSIDY_TIER, PARENTS, REGO_MODULE,
                             zen_rating_graph, zen_subsidy_graph)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AS_OF = "2026-03-01"
LEVELS = ["green", "blue", "yellow", "red"]
TIERS = ["gold", "silver", "bronze", "none"]
OTHER_REGIONS = ["CN", "EU", "DE", "FR", "NL", "IT", "NZ", "CH"]
APPLICANT_COLUMNS = ["id", "name", "region", "credit_level", "carbon_reduction", "green_factory",
                     "project_investment", "received_for_project", "received_to_date",
                     "last_violation"]
REGO_CHUNK = 10_000

# ---------------------------------------------------------------- exact integer encoding

def scaled(value, factor):
    """`value` (a Decimal, or an int) times `factor`, which must be a whole number."""
    result = Decimal(value) * factor
    if result != result.to_integral_value():
        raise SystemExit(f"{value} needs more places than the peers' encoding (x{factor}) keeps")
    return int(result)


def money(text):
    """'123 CNY' (JSONL) to whole CNY."""
    amount, currency = text.split()
    assert currency == "CNY", text
    return scaled(Decimal(amount), 1)


def date(text):
    """'2025-03-04' to 20250304; None stays None."""
    if text is None:
        return None
    if text[5:] == "02-29":
        raise SystemExit(f"{text}: `+ 12 months` as `+ 10000` needs no 29 February")
    return int(text.replace("-", ""))


def intensity_fits(numerator):
    if numerator >= 2 ** 53:
        raise SystemExit(f"intensity numerator {numerator} is beyond 2^53: floats are not exact")


def peer_supplier(record):
    """The supplier as the peers get it (see supplier_rating.py)."""
    supplier = {
        "id": record["id"], "name": record["name"], "region": record["region"],
        "sector": record["sector"], "revenue": money(record["revenue"]),
        "emissions_tco2e_x10": scaled(record["emissions_tco2e"], 10),
        "energy_tce_x10": scaled(record["energy_tce"], 10),
        "packaging_recycling_rate_x10": scaled(record["packaging_recycling_rate"], 10),
        "discharge_compliance_rate_x10": scaled(record["discharge_compliance_rate"], 10),
        "solid_waste_disposal_rate_x10": scaled(record["solid_waste_disposal_rate"], 10),
        "hazwaste_assessment": record["hazwaste_assessment"],
        "boundary_noise_exceedance_dba_x10": scaled(record["boundary_noise_exceedance_dba"], 10),
        "siting_redline_ok": record["siting_redline_ok"],
        "certifications": sorted(set(record["certifications"])),
        "green_factory": record["green_factory"], "disclosure": record["disclosure"],
        "violations_3y": record["violations_3y"], "penalties_3y": money(record["penalties_3y"]),
        "major_incident_3y": record["major_incident_3y"],
        "refused_penalty": record["refused_penalty"],
        "responsible_person_detained": record["responsible_person_detained"],
        "transferred_to_police": record["transferred_to_police"],
        "last_violation": date(record["last_violation"]),
        "rectified_on": date(record["rectified_on"]),
    }
    for field in ("emissions_tco2e_x10", "energy_tce_x10"):
        intensity_fits(2 * supplier[field] * 10_000_000 + supplier["revenue"])
    return supplier


def applicant_row(record, credit_level, seed):
    """The subsidy application of a supplier, as the CSV cells Verdant reads."""
    rng = random.Random(f"{seed}:{record['id']}")
    region = record["region"]
    if rng.random() < 0.03:
        region = rng.choice(OTHER_REGIONS)
    investment = rng.randint(20, 800) * 10_000
    received_for_project = rng.choice([0, 0, 0, 50_000, 150_000, 200_000])
    received_to_date = received_for_project + rng.choice([0, 0, 100_000, 400_000, 1_000_000])
    return {
        "id": "A-" + record["id"].split("-", 1)[1],
        "name": record["name"],
        "region": region,
        "credit_level": credit_level,
        "carbon_reduction": str(Decimal(rng.randint(-50, 250)) / 10),
        "green_factory": "unlisted" if record["green_factory"] == "none" else record["green_factory"],
        "project_investment": str(investment),
        "received_for_project": str(received_for_project),
        "received_to_date": str(received_to_date),
        "last_violation": record["last_violation"] or "",
    }


def peer_applicant(row):
    return {
        "id": row["id"], "name": row["name"], "region": row["region"],
        "credit_level": row["credit_level"],
        "carbon_reduction_x10": scaled(Decimal(row["carbon_reduction"]), 10),
        "green_factory": row["green_factory"],
        "project_investment": int(row["project_investment"]),
        "received_for_project": int(row["received_for_project"]),
        "received_to_date": int(row["received_to_date"]),
        "last_violation": date(row["last_violation"] or None),
    }

# ---------------------------------------------------------------- engines

def timed(label, rows, run):
    start = time.perf_counter()
    results = run()
    seconds = time.perf_counter() - start
    print(f"  {label:<42} {rows / seconds:>10,.0f} evaluations/s  ({seconds:6.2f} s)", flush=True)
    return results, rows / seconds, seconds


def verdant_eval(ruleset, input_csv, output):
    out = subprocess.run(
        [os.path.join(ROOT, ".build/release/verdant"), "eval", os.path.join(ROOT, ruleset),
         "--input-csv", input_csv, "--format", "csv", "--output", output, "--as-of", AS_OF],
        check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    assert lines[0] == f"line,{output}", lines[0]
    return [line.split(",")[1] for line in lines[1:]]


def cel_run(expression, name, rows, extra):
    program = cel.compile(expression)
    contexts = [dict({name: row}, **extra) for row in rows]
    return lambda: [program.execute(context) for context in contexts]


def rego_run(rego, name, rule, rows, extra):
    def run():
        # One query per 10,000 rows: rego-cpp's single query over all 100,000 did not return
        # a JSON answer.
        results = []
        for start in range(0, len(rows), REGO_CHUNK):
            rego.set_input(dict({name: rows[start:start + REGO_CHUNK]}, **extra))
            output = rego.query(f"x = data.supplier.{rule}")
            if not output.ok():
                raise SystemExit(f"rego failed: {str(output)[:300]}")
            results += json.loads(str(output))["bindings"]["x"]
        return results
    return run


def zen_run(graph, field, rows, extra):
    text = json.dumps(graph)
    engine = zen.ZenEngine({"loader": lambda key: text})
    requests = [{"key": "graph", "context": dict(row, **extra)} for row in rows]

    def run():
        return [answer["data"]["result"][field] for answer in engine.evaluate_batch(requests)]
    return run


def check(what, names, rows, results, labels):
    for name in names:
        if len(results[name]) != rows:
            print(f"\n{name} returned {len(results[name])} {what} for {rows} rows")
            sys.exit(1)
    mismatches = [index for index in range(rows)
                  if len({results[name][index] for name in names}) != 1]
    if mismatches:
        print(f"\n{len(mismatches):,} rows with a different {what}; the first:")
        for index in mismatches[:10]:
            print(f"  {labels[index]}: " + json.dumps({name: results[name][index] for name in names}))
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--dir", default="/tmp/verdant-peers")
    args = parser.parse_args()
    assert set(OTHER_REGIONS) <= set(PARENTS)
    os.makedirs(args.dir, exist_ok=True)
    suppliers_csv = os.path.join(args.dir, f"suppliers-{args.rows}.csv")
    suppliers_jsonl = os.path.join(args.dir, f"suppliers-{args.rows}.jsonl")
    applicants_csv = os.path.join(args.dir, f"applicants-{args.rows}.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/generate-suppliers.py"),
                    "--rows", str(args.rows), "--seed", str(args.seed),
                    "--csv", suppliers_csv, "--jsonl", suppliers_jsonl], check=True)
    records = [json.loads(line, parse_float=Decimal) for line in open(suppliers_jsonl)]
    suppliers = [peer_supplier(record) for record in records]
    rows = len(suppliers)
    print(f"{rows:,} suppliers, seed {args.seed}, as of {AS_OF}; {os.cpu_count()} cores\n")

    engines = ["verdant", "cel", "rego", "zen"]
    labels = {
        "verdant": "Verdant (CLI, CSV end to end, all cores)",
        "cel": "CEL (compiled program, a call per row)",
        "rego": "OPA Rego via rego-cpp (a query per 10k)",
        "zen": "GoRules ZEN graph (evaluate_batch)",
    }
    levels, tiers, speed = {}, {}, {}

    print("rating (credit_level):")
    levels["verdant"], *speed[("verdant", "rating")] = timed(
        labels["verdant"], rows,
        lambda: verdant_eval("rulesets/supplier-green-credit.verdant", suppliers_csv, "credit_level"))

    applicant_rows = [applicant_row(record, level, args.seed)
                      for record, level in zip(records, levels["verdant"])]
    with open(applicants_csv, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=APPLICANT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(applicant_rows)
    applicants = [peer_applicant(row) for row in applicant_rows]

    as_of = {"as_of": date(AS_OF)}
    rego = regopy.Interpreter()
    rego.add_module("supplier", REGO_MODULE)
    runs = {
        "cel": (cel_run(CEL_CREDIT_LEVEL, "s", suppliers, as_of),
                cel_run(CEL_SUBSIDY_TIER, "a", applicants, {})),
        "rego": (rego_run(rego, "suppliers", "levels", suppliers, as_of),
                 rego_run(rego, "applicants", "tiers", applicants, {})),
        "zen": (zen_run(zen_rating_graph(), "credit_level", suppliers, as_of),
                zen_run(zen_subsidy_graph(), "subsidy_tier", applicants, {})),
    }
    for name in engines[1:]:
        levels[name], *speed[(name, "rating")] = timed(labels[name], rows, runs[name][0])

    print("\nsubsidy tier (subsidy_tier):")
    tiers["verdant"], *speed[("verdant", "subsidy")] = timed(
        labels["verdant"], rows,
        lambda: verdant_eval("rulesets/green-subsidy-tiers.verdant", applicants_csv, "subsidy_tier"))
    for name in engines[1:]:
        tiers[name], *speed[(name, "subsidy")] = timed(labels[name], rows, runs[name][1])

    print(f"\n| engine | rating: evaluations/s | time | subsidy tier: evaluations/s | time |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in engines:
        (r_speed, r_seconds), (s_speed, s_seconds) = speed[(name, "rating")], speed[(name, "subsidy")]
        print(f"| {labels[name]} | {r_speed:,.0f} | {r_seconds:.2f} s | {s_speed:,.0f} | {s_seconds:.2f} s |")

    check("credit level", engines, rows, levels, [record["id"] for record in records])
    check("subsidy tier", engines, rows, tiers, [row["id"] for row in applicant_rows])
    level_counts = {level: levels["verdant"].count(level) for level in LEVELS}
    tier_counts = {tier: tiers["verdant"].count(tier) for tier in TIERS}
    print(f"\nidentical credit levels and subsidy tiers for all {rows:,} suppliers in all four "
          f"engines: levels {level_counts}, tiers {tier_counts}")


if __name__ == "__main__":
    main()
