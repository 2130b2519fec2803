#!/usr/bin/env python3
# test-cli-group.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `stresscheck-cli group` end to end: CSV files built here from tests/data/respondents-300.csv
# with group labels assigned by the test, the JSON read back with Python's json module and
# compared with figures computed here, independently of the C code, from
# respondents-300.expected.jsonl (the per-respondent chart scales and 評価点). TAP output.

import json
import math
import os
import re
import subprocess
import sys
import tempfile

CLI = os.environ["STRESSCHECK_CLI"]
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))

CHART = ["quantitative_demand", "job_control", "supervisor_support", "coworker_support"]
SCALES = [
    "quantitative_demand", "qualitative_demand", "physical_demand", "interpersonal_stress",
    "environment_stress", "job_control", "skill_utilization", "job_fit", "meaningfulness",
    "vigor", "irritability", "fatigue", "anxiety", "depression", "somatic",
    "supervisor_support", "coworker_support", "family_support", "satisfaction",
]
# Spec §6, set A and set B: (A0, alpha, B0, beta, C0, gamma, D0, delta).
SET_A = {"M": (8.7, 0.076, 7.9, -0.089, 7.5, -0.097, 8.1, -0.097),
         "F": (7.9, 0.048, 7.2, -0.056, 6.6, -0.097, 8.2, -0.097)}
SET_B = {"M": (8.7, 0.076, 8.0, -0.089, 7.6, -0.097, 8.1, -0.097),
         "F": (8.7, 0.076, 8.0, -0.089, 7.6, -0.097, 8.1, -0.097)}


