#!/usr/bin/env python3
"""Generates synthetic suppliers for rulesets/supplier-green-credit.verdant.

    python3 examples/generate-suppliers.py --rows 1000 --seed 2013 \
        --csv examples/suppliers.csv --jsonl examples/suppliers.jsonl

The same seed always gives the same file. Distributions are illustrative, shaped so that most
firms land in the middle levels and a few in each extreme (FACTS.md §1.1 reports Anhui 2016:
most firms "blue" or "yellow", a few percent "red"): discharge compliance is mostly above 90%,
one firm in ~25 has a one-vote-veto event, and a third have a violation on record.
Numbers are written as decimal text, never through binary floating point.
"""
import argparse
import json
import random

HAZWASTE = ["compliant"] * 6 + ["basically_compliant"] * 3 + ["non_compliant"]
PREFIXES = ["Hangzhou", "Ningbo", "Jinan", "Qingdao", "Guangzhou", "Shenzhen", "Hefei", "Anqing",
            "Quanzhou", "Suzhou", "Chengdu", "Wuhan"]
TRADES = ["Packaging", "Textile", "Chemical", "Paper", "Food", "Electronics", "Ceramics", "Metal"]
COLUMNS = ["id", "name", "discharge_compliance_rate", "solid_waste_disposal_rate",
           "hazwaste_assessment", "boundary_noise_exceedance_dba", "siting_redline_ok",
           "major_incident_3y", "refused_penalty", "responsible_person_detained",
           "transferred_to_police", "last_violation"]


def tenths(rng, low, high, skew):
    """A percentage with one decimal, skewed towards `high` (skew > 1)."""
    value = low + (high - low) * (1 - rng.random() ** skew)
    return f"{round(value * 10) / 10:.1f}".rstrip("0").rstrip(".")


def supplier(rng, index):
    veto = rng.random() < 0.04
    violation = ""
    if rng.random() < 0.33:
        violation = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {
        "id": f"S-{index:07d}",
        "name": f"{rng.choice(PREFIXES)} {rng.choice(TRADES)} Co. {index}",
        "discharge_compliance_rate": tenths(rng, 40, 100, 4),
        "solid_waste_disposal_rate": tenths(rng, 60, 100, 3),
        "hazwaste_assessment": rng.choice(HAZWASTE),
        "boundary_noise_exceedance_dba": rng.choice(["0"] * 7 + ["1.5", "3", "6.5"]),
        "siting_redline_ok": "true" if rng.random() < 0.92 else "false",
        "major_incident_3y": "true" if veto and rng.random() < 0.5 else "false",
        "refused_penalty": "true" if veto and rng.random() < 0.3 else "false",
        "responsible_person_detained": "true" if veto and rng.random() < 0.2 else "false",
        "transferred_to_police": "true" if veto and rng.random() < 0.2 else "false",
        "last_violation": violation,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--csv")
    parser.add_argument("--jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    csv = open(args.csv, "w", newline="") if args.csv else None
    jsonl = open(args.jsonl, "w") if args.jsonl else None
    if csv:
        csv.write(",".join(COLUMNS) + "\n")
    for index in range(1, args.rows + 1):
        row = supplier(rng, index)
        if csv:
            csv.write(",".join(row[column] for column in COLUMNS) + "\n")
        if jsonl:
            record = {}
            for column in COLUMNS:
                text = row[column]
                if column in ("id", "name", "hazwaste_assessment"):
                    record[column] = text
                elif text in ("true", "false"):
                    record[column] = text == "true"
                elif column == "last_violation":
                    record[column] = text or None
                else:
                    record[column] = json.loads(text)  # ints and decimals written exactly
            jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in (csv, jsonl):
        if handle:
            handle.close()


if __name__ == "__main__":
    main()
