#!/usr/bin/env python3
"""Generates synthetic suppliers for rulesets/supplier-green-credit.verdant.

    python3 examples/generate-suppliers.py --rows 1000 --seed 2013 \
        --csv examples/suppliers.csv --jsonl examples/suppliers.jsonl

The same seed always gives the same file. Each supplier has a hidden "management quality"
that the indicators follow, so good firms are good on most indicators at once. Distributions
are illustrative, tuned so that the levels land near the real spread FACTS.md §1.1 reports for
Guangdong 2017 (1,060 firms: 2.45% red, 10.00% yellow, 73.68% blue, 13.87% green); regions are
weighted towards the big manufacturing provinces (Zhejiang, Jiangsu, Guangdong, Shandong).
Numbers are written as decimal text, never through binary floating point.
"""
import argparse
import json
import random

# (region code, city names, weight): GB/T 2260-style codes of rulesets/common.verdant.
REGIONS = [
    ("CN-3301", ["Hangzhou"], 9), ("CN-3305", ["Huzhou"], 4), ("CN-33", ["Ningbo", "Wenzhou"], 8),
    ("CN-3205", ["Suzhou"], 8), ("CN-32", ["Wuxi", "Nanjing", "Changzhou"], 9),
    ("CN-4401", ["Guangzhou"], 7), ("CN-4408", ["Zhanjiang"], 2),
    ("CN-44", ["Shenzhen", "Dongguan", "Foshan"], 10), ("CN-37", ["Jinan", "Qingdao", "Linyi"], 9),
    ("CN-35", ["Quanzhou", "Xiamen"], 5), ("CN-34", ["Hefei", "Anqing"], 5),
    ("CN-31", ["Shanghai"], 5), ("CN-11", ["Beijing"], 3), ("CN-12", ["Tianjin"], 4),
    ("CN-50", ["Chongqing"], 4), ("CN-61", ["Xi'an"], 3), ("CN-52", ["Guiyang"], 2),
    ("CN-46", ["Haikou"], 1),
]
# (sector, trade names, weight, median carbon intensity in tCO2e per 10,000 CNY of revenue)
SECTORS = [
    ("manufacturing", ["Machinery", "Electronics", "Metal", "Ceramics"], 30, 0.42),
    ("packaging", ["Packaging", "Paper"], 18, 0.36),
    ("textiles", ["Textile", "Dyeing"], 12, 0.50),
    ("chemicals", ["Chemical", "Coatings"], 10, 0.80),
    ("logistics", ["Logistics", "Cold Chain"], 13, 0.30),
    ("agriculture", ["Tea", "Agricultural", "Fruit"], 17, 0.22),
]
COLUMNS = ["id", "name", "region", "sector", "revenue", "emissions_tco2e", "energy_tce",
           "packaging_recycling_rate", "discharge_compliance_rate", "solid_waste_disposal_rate",
           "hazwaste_assessment", "boundary_noise_exceedance_dba", "siting_redline_ok",
           "certifications", "green_factory", "disclosure", "violations_3y", "penalties_3y",
           "major_incident_3y", "refused_penalty", "responsible_person_detained",
           "transferred_to_police", "last_violation", "rectified_on"]
TEXT_COLUMNS = {"id", "name", "region", "sector", "hazwaste_assessment", "green_factory",
                "disclosure"}
RATING_DAY = (2026, 3, 1)


def pick(rng, weighted):
    return rng.choices(weighted, weights=[entry[2] for entry in weighted])[0]


def decimal(value, places):
    """Exact decimal text with at most `places` places and no trailing zeros."""
    text = f"{round(value, places):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(rng, quality, low, spread):
    """A rate in percent that rises with quality, clipped to [0, 100], one decimal place."""
    value = low + spread * quality + rng.gauss(0, 4)
    return decimal(min(100.0, max(0.0, value)), 1)