def load_rows():
    with open(os.path.join(SRCDIR, "data", "respondents-300.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    with open(os.path.join(SRCDIR, "data", "respondents-300.expected.jsonl"),
              encoding="utf-8") as f:
        expected = [json.loads(line) for line in f]
    rows = []
    for line, exp in zip(lines, expected):
        rid, sex, answers = line.split(",")
        assert rid == exp["id"]
        assert exp["sex"] in ("M", "F")
        rows.append({"id": rid, "sex_text": sex, "sex": exp["sex"], "answers": answers,
                     "exp": exp})
    return rows


ROWS = load_rows()
COMPLETE = [r for r in ROWS if r["exp"]["complete"]]
INCOMPLETE = [r for r in ROWS if not r["exp"]["complete"]]


def risk(c, qd, ctl, sup, cow):
    a = 100 * math.exp((qd - c[0]) * c[1] + (ctl - c[2]) * c[3])
    b = 100 * math.exp((sup - c[4]) * c[5] + (cow - c[6]) * c[7])
    return a, b, a * b / 100


def figures(members, constants):
    """The expected figures of a set of rows (complete ones only), as the spec defines them."""
    done = [r for r in members if r["exp"]["complete"]]
    n = len(done)
    out = {"n": n, "n_male": sum(r["sex"] == "M" for r in done),
           "n_female": sum(r["sex"] == "F" for r in done),
           "excluded_incomplete": len(members) - n}
    if n == 0:
        return out
    out["chart"] = {k: sum(r["exp"]["chart"][k] for r in done) / n for k in CHART}
    out["scale_means"] = {k: sum(r["exp"]["scales"][k]["score"] for r in done) / n
                          for k in SCALES}
    by_sex = {}
    combined = [0.0, 0.0, 0.0]
    for sex, name in (("M", "male"), ("F", "female")):
        part = [r for r in done if r["sex"] == sex]
        if not part:
            by_sex[name] = None
            continue
        chart = {k: sum(r["exp"]["chart"][k] for r in part) / len(part) for k in CHART}
        rs = risk(constants[sex], *(chart[k] for k in CHART))
        by_sex[name] = {"n": len(part), "chart": chart,
                        "risk": {"A": rs[0], "B": rs[1], "total": rs[2]}}
        for i in range(3):
            combined[i] += len(part) * rs[i]
    out["risk"] = {"A": combined[0] / n, "B": combined[1] / n, "total": combined[2] / n}
    out["by_sex"] = by_sex
    return out


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, name, func):
        self.n += 1
        try:
            func()
        except Exception as e:  # an AssertionError or a JSON / process error alike
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            for line in repr(e).splitlines() or [""]:
                print(f"# {line}")
        else:
            print(f"ok {self.n} - {name}")
        sys.stdout.flush()

    def finish(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


TMP = tempfile.TemporaryDirectory(prefix="sc-test-cli-group-")


def write_csv(name, rows_with_groups, header="id,sex,answers,group", extra_lines=()):
    """Writes the rows in the column order of @header; a name other than id, sex and
    answers is the group column."""
    path = os.path.join(TMP.name, name)
    names = header.split(",")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\r\n")
        for r, g in rows_with_groups:
            value = {"id": r["id"], "sex": r["sex_text"], "answers": r["answers"]}
            f.write(",".join(value.get(n, f'"{g}"') for n in names) + "\r\n")
        for line in extra_lines:
            f.write(line + "\r\n")
    return path


def run(*args, stdin=None):
    p = subprocess.run([CLI, "group", *args], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def close(got, want, what):
    assert isinstance(got, (int, float)), f"{what}: {got!r} is not a number"
    assert abs(got - want) <= 0.005 + 1e-9, f"{what}: got {got}, want {want:.4f}"


def assert_figures(entry, want, label):
    """Every number of a shown entry against the independently computed figures."""
    assert entry["suppressed"] is False, f"{label}: suppressed"
    assert entry["reason"] is None
    for k in ("n", "n_male", "n_female", "excluded_incomplete"):
        assert entry[k] == want[k], f"{label} {k}: {entry[k]} != {want[k]}"
    for k in CHART:
        close(entry["chart"][k], want["chart"][k], f"{label} chart {k}")
    for k in ("A", "B", "total"):
        close(entry["risk"][k], want["risk"][k], f"{label} risk {k}")
    assert entry["risk"]["method"] == "weighted by sex headcount"
    assert sorted(entry["scale_means"]) == sorted(SCALES)
    for k in SCALES:
        close(entry["scale_means"][k], want["scale_means"][k], f"{label} scale {k}")


def assert_by_sex(entry, want, label):
    for name in ("male", "female"):
        got, exp = entry["by_sex"][name], want["by_sex"][name]
        if exp is None:
            assert got is None, f"{label} {name}: expected null"
            continue
        assert got["n"] == exp["n"]
        for k in CHART:
            close(got["chart"][k], exp["chart"][k], f"{label} {name} chart {k}")
        for k in ("A", "B", "total"):
            close(got["risk"][k], exp["risk"][k], f"{label} {name} risk {k}")


def assert_suppressed(entry, reason):
    # A suppressed entry shows its name, that it is suppressed and why: nothing else.
    assert set(entry) == {"group", "suppressed", "reason"}, f"extra keys: {sorted(entry)}"
    assert entry["suppressed"] is True
    assert entry["reason"] == reason, f'{entry["group"]}: {entry["reason"]} != {reason}'


def assert_numbers_have_two_decimals(text):
    # Means and risks are printed "%.2f" whatever the locale: a dot and two decimals.
    keys = "|".join(CHART + SCALES + ["A", "B", "total"])
    found = re.findall(rf'"(?:{keys})": (-?[0-9][^,\n}}]*)', text)
    assert len(found) > 20, found
    for number in found:
        assert re.fullmatch(r"-?[0-9]+\.[0-9]{2}", number), number


def by_group(doc):
    return {g["group"]: g for g in doc["groups"]}


# ---- scenarios -----------------------------------------------------------------------

def pick(n, start, complete=True):
    pool = COMPLETE if complete else INCOMPLETE
    assert start + n <= len(pool)
    return pool[start:start + n]


def test_main():
    # 営業部 25 people with many men and women, 製造部 12, 総務 3 (too small), 20 without a
    # group, and incomplete questionnaires in 営業部 and among the unlabelled.
    eigyo = pick(25, 0) + pick(2, 0, complete=False)
    seizo = pick(12, 25)
    somu = pick(3, 37)
    none_ = pick(20, 40) + pick(1, 2, complete=False)
    rows = ([(r, "営業部") for r in eigyo[:13]] + [(r, "製造部") for r in seizo]
            + [(r, " 営業部 ") for r in eigyo[13:]]      # blanks around a label are ignored
            + [(r, "総務") for r in somu] + [(r, "") for r in none_])
    path = write_csv("main.csv", rows)
    rc, out, err = run(path)
    assert rc == 0, f"exit {rc}: {err}"
    assert err == "", err
    doc = json.loads(out)

    assert doc["min_size"] == 10
    assert doc["respondents"] == len(rows)
    assert doc["excluded_incomplete"] == 3
    assert doc["constants"]["id"] == "set-a"
    assert doc["constants"]["verified"] is False
    assert doc["constants"]["note"].startswith("要確認")
    assert doc["constants"]["male"]["B0"] == 7.9 and doc["constants"]["female"]["alpha"] == 0.048

    everyone = eigyo + seizo + somu + none_
    total_want = figures(everyone, SET_A)
    assert doc["total"]["group"] == "全体"
    assert_figures(doc["total"], total_want, "total")

    assert [g["group"] for g in doc["groups"]] == ["営業部", "製造部", "総務"]
    groups = by_group(doc)
    want = figures(eigyo, SET_A)
    assert_figures(groups["営業部"], want, "営業部")
    want_s = figures(seizo, SET_A)
    assert_figures(groups["製造部"], want_s, "製造部")
    assert_suppressed(groups["総務"], "too_small")

    # Per-sex blocks: shown only when neither sex is in 1..9.
    for label, entry, w in (("total", doc["total"], total_want), ("営業部", groups["営業部"], want),
                            ("製造部", groups["製造部"], want_s)):
        small = any(0 < w[k] < 10 for k in ("n_male", "n_female"))
        if small:
            assert entry["by_sex"] == {"male": None, "female": None,
                                       "reason": "sex_subgroup_too_small"}, label
        else:
            assert entry["by_sex"]["reason"] is None, f'{label}: {entry["by_sex"]["reason"]}'
            assert_by_sex(entry, w, label)
    assert_numbers_have_two_decimals(out)
    # The high-stress count is never reported.
    assert "high_stress" not in out


def test_differencing():
    # Total 25 = A 12 + B 10 + C 3: C too small, B complementary (total − A − B = C).
    rows = ([(r, "A") for r in pick(12, 0)] + [(r, "B") for r in pick(10, 12)]
            + [(r, "C") for r in pick(3, 22)])
    rc, out, err = run(write_csv("diff.csv", rows))
    assert rc == 0, err
    doc = json.loads(out)
    g = by_group(doc)
    assert_suppressed(g["C"], "too_small")
    assert_suppressed(g["B"], "complementary")
    assert_figures(g["A"], figures(pick(12, 0), SET_A), "A")
    assert doc["total"]["n"] == 25


def test_unlabelled_differencing():
    # 4 people without a group: total − A − B would be exactly them.
    rows = ([(r, "A") for r in pick(15, 0)] + [(r, "") for r in pick(4, 15)]
            + [(r, "B") for r in pick(11, 19)])
    rc, out, err = run(write_csv("unlabelled.csv", rows))
    assert rc == 0, err
    g = by_group(json.loads(out))
    assert list(g) == ["A", "B"]
    assert g["A"]["suppressed"] is False
    assert_suppressed(g["B"], "complementary")


def test_workplace_too_small():
    rows = [(r, "A") for r in pick(9, 0)] + [(r, "A") for r in pick(3, 0, complete=False)]
    rc, out, err = run(write_csv("small.csv", rows))
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["respondents"] == 12
    assert_suppressed(doc["total"], "workplace_too_small")
    assert_suppressed(doc["groups"][0], "workplace_too_small")
    assert "fewer than 10" in err and "no group analysis" in err, err


def test_bad_rows():
    rows = [(r, "A") for r in pick(12, 0)]
    path = write_csv("bad.csv", rows, extra_lines=[
        f'x1,X,{COMPLETE[0]["answers"]},A',          # line 14: bad sex
        f'x2,M,{COMPLETE[0]["answers"][:56]},A',     # line 15: 56 answers
        f'x3,M,{COMPLETE[0]["answers"]},A',          # line 16: fine
    ])
    rc, out, err = run(path)
    assert rc == 65, f"exit {rc}"
    lines = err.splitlines()
    assert any(l.startswith("line 14: ") and "sex" in l for l in lines), err
    assert any(l.startswith("line 15: ") for l in lines), err
    assert not any(l.startswith("line 16") for l in lines), err
    doc = json.loads(out)                             # the rest is still analysed
    assert doc["respondents"] == 13
    assert doc["groups"][0]["n"] == 13


def test_min_size_option():
    rows = [(r, "A") for r in pick(11, 0)] + [(r, "B") for r in pick(12, 11)]
    path = write_csv("min.csv", rows)
    rc, out, err = run("--min-size", "9", path)
    assert rc == 64, f"exit {rc}"
    assert out == ""
    assert "at least 10" in err, err
    rc, out, err = run("--min-size=0", path)
    assert rc == 64
    rc, out, err = run("--min-size", "12", path)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["min_size"] == 12
    g = by_group(doc)
    assert_suppressed(g["A"], "too_small")
    # R = 11 < 12 after hiding A, so B goes as well.
    assert_suppressed(g["B"], "complementary")
    assert doc["total"]["n"] == 23 and doc["total"]["suppressed"] is False


def test_constants_file():
    rows = [(r, "A") for r in pick(30, 0)]
    path = write_csv("constants-input.csv", rows)
    ini = os.path.join(TMP.name, "set-b.ini")
    keys = ["A0", "alpha", "B0", "beta", "C0", "gamma", "D0", "delta"]
    with open(ini, "w", encoding="utf-8") as f:
        f.write("[set]\nid=file-b\nname=Set B from a file\nsource=test\nverified=true\n")
        for sex, group in (("M", "male"), ("F", "female")):
            f.write(f"[{group}]\n" + "".join(f"{k}={v}\n" for k, v in zip(keys, SET_B[sex])))
    rc, out, err = run("--constants", ini, path)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["constants"]["id"] == "file-b"
    assert doc["constants"]["verified"] is True and doc["constants"]["note"] is None
    assert_figures(doc["total"], figures(pick(30, 0), SET_B), "total (set B file)")

    rc, out2, err = run("--constant-set", "set-b", path)
    assert rc == 0, err
    doc2 = json.loads(out2)
    assert doc2["constants"]["id"] == "set-b" and doc2["constants"]["verified"] is False
    assert doc2["total"]["risk"] == doc["total"]["risk"]

    # The technote's original means, per sex (bjsq.json set_legacy_technote).
    rc, out3, err = run("--constant-set", "legacy", path)
    assert rc == 0, err
    doc3 = json.loads(out3)
    assert doc3["constants"]["id"] == "legacy" and doc3["constants"]["verified"] is False
    assert doc3["constants"]["male"]["B0"] == 8.0 and doc3["constants"]["female"]["A0"] == 7.6
    assert doc3["constants"]["female"]["C0"] == 6.9

    with open(ini, "w", encoding="utf-8") as f:
        f.write("[set]\nid=x\nname=x\nsource=x\nverified=false\n[male]\nA0=8,7\n")
    rc, out, err = run("--constants", ini, path)
    assert rc == 65, f"exit {rc}"
    assert out == ""
    assert "line 7: [male] A0" in err, err
    rc, out, err = run("--constants", os.path.join(TMP.name, "missing.ini"), path)
    assert rc == 66, f"exit {rc}"


def test_header_names_and_stdin():
    rows = [(r, "製造") for r in pick(10, 0)]
    path = write_csv("ja.csv", rows, header="id,sex,answers,部署")
    with open(path, "rb") as f:
        data = f.read()
    rc, out, err = run("-", stdin=data)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["groups"][0]["group"] == "製造" and doc["groups"][0]["n"] == 10
    # 集団, and as the first column: the label comes from that column, not from position.
    rows = [(r, "営業") for r in pick(10, 0)] + [(r, "総務") for r in pick(10, 10)]
    rc, out, err = run(write_csv("ja2.csv", rows, header="集団,sex,answers,id"))
    assert rc == 0, err
    g = by_group(json.loads(out))
    assert list(g) == ["営業", "総務"]
    assert_figures(g["総務"], figures(pick(10, 10), SET_A), "総務")


def test_group_column_required():
    path = write_csv("nogroup.csv", [], header="id,sex,answers")
    with open(path, "a", encoding="utf-8") as f:
        f.write(f'a,M,{COMPLETE[0]["answers"]}\n')
    rc, out, err = run(path)
    assert rc == 65, f"exit {rc}"
    assert "group" in err, err
    assert out == ""


def test_help():
    rc, out, err = run("--help")
    assert rc == 0
    for needle in ("要確認", "--min-size", "too_small", "complementary",
                   "workplace_too_small", "sex_subgroup_too_small", "--constants"):
        assert needle in out, needle


def main():
    tap = Tap()
    tap.check("analysis matches figures computed from the expected vectors", test_main)
    tap.check("differencing: total 25 = 12 + 10 + 3", test_differencing)
    tap.check("differencing with unlabelled respondents", test_unlabelled_differencing)
    tap.check("workplace under 10 gets no analysis", test_workplace_too_small)
    tap.check("bad rows are named and exit 65", test_bad_rows)
    tap.check("--min-size below 10 refused, above 10 honoured", test_min_size_option)
    tap.check("--constants file and --constant-set", test_constants_file)
    tap.check("部署 header and standard input", test_header_names_and_stdin)
    tap.check("the group column is required", test_group_column_required)
    tap.check("--help explains suppression and 要確認", test_help)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
