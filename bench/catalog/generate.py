#!/usr/bin/env python3
"""Writes a synthetic XML catalog shaped like a national standards catalog.

The output is deterministic for a given --seed and --size-mb: a namespaced <catalog> root
holding <standard code=... effective=...> elements, each with a <name> child text and many
<limit product=... mrl=...> children. Limit ids are unique (the benchmark's key); products
repeat across standards, as they do in real residue-limit catalogs.

    python3 bench/catalog/generate.py --size-mb 100 --output /tmp/catalog-100mb.xml
"""

import argparse
import random

PRODUCTS = [
    "apple", "pear", "peach", "plum", "cherry", "grape", "strawberry", "citrus", "banana",
    "mango", "rice", "wheat", "maize", "barley", "soybean", "peanut", "rapeseed", "cotton",
    "tea", "coffee bean", "cabbage", "spinach", "lettuce", "celery", "tomato", "cucumber",
    "eggplant", "pepper", "potato", "carrot", "onion", "garlic", "mushroom", "pumpkin",
    "kiwifruit", "lychee", "longan", "watermelon", "melon", "pineapple",
]
SUBSTANCES = [
    "chlorpyrifos", "glyphosate", "imidacloprid", "carbendazim", "cypermethrin", "abamectin",
    "acetamiprid", "difenoconazole", "mancozeb", "thiamethoxam", "tebuconazole",
    "lambda-cyhalothrin",
]
UNITS = ["mg/kg", "mg/L"]


def limit_line(rng: random.Random, limit_id: int) -> str:
    product = rng.choice(PRODUCTS)
    # Exact decimals with 1-3 fraction digits, as catalogs print them.
    mrl = f"{rng.randint(1, 5000) / 1000:.3f}".rstrip("0").rstrip(".")
    substance = rng.choice(SUBSTANCES)
    unit = rng.choice(UNITS)
    return (
        f'    <limit id="L{limit_id:09d}" product="{product}" substance="{substance}" '
        f'mrl="{mrl}" unit="{unit}"/>\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, required=True, help="target size in MiB")
    parser.add_argument("--output", required=True, help="the XML file to write")
    parser.add_argument("--seed", type=int, default=2763, help="random seed (default 2763)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    target = int(args.size_mb * 1024 * 1024)
    written = 0
    standard = 0
    limit_id = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        def emit(text: str) -> None:
            nonlocal written
            out.write(text)
            written += len(text.encode("utf-8"))

        emit('<?xml version="1.0" encoding="UTF-8"?>\n')
        emit('<catalog xmlns="urn:example:national-standards" issuer="NHC" version="2021">\n')
        while written < target:
            standard += 1
            year = 2000 + rng.randint(0, 25)
            effective = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            emit(f'  <standard code="GB {2700 + standard}-{year}" effective="{effective}">\n')
            emit(
                f"    <name>National food safety standard {standard}: maximum residue limits of "
                f"{rng.choice(SUBSTANCES)} in food</name>\n"
            )
            for _ in range(rng.randint(50, 400)):
                limit_id += 1
                emit(limit_line(rng, limit_id))
            emit("  </standard>\n")
        emit("</catalog>\n")
    print(f"wrote {args.output}: {written} bytes, {standard} standards, {limit_id} limits")


if __name__ == "__main__":
    main()