def date(rng, first_year, last_year):
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def supplier(rng, index):
    region, cities, _ = pick(rng, REGIONS)
    sector, trades, _, median_intensity = pick(rng, SECTORS)
    quality = rng.betavariate(9, 1.3)  # most firms well run, a long tail of poor ones
    revenue = round(10 ** rng.uniform(6.7, 9.3), -4)  # 5 million … 2 billion CNY
    intensity = median_intensity * (1.8 - quality) * rng.lognormvariate(0, 0.25)
    emissions = intensity * revenue / 10_000
    energy = emissions * rng.uniform(0.28, 0.42)  # tce per tCO2e for a mixed coal/grid supply
    violations = 0
    if rng.random() < 0.55 * (1 - quality):
        violations = rng.choice([1, 1, 1, 2, 2, 3, 4])
    penalties = 0
    for _ in range(violations):
        penalties += rng.choice([20_000, 50_000, 100_000, 200_000, 500_000, 1_200_000])
    veto = rng.random() < 0.03 + 0.1 * (quality < 0.6)
    last_violation = date(rng, 2023, 2025) if violations else ""
    rectified_on = ""
    if violations and rng.random() < 0.5:
        rectified_on = date(rng, int(last_violation[:4]), 2025)
        if rectified_on < last_violation:
            rectified_on = last_violation
    certifications = []
    if rng.random() < 0.6 + 0.4 * quality:
        certifications.append(rng.choice(["ISO 14001"] * 3 + ["GB/T 24001"]))
    if sector == "agriculture" and rng.random() < 0.25 + 0.6 * quality:
        certifications.append("GB/T 19630")
    if sector == "packaging" and rng.random() < 0.5:
        certifications.append("FSC-COC")
    listing = rng.random() * quality
    green_factory = ("national" if listing > 0.8 else "provincial" if listing > 0.4
                     else "municipal" if listing > 0.2 else "none")
    disclosure = rng.choices(["leadership", "management", "awareness", "disclosure", "not_disclosed"],
                             weights=[1 + 6 * quality, 4 + 8 * quality, 4, 3, 3 * (1 - quality)])[0]
    return {
        "id": f"S-{index:07d}",
        "name": f"{rng.choice(cities)} {rng.choice(trades)} Co. {index}",
        "region": region,
        "sector": sector,
        "revenue": decimal(revenue, 0),
        "emissions_tco2e": decimal(emissions, 1),
        "energy_tce": decimal(energy, 1),
        "packaging_recycling_rate": percent(rng, quality, 55, 50),
        "discharge_compliance_rate": percent(rng, quality, 70, 35),
        "solid_waste_disposal_rate": percent(rng, quality, 72, 30),
        "hazwaste_assessment": rng.choices(["compliant", "basically_compliant", "non_compliant"],
                                           weights=[1 + 8 * quality, 3, 1.5 * (1 - quality)])[0],
        "boundary_noise_exceedance_dba": rng.choices(["0", "1.5", "3", "6.5"],
                                                     weights=[2 + 12 * quality, 1, 1, 1 - quality])[0],
        "siting_redline_ok": "true" if rng.random() < 0.9 + 0.1 * quality else "false",
        "certifications": ";".join(certifications),
        "green_factory": green_factory,
        "disclosure": disclosure,
        "violations_3y": str(violations),
        "penalties_3y": str(penalties),
        "major_incident_3y": "true" if veto and rng.random() < 0.5 else "false",
        "refused_penalty": "true" if veto and rng.random() < 0.3 else "false",
        "responsible_person_detained": "true" if veto and rng.random() < 0.2 else "false",
        "transferred_to_police": "true" if veto and rng.random() < 0.2 else "false",
        "last_violation": last_violation,
        "rectified_on": rectified_on,
    }


def json_record(row):
    """The same supplier as a JSON object: texts, booleans, numbers from their exact text."""
    record = {}
    for column in COLUMNS:
        text = row[column]
        if column in TEXT_COLUMNS:
            record[column] = text
        elif column == "certifications":
            record[column] = text.split(";") if text else []
        elif column in ("revenue", "penalties_3y"):
            record[column] = text + " CNY"
        elif column in ("last_violation", "rectified_on"):
            record[column] = text or None
        elif text in ("true", "false"):
            record[column] = text == "true"
        else:
            record[column] = json.loads(text)  # ints and one-decimal numbers round-trip exactly
    return record


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
            jsonl.write(json.dumps(json_record(row), ensure_ascii=False) + "\n")
    for handle in (csv, jsonl):
        if handle:
            handle.close()


if __name__ == "__main__":
    main()
