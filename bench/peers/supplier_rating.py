"""The credit level of rulesets/supplier-green-credit.verdant, written for each peer engine.

Every version computes the same thing: five indicator points (Annex 1 bands scoring 100, 79,
49, or 0 for discharge compliance below 50%), the weighted score rounded half-up to one
decimal as an integer number of tenths, `(20 * S + 31) // 62` with
`S = 15 dp + 5 sp + 5 hp + 4 np + 2 st` (the same as Verdant's `round(S / 31, 1)`), the
one-vote veto, and the Anhui cut-offs 95 / 80 / 60.
"""

VETO_FIELDS = ["major_incident_3y", "refused_penalty", "responsible_person_detained",
               "transferred_to_police"]

# ---------------------------------------------------------------- CEL

def _cel_points(field, bands, last):
    expression = str(last)
    for threshold, points in reversed(bands):
        expression = f"(s.{field} >= {threshold}.0 ? {points} : {expression})"
    return expression

_CEL_SCORE = (
    "15 * " + _cel_points("discharge_compliance_rate", [(90, 100), (75, 79), (50, 49)], 0)
    + " + 5 * " + _cel_points("solid_waste_disposal_rate", [(95, 100), (80, 79)], 49)
    + " + 5 * (s.hazwaste_assessment == 'compliant' ? 100 : "
      "(s.hazwaste_assessment == 'basically_compliant' ? 79 : 49))"
    + " + 4 * (s.boundary_noise_exceedance_dba <= 0.0 ? 100 : "
      "(s.boundary_noise_exceedance_dba <= 5.0 ? 79 : 49))"
    + " + 2 * (s.siting_redline_ok ? 100 : 49)"
)
_CEL_TENTHS = f"((20 * ({_CEL_SCORE}) + 31) / 62)"
CEL_CREDIT_LEVEL = (
    "(" + " || ".join(f"s.{field}" for field in VETO_FIELDS) + ") ? 'red' : "
    f"({_CEL_TENTHS} >= 950 ? 'green' : ({_CEL_TENTHS} >= 800 ? 'blue' : "
    f"({_CEL_TENTHS} >= 600 ? 'yellow' : 'red')))"
)

# ---------------------------------------------------------------- Rego

REGO_MODULE = """
package supplier

import rego.v1

discharge(s) := 100 if s.discharge_compliance_rate >= 90
else := 79 if s.discharge_compliance_rate >= 75
else := 49 if s.discharge_compliance_rate >= 50
else := 0

solid(s) := 100 if s.solid_waste_disposal_rate >= 95
else := 79 if s.solid_waste_disposal_rate >= 80
else := 49

hazwaste(s) := 100 if s.hazwaste_assessment == "compliant"
else := 79 if s.hazwaste_assessment == "basically_compliant"
else := 49

noise(s) := 100 if s.boundary_noise_exceedance_dba <= 0
else := 79 if s.boundary_noise_exceedance_dba <= 5
else := 49

siting(s) := 100 if s.siting_redline_ok
else := 49

tenths(s) := floor((20 * (15 * discharge(s) + 5 * solid(s) + 5 * hazwaste(s) + 4 * noise(s) + 2 * siting(s)) + 31) / 62)

veto(s) if s.major_incident_3y
veto(s) if s.refused_penalty
veto(s) if s.responsible_person_detained
veto(s) if s.transferred_to_police

level(s) := "red" if veto(s)
else := "green" if tenths(s) >= 950
else := "blue" if tenths(s) >= 800
else := "yellow" if tenths(s) >= 600
else := "red"

levels := [level(s) | some s in input.suppliers]
"""

# ---------------------------------------------------------------- ZEN (decision tables)

def _table(node_id, field, output, rows):
    """A first-hit decision table node: rows are (input cell, output value) pairs."""
    return {
        "id": node_id, "name": node_id, "type": "decisionTableNode",
        "position": {"x": 0, "y": 0},
        "content": {
            "hitPolicy": "first",
            "inputs": [{"id": "in", "name": field, "field": field}],
            "outputs": [{"id": "out", "name": output, "field": output}],
            "rules": [{"_id": f"{node_id}-{i}", "in": cell, "out": value}
                      for i, (cell, value) in enumerate(rows)],
        },
    }

def zen_graph():
    nodes = [
        {"id": "request", "name": "request", "type": "inputNode", "position": {"x": 0, "y": 0}},
        _table("discharge", "discharge_compliance_rate", "dp",
               [(">= 90", "100"), (">= 75", "79"), (">= 50", "49"), ("", "0")]),
        _table("solid", "solid_waste_disposal_rate", "sp",
               [(">= 95", "100"), (">= 80", "79"), ("", "49")]),
        _table("hazwaste", "hazwaste_assessment", "hp",
               [('"compliant"', "100"), ('"basically_compliant"', "79"), ("", "49")]),
        _table("noise", "boundary_noise_exceedance_dba", "np",
               [("<= 0", "100"), ("<= 5", "79"), ("", "49")]),
        _table("siting", "siting_redline_ok", "st", [("true", "100"), ("", "49")]),
        {
            "id": "score", "name": "score", "type": "expressionNode", "position": {"x": 0, "y": 0},
            "content": {"expressions": [
                {"id": "tenths", "key": "tenths",
                 "value": "floor((20 * (15 * dp + 5 * sp + 5 * hp + 4 * np + 2 * st) + 31) / 62)"},
                {"id": "veto", "key": "veto", "value": " or ".join(VETO_FIELDS)},
            ]},
        },
        {
            "id": "level", "name": "level", "type": "decisionTableNode",
            "position": {"x": 0, "y": 0},
            "content": {
                "hitPolicy": "first",
                "inputs": [{"id": "v", "name": "veto", "field": "veto"},
                           {"id": "t", "name": "tenths", "field": "tenths"}],
                "outputs": [{"id": "o", "name": "credit_level", "field": "credit_level"}],
                "rules": [
                    {"_id": "l1", "v": "true", "t": "", "o": '"red"'},
                    {"_id": "l2", "v": "", "t": ">= 950", "o": '"green"'},
                    {"_id": "l3", "v": "", "t": ">= 800", "o": '"blue"'},
                    {"_id": "l4", "v": "", "t": ">= 600", "o": '"yellow"'},
                    {"_id": "l5", "v": "", "t": "", "o": '"red"'},
                ],
            },
        },
        {"id": "response", "name": "response", "type": "outputNode", "position": {"x": 0, "y": 0}},
    ]
    tables = ["discharge", "solid", "hazwaste", "noise", "siting"]
    edges = [("request", table) for table in tables] + [(table, "score") for table in tables]
    edges += [("request", "score"), ("score", "level"), ("level", "response")]
    return {"nodes": nodes, "edges": [
        {"id": f"e{i}", "sourceId": a, "targetId": b, "type": "edge"} for i, (a, b) in enumerate(edges)
    ]}
