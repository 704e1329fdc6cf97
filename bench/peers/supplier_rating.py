"""The supplier credit level of rulesets/supplier-green-credit.verdant and the subsidy tier of
rulesets/green-subsidy-tiers.verdant (table `subsidy_tier`), written for each peer engine:
GoRules ZEN (`zen-engine` 2.1.3) as decision graphs of decision tables and expression nodes,
CEL (`common-expression-language` 0.10.0) as one compiled expression each, and OPA Rego
(`regopy` 1.5.2, rego-cpp) as one module with a function per characteristic and a first-hit
function for the tier.

Every version computes, from the supplier's own fields:

- carbon and energy intensity, `round(emissions / (revenue / 10,000 CNY), 4)` rounded half
  away from zero, as an integer number of ten-thousandths:
  `(2 * E10 * 10^7 + R) // (2 * R)` with E10 the emissions (or energy) in tenths and R the
  revenue in CNY (all values are positive, so floor division rounds half up = away from zero);
- the 13 characteristics of the scorecard (Annex 1 bands 100 / 79 / 49 / 0, first bin that
  applies), ISO 14001 or GB/T 24001 certification, GB/T 19630 organic certification for
  agriculture, and the total as an integer number of hundredths, `sum(weight% * points)`;
- the veto, a major violation (penalties >= 1,000,000 CNY or >= 3 violations), credit repair
  (rectified_on present, last_violation (default 1900-01-01) <= rectified_on, rectified_on +
  12 months <= as-of), the score level at 95 / 80 / 60 (9500 / 8000 / 6000 hundredths) and the
  credit level: veto red; an unrepaired major violation caps at yellow (`max(level, yellow)`,
  red stays red); a repaired one caps at blue;
- the subsidy tier: the rows of `subsidy_tier` in order, the first that matches wins.

Encoding (done in compare.py before the clock starts, never computing what the ruleset
computes). None of the peers reads decimal text exactly (their inputs are Python objects, and a
one-decimal rate would arrive as a binary float), so every number is passed as an integer,
which all three compute with exactly:
percent rates, carbon reduction, emissions, energy and the noise exceedance in tenths (`_x10`;
the generator writes at most one decimal place, and the encoder refuses more); money (revenue,
penalties) in whole CNY; dates as integers yyyymmdd (absent: null), so that `+ 12 months` is
`+ 10000` (exact because no date is a 29 February; the encoder refuses one) and date order is
integer order. The as-of date is passed the same way (`as_of`, 20260301). The intensity
numerator stays below 2^53, so a float division followed by floor is exact where an engine
divides in floating point (compare.py asserts it).

`in CN-33` of the tier table is membership of the region in the set of CN-33 and every region
below it, a set built once from the `regions { … }` hierarchy of rulesets/common.verdant
(`descendants`), so CN-3301 and CN-3305 are in CN-33, CN-3205 in CN-32, CN-4401 and CN-4408 in
CN-44.
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# ---------------------------------------------------------------- region hierarchy

def region_parents(path=os.path.join(ROOT, "rulesets/common.verdant")):
    """{code: parent code or None} from the `regions { … }` block of a Verdant file."""
    text = re.sub(r"//[^\n]*", "", open(path, encoding="utf-8").read())
    start = re.search(r"^regions\s*\{", text, re.M)
    if not start:
        raise SystemExit(f"no regions block in {path}")
    parents, stack, last, depth = {}, [], None, 0
    for token in re.findall(r"[A-Za-z][A-Za-z0-9-]*|[{},]", text[start.end():]):
        if token == "{":
            stack.append(last)
            depth += 1
        elif token == "}":
            if depth == 0:
                break  # the brace that closes `regions {`
            stack.pop()
            depth -= 1
        elif token != ",":
            parents[token] = stack[-1] if stack else None
            last = token
    return parents


PARENTS = region_parents()


def descendants(root):
    """`root` and every region below it, sorted."""
    def within(code):
        while code is not None:
            if code == root:
                return True
            code = PARENTS[code]
        return False
    if root not in PARENTS:
        raise SystemExit(f"region {root} is not in the hierarchy of rulesets/common.verdant")
    return sorted(code for code in PARENTS if within(code))

# ---------------------------------------------------------------- the two rulesets as data

# The scorecard `green_score`: (name, weight in percent, value, bins). The value is a supplier
# field or a derived value; bins are tried in order: (">=", a), ("<", a), ("<=", a), (">", a),
# ("range", a, b) for a ..< b, ("closed", a, b) for a ... b, ("in", [cases]), ("otherwise",).
SCORECARD = [
    ("discharge", 15, "discharge_compliance_rate_x10",
     [((">=", 900), 100), (("range", 750, 900), 79), (("range", 500, 750), 49), (("<", 500), 0)]),
    ("solid_waste", 5, "solid_waste_disposal_rate_x10",
     [((">=", 950), 100), (("range", 800, 950), 79), (("<", 800), 49)]),
    ("hazardous_waste", 5, "hazwaste_assessment",
     [(("in", ["compliant"]), 100), (("in", ["basically_compliant"]), 79),
      (("in", ["non_compliant"]), 49)]),
    ("noise", 4, "boundary_noise_exceedance_dba_x10",
     [(("<=", 0), 100), ((">", 50), 49), (("otherwise",), 79)]),
    ("siting", 2, "siting_redline_ok", [(("in", [True]), 100), (("in", [False]), 49)]),
    ("packaging", 3, "packaging_recycling_rate_x10",
     [((">=", 900), 100), (("range", 700, 900), 79), (("range", 500, 700), 49), (("<", 500), 0)]),
    ("carbon", 18, "carbon_intensity_x10000",
     [(("<", 3000), 100), (("range", 3000, 6000), 79), (("range", 6000, 10000), 49),
      ((">=", 10000), 0)]),
    ("energy", 12, "energy_intensity_x10000",
     [(("<", 1000), 100), (("range", 1000, 3000), 79), (("range", 3000, 6000), 49),
      ((">=", 6000), 0)]),
    ("environmental_management", 10, "ems_certified",
     [(("in", [True]), 100), (("in", [False]), 0)]),
    ("green_factory", 8, "green_factory",
     [(("in", ["national"]), 100), (("in", ["provincial"]), 79), (("in", ["municipal"]), 49),
      (("in", ["none"]), 0)]),
    ("organic", 6, "organic_status",
     [(("in", ["certified", "not_applicable"]), 100), (("in", ["uncertified"]), 0)]),
    ("disclosure", 6, "disclosure",
     [(("in", ["leadership"]), 100), (("in", ["management"]), 79),
      (("in", ["awareness", "disclosure"]), 49), (("in", ["not_disclosed"]), 0)]),
    ("violations", 6, "violations_3y",
     [(("<=", 0), 100), (("in", [1]), 79), (("closed", 2, 3), 49), ((">=", 4), 0)]),
]
assert sum(weight for _, weight, _, _ in SCORECARD) == 100

MAJOR_PENALTY_THRESHOLD = 1_000_000  # CNY, param major_penalty_threshold
REPAIR_CLEAN_PERIOD = 10_000         # 12 months on a yyyymmdd integer
LEVEL_CUTOFFS = [(9500, "green"), (8000, "blue"), (6000, "yellow")]  # hundredths; else red

# The table `subsidy_tier` (hit first): (credit levels, carbon reduction >= tenths of a percent,
# region root, green-factory listings, tier); None is `-`.
SUBSIDY_TIER = [
    (["red"], None, None, None, "none"),
    (["green"], 150, "CN-33", ["national", "provincial"], "gold"),
    (["green", "blue"], 200, "CN", ["national"], "gold"),
    (["green", "blue"], 100, "CN", ["national", "provincial"], "silver"),
    (["green", "blue", "yellow"], 50, "CN", ["national", "provincial", "municipal"], "bronze"),
    (["green", "blue"], 30, "CN-3305", None, "bronze"),
    (None, None, None, None, "none"),
]


def _literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    return str(value)

# ---------------------------------------------------------------- CEL

def _cel_condition(v, condition):
    kind = condition[0]
    if kind == "otherwise":
        return "true"
    if kind == "range":
        return f"({v} >= {condition[1]} && {v} < {condition[2]})"
    if kind == "closed":
        return f"({v} >= {condition[1]} && {v} <= {condition[2]})"
    if kind == "in":
        return "(" + " || ".join(f"{v} == {_literal(case)}" for case in condition[1]) + ")"
    return f"{v} {kind} {condition[1]}"


def _cel_bins(v, bins):
    expression = "0"  # never reached: the bins of every characteristic cover every value
    for condition, points in reversed(bins):
        expression = f"({_cel_condition(v, condition)} ? {points} : {expression})"
    return expression


def _cel_intensity(field):
    return f"((2 * s.{field} * 10000000 + s.revenue) / (2 * s.revenue))"


_CEL_DERIVED = {
    "carbon_intensity_x10000": _cel_intensity("emissions_tco2e_x10"),
    "energy_intensity_x10000": _cel_intensity("energy_tce_x10"),
    "ems_certified": '("ISO 14001" in s.certifications || "GB/T 24001" in s.certifications)',
    "organic_status": '(s.sector != "agriculture" ? "not_applicable" : '
                      '("GB/T 19630" in s.certifications ? "certified" : "uncertified"))',
}


def _cel_characteristic(value, bins):
    if value in _CEL_DERIVED:  # computed once, bound to `v` by a one-element map
        return f"[{_CEL_DERIVED[value]}].map(v, {_cel_bins('v', bins)})[0]"
    return _cel_bins(f"s.{value}", bins)


_CEL_SCORE = " + ".join(f"{weight} * {_cel_characteristic(value, bins)}"
                        for _, weight, value, bins in SCORECARD)
_CEL_SCORE_LEVEL = "".join(f"t >= {cutoff} ? {_literal(level)} : "
                           for cutoff, level in LEVEL_CUTOFFS) + '"red"'
_CEL_VETO = ("(s.major_incident_3y || s.refused_penalty || s.responsible_person_detained"
             " || s.transferred_to_police)")
_CEL_CREDIT_REPAIR = (
    f'{_CEL_VETO} ? "barred" : '
    f'!(s.penalties_3y >= {MAJOR_PENALTY_THRESHOLD} || s.violations_3y >= 3) ? "not_needed" : '
    "(s.rectified_on != null"
    " && (s.last_violation == null ? 19000101 : s.last_violation) <= s.rectified_on"
    f' && s.rectified_on + {REPAIR_CLEAN_PERIOD} <= as_of) ? "repaired" : "waiting"'
)
# Activation: {"s": supplier, "as_of": yyyymmdd}.
CEL_CREDIT_LEVEL = (
    f'{_CEL_VETO} ? "red" : '
    f"[[{_CEL_SCORE}].map(t, {_CEL_SCORE_LEVEL})[0]].map(level, "
    f"[{_CEL_CREDIT_REPAIR}].map(repair, "
    'repair == "waiting" ? (level == "red" ? "red" : "yellow") : '
    'repair == "repaired" ? (level == "green" ? "blue" : level) : level)[0])[0]'
)


def _cel_tier_row(levels, reduction, region, listings):
    cells = []
    if levels is not None:
        cells.append(_cel_condition("a.credit_level", ("in", levels)))
    if reduction is not None:
        cells.append(f"a.carbon_reduction_x10 >= {reduction}")
    if region is not None:
        cells.append("a.region in [" + ", ".join(map(_literal, descendants(region))) + "]")
    if listings is not None:
        cells.append("a.green_factory in [" + ", ".join(map(_literal, listings)) + "]")
    return " && ".join(cells) or "true"


# Activation: {"a": applicant}.
CEL_SUBSIDY_TIER = "".join(f"({_cel_tier_row(*row[:4])}) ? {_literal(row[4])} : "
                           for row in SUBSIDY_TIER[:-1]) + _literal(SUBSIDY_TIER[-1][4])

# ---------------------------------------------------------------- Rego

def _rego_condition(condition):
    kind = condition[0]
    if kind == "range":
        return f"{{ v >= {condition[1]}; v < {condition[2]} }}"
    if kind == "closed":
        return f"{{ v >= {condition[1]}; v <= {condition[2]} }}"
    if kind == "in" and len(condition[1]) == 1:
        return f"v == {_literal(condition[1][0])}"
    if kind == "in":
        return "{ v in {" + ", ".join(_literal(case) for case in condition[1]) + "} }"
    return f"v {kind} {condition[1]}"


def _rego_band(name, bins):
    lines = []
    for index, (condition, points) in enumerate(bins):
        head = f"band_{name}(v) := {points}" if index == 0 else f"else := {points}"
        lines.append(head if condition[0] == "otherwise" else f"{head} if {_rego_condition(condition)}")
    return "\n".join(lines)


_REGO_VALUES = {
    "carbon_intensity_x10000": "carbon_intensity(s)",
    "energy_intensity_x10000": "energy_intensity(s)",
    "ems_certified": "ems_certified(s)",
    "organic_status": "organic_status(s)",
}
_REGO_SCORE = " +\n    ".join(
    f"{weight} * band_{name}({_REGO_VALUES.get(value, 's.' + value)})"
    for name, weight, value, _ in SCORECARD)
_REGO_TIER = "\n".join(
    ("tier(a) := " if index == 0 else "else := ") + _literal(tier)
    + ("" if levels is None and reduction is None and region is None and listings is None else
       " if {\n" + "".join(f"    {cell}\n" for cell in [
           None if levels is None else "a.credit_level in {" + ", ".join(map(_literal, levels)) + "}",
           None if reduction is None else f"a.carbon_reduction_x10 >= {reduction}",
           None if region is None else f'a.region in within["{region}"]',
           None if listings is None else "a.green_factory in {" + ", ".join(map(_literal, listings)) + "}",
       ] if cell) + "}")
    for index, (levels, reduction, region, listings, tier) in enumerate(SUBSIDY_TIER))
_REGO_WITHIN = "{\n" + ",\n".join(
    f'    "{root}": {{' + ", ".join(map(_literal, descendants(root))) + "}"
    for root in sorted({row[2] for row in SUBSIDY_TIER if row[2]})) + "\n}"

# Input: {"as_of": yyyymmdd, "suppliers": [...]} for `levels`, {"applicants": [...]} for `tiers`.
REGO_MODULE = f"""
package supplier

