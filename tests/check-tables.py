#!/usr/bin/python3
# check-tables.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compares every table the program scores with (as printed by
# `stresscheck-cli questionnaire`) with the reference data in tests/data/bjsq.json:
# item texts and order, sections, option labels, scale formulas, every conversion cell of
# both sexes, and the default thresholds. TAP output.
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
cli = os.environ["STRESSCHECK_CLI"]
ref = json.load(open(os.path.join(here, "data", "bjsq.json"), encoding="utf-8"))
got = json.loads(subprocess.run([cli, "questionnaire"], check=True, capture_output=True).stdout)

checks = []


def check(name, ok, detail=""):
    checks.append((name, ok, detail))


for rs, gs in zip(ref["sections"], got["sections"]):
    check(f"section {rs['id']} instruction", rs["instruction_ja"] == gs["instruction_ja"],
          f"{rs['instruction_ja']!r} != {gs['instruction_ja']!r}")
    check(f"section {rs['id']} title", rs["title_ja"] == gs["title_ja"])
    check(f"section {rs['id']} options",
          [o["label_ja"] for o in rs["options"]] == [o["label_ja"] for o in gs["options"]])
check("4 sections", len(got["sections"]) == 4)

check("57 items", len(got["items"]) == 57 == len(ref["items"]))
for ri, gi in zip(ref["items"], got["items"]):
    same = (ri["no"] == gi["no"] and ri["id"] == gi["id"] and ri["section"] == gi["section"]
            and ri["text_ja"] == gi["text_ja"] and ri.get("context_ja") == gi.get("context_ja")
            and ri["scale"] == gi["scale"]
            and ri["reverse_in_sum_method"] == gi["reverse_in_sum_method"]
            and ri.get("no_in_23_item_version") == gi.get("no_in_23_item_version"))
    check(f"item {ri['id']}", same, f"{ri} != {gi}")

check("19 scales", len(got["scales"]) == 19 == len(ref["scales"]))
for rs, gs in zip(ref["scales"], got["scales"]):
    sid = rs["id"]
    check(f"scale {sid} id/names", (rs["id"], rs["name_ja"], rs["name_en"], rs["section"])
          == (gs["id"], gs["name_ja"], gs["name_en"], gs["section"]))
    check(f"scale {sid} formula", rs["raw_terms"] == gs["raw_terms"], f"{rs['raw_terms']} != {gs['raw_terms']}")
    check(f"scale {sid} range", (rs["raw_min"], rs["raw_max"], rs["direction"])
          == (gs["raw_min"], gs["raw_max"], gs["direction"]))
    for sex in ("male", "female"):
        want = [(c["column"], c["min"], c["max"], c["score"]) for c in rs["conversion"][sex]]
        have = [(c["column"], c["min"], c["max"], c["score"]) for c in gs["conversion"][sex]]
        check(f"scale {sid} conversion {sex}", want == have, f"{want} != {have}")

crit = ref["high_stress_criteria"]
s1 = {c["id"]: c["all_of"] for c in crit["sum_method_57"]["criteria"]}
s2 = {c["id"]: c["all_of"] for c in crit["conversion_method_57"]["criteria"]}
g1 = got["criteria"]["sum_method_57"]
g2 = got["criteria"]["conversion_method_57"]
check("sum method ㋐", s1["a"] == [{"expr": "B", "op": ">=", "value": g1["B_min"]}])
check("sum method ㋑", s1["b"] == [{"expr": "A+C", "op": ">=", "value": g1["AC_min"]},
                                  {"expr": "B", "op": ">=", "value": g1["AC_B_min"]}])
check("conversion method ㋐", s2["a"] == [{"expr": "B", "op": "<=", "value": g2["B_max"]}])
check("conversion method ㋑", s2["b"] == [{"expr": "A+C", "op": "<=", "value": g2["AC_max"]},
                                         {"expr": "B", "op": "<=", "value": g2["AC_B_max"]}])

print(f"1..{len(checks)}")
failed = 0
for n, (name, ok, detail) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {n} {name}")
    if not ok:
        failed += 1
        print(f"# {detail}")
sys.exit(1 if failed else 0)