import rego.v1

# round(emissions / (revenue / 10000 CNY), 4), half away from zero, in ten-thousandths
carbon_intensity(s) := floor((2 * s.emissions_tco2e_x10 * 10000000 + s.revenue) / (2 * s.revenue))

energy_intensity(s) := floor((2 * s.energy_tce_x10 * 10000000 + s.revenue) / (2 * s.revenue))

ems_certified(s) := true if "ISO 14001" in s.certifications
else := true if "GB/T 24001" in s.certifications
else := false

organic_status(s) := "not_applicable" if s.sector != "agriculture"
else := "certified" if "GB/T 19630" in s.certifications
else := "uncertified"

{chr(10).join(_rego_band(name, bins) + chr(10) for name, _, _, bins in SCORECARD)}
# the scorecard total in hundredths
score(s) := {_REGO_SCORE}

veto(s) if s.major_incident_3y
veto(s) if s.refused_penalty
veto(s) if s.responsible_person_detained
veto(s) if s.transferred_to_police

major_violation(s) if s.penalties_3y >= {MAJOR_PENALTY_THRESHOLD}
major_violation(s) if s.violations_3y >= 3

last_violation(s) := s.last_violation if s.last_violation != null
else := 19000101

credit_repair(s) := "barred" if veto(s)
else := "not_needed" if not major_violation(s)
else := "repaired" if {{
    s.rectified_on != null
    last_violation(s) <= s.rectified_on
    s.rectified_on + {REPAIR_CLEAN_PERIOD} <= input.as_of
}}
else := "waiting"

score_level(t) := "green" if t >= {LEVEL_CUTOFFS[0][0]}
else := "blue" if t >= {LEVEL_CUTOFFS[1][0]}
else := "yellow" if t >= {LEVEL_CUTOFFS[2][0]}
else := "red"

# max(level, cap): the worse of the two in declaration order green, blue, yellow, red
rank := {{"green": 0, "blue": 1, "yellow": 2, "red": 3}}

at_most(level, cap) := level if rank[level] >= rank[cap]
else := cap

credit_level(s) := "red" if veto(s)
else := at_most(score_level(score(s)), "yellow") if credit_repair(s) == "waiting"
else := at_most(score_level(score(s)), "blue") if credit_repair(s) == "repaired"
else := score_level(score(s))

levels := [credit_level(s) | some s in input.suppliers]

# the regions `in R` matches: R and every region below it (rulesets/common.verdant)
within := {_REGO_WITHIN}

{_REGO_TIER}

tiers := [tier(a) | some a in input.applicants]
"""

# ---------------------------------------------------------------- ZEN

_POSITION = {"x": 0, "y": 0}


def _zen_cell(condition):
    kind = condition[0]
    if kind == "otherwise":
        return ""
    if kind == "range":
        return f"[{condition[1]}..{condition[2]})"
    if kind == "closed":
        return f"[{condition[1]}..{condition[2]}]"
    if kind == "in":
        return ", ".join(_literal(case) for case in condition[1])
    return f"{kind} {condition[1]}"


def _zen_table(node_id, inputs, output, rows, pass_through=False):
    """A first-hit decision table: inputs are fields, rows are ([cells], output expression)."""
    return {
        "id": node_id, "name": node_id, "type": "decisionTableNode", "position": _POSITION,
        "content": {
            "hitPolicy": "first", "passThrough": pass_through,
            "inputs": [{"id": f"i{i}", "name": field, "field": field}
                       for i, field in enumerate(inputs)],
            "outputs": [{"id": "o", "name": output, "field": output}],
            "rules": [dict({"_id": f"{node_id}-{r}", "o": value},
                           **{f"i{i}": cell for i, cell in enumerate(cells)})
                      for r, (cells, value) in enumerate(rows)],
        },
    }


def _zen_expressions(node_id, expressions, pass_through=False):
    return {
        "id": node_id, "name": node_id, "type": "expressionNode", "position": _POSITION,
        "content": {"passThrough": pass_through, "expressions": [
            {"id": key, "key": key, "value": value} for key, value in expressions]},
    }


def _zen_graph(nodes, edges):
    return {
        "nodes": [{"id": "request", "name": "request", "type": "inputNode", "position": _POSITION}]
        + nodes
        + [{"id": "response", "name": "response", "type": "outputNode", "position": _POSITION}],
        "edges": [{"id": f"e{i}", "sourceId": a, "targetId": b, "type": "edge"}
                  for i, (a, b) in enumerate(edges)],
    }


def zen_rating_graph():
    """Context: the supplier's fields plus `as_of`; result field `credit_level`."""
    def intensity(field):
        return f"floor((2 * {field} * 10000000 + revenue) / (2 * revenue))"
    derived = _zen_expressions("derived", [
        ("carbon_intensity_x10000", intensity("emissions_tco2e_x10")),
        ("energy_intensity_x10000", intensity("energy_tce_x10")),
        ("ems_certified", 'contains(certifications, "ISO 14001") or contains(certifications, "GB/T 24001")'),
        ("organic_status", 'sector != "agriculture" ? "not_applicable" : '
                           '(contains(certifications, "GB/T 19630") ? "certified" : "uncertified")'),
        ("veto", "major_incident_3y or refused_penalty or responsible_person_detained"
                 " or transferred_to_police"),
        ("major_violation", f"penalties_3y >= {MAJOR_PENALTY_THRESHOLD} or violations_3y >= 3"),
        ("rectified_and_clean",
         "rectified_on == null ? false : "
         f"((last_violation ?? 19000101) <= rectified_on and rectified_on + {REPAIR_CLEAN_PERIOD} <= as_of)"),
    ], pass_through=True)
    bands = [_zen_table(name, [value], f"points_{name}",
                        [([_zen_cell(condition)], str(points)) for condition, points in bins])
             for name, _, value, bins in SCORECARD]
    score = _zen_expressions("score", [("score_x100", " + ".join(
        f"{weight} * points_{name}" for name, weight, _, _ in SCORECARD))])
    score_level = _zen_table("score_level", ["score_x100"], "score_level",
                             [([f">= {cutoff}"], _literal(level)) for cutoff, level in LEVEL_CUTOFFS]
                             + [([""], '"red"')])
    credit_repair = _zen_table(
        "credit_repair", ["veto", "major_violation", "rectified_and_clean"], "credit_repair",
        [(["true", "", ""], '"barred"'), (["", "false", ""], '"not_needed"'),
         (["", "", "true"], '"repaired"'), (["", "", ""], '"waiting"')], pass_through=True)
    credit_level = _zen_table(
        "credit_level", ["veto", "credit_repair", "score_level"], "credit_level",
        [(["true", "", ""], '"red"'),
         (["", '"waiting"', '"yellow", "red"'], "score_level"),  # max(score_level, yellow)
         (["", '"waiting"', ""], '"yellow"'),
         (["", '"repaired"', '"blue", "yellow", "red"'], "score_level"),  # max(score_level, blue)
         (["", '"repaired"', ""], '"blue"'),
         (["", "", ""], "score_level")])
    names = [name for name, _, _, _ in SCORECARD]
    edges = [("request", "derived")] + [("derived", name) for name in names]
    edges += [(name, "score") for name in names]
    edges += [("score", "score_level"), ("derived", "credit_repair"),
              ("score_level", "credit_level"), ("credit_repair", "credit_level"),
              ("credit_level", "response")]
    return _zen_graph([derived] + bands + [score, score_level, credit_repair, credit_level], edges)


def zen_subsidy_graph():
    """Context: the applicant's fields; result field `subsidy_tier`. One decision table."""
    rows = []
    for levels, reduction, region, listings, tier in SUBSIDY_TIER:
        rows.append(([
            "" if levels is None else ", ".join(map(_literal, levels)),
            "" if reduction is None else f">= {reduction}",
            "" if region is None else ", ".join(map(_literal, descendants(region))),
            "" if listings is None else ", ".join(map(_literal, listings)),
        ], _literal(tier)))
    table = _zen_table("subsidy_tier",
                       ["credit_level", "carbon_reduction_x10", "region", "green_factory"],
                       "subsidy_tier", rows)
    return _zen_graph([table], [("request", "subsidy_tier"), ("subsidy_tier", "response")])
