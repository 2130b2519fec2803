#!/usr/bin/python3
# test-cli-report.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `stresscheck-cli report` and `codes --slips` end to end on the demo vault: every kind
# is written, role rules hold (a refused report writes no file), exit statuses follow
# sysexits, and the PDF text (read back with pdftotext) holds what it must. TAP output.
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["STRESSCHECK_CLI"]
ENV = dict(os.environ, STRESSCHECK_KDF="min")
KINDS = ["individual", "slips", "reminders", "participation", "results", "consented",
         "group", "interviews", "labour-office"]

tests = []


def test(fn):
    tests.append(fn)
    return fn


def cli(*args, expect=0):
    proc = subprocess.run([CLI, *args], capture_output=True, env=ENV, timeout=300)
    out = proc.stdout.decode("utf-8")
    err = proc.stderr.decode("utf-8")
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f"{' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {out}\nstderr: {err}")
    return proc.returncode, out, err


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return "".join(out.split())


class Demo:
    """One demo vault for every test (30 employees, 25 submissions)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sc-cli-report-")
        self.vault = os.path.join(self.dir, "demo.scvault")
        cli("demo", self.vault)
        self.impl = self.file("impl", "stresscheck-demo\n")
        self.hr = self.file("hr", "stresscheck-demo-hr\n")

    def file(self, name, text):
        p = os.path.join(self.dir, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def path(self, name):
        return os.path.join(self.dir, name)

    def files(self):
        return sorted(os.listdir(self.dir))


demo = None


@test
def help_lists_kinds():
    _, out, _ = cli("report", "--help")
    for kind in KINDS:
        assert f"  {kind} " in out, kind
    assert "--scope" in out and "--language" in out and "-o, --output" in out
    assert "--release" in out and "--list-releases" in out


@test
def every_kind_for_the_implementer():
    for kind in KINDS:
        if kind == "slips":
            continue
        out = demo.path(f"{kind}.pdf")
        cli("report", kind, demo.vault, "1", "-o", out, "-p", demo.impl)
        with open(out, "rb") as f:
            assert f.read(5) == b"%PDF-", kind
    text = pdf_text(demo.path("individual.pdf"))
    assert "親展" in text and "面接指導申出書" in text
    assert "高ストレス者に該当します" in text and "高ストレス者に該当しません" in text
    group = pdf_text(demo.path("group.pdf"))
    assert "量－コントロール判定図" in group and "職場の支援判定図" in group
    assert "全体" in group and "回答者が10人未満" in group
    labour = pdf_text(demo.path("labour-office.pdf"))
    assert "検査を受けた労働者数25" in labour, labour
    assert "提出義務はありません" in labour
    participation = pdf_text(demo.path("participation.pdf"))
    assert "高ストレス" not in participation and "判定不能" not in participation


@test
def hr_prints_what_hr_may_see():
    before = demo.files()
    for kind, status in (("individual", 77), ("results", 77), ("group", 77)):
        out = demo.path(f"hr-{kind}.pdf")
        _, _, err = cli("report", kind, demo.vault, "1", "-o", out, "-p", demo.hr, expect=status)
        assert "may not be printed" in err, err
        assert not os.path.exists(out)
    assert demo.files() == before
    out = demo.path("hr-consented.pdf")
    cli("report", "consented", demo.vault, "1", "-o", out, "-p", demo.hr)
    hr_text = pdf_text(out)
    impl_text = pdf_text(demo.path("results.pdf"))
    assert "該当せず" in impl_text or "高ストレス" in impl_text
    # HR's list is shorter than the implementer's: only shared results.
    assert len(hr_text) < len(impl_text)
    cli("report", "participation", demo.vault, "1", "-o", demo.path("hr-p.pdf"), "-p", demo.hr)


@test
def hr_prints_a_released_analysis():
    # The demo releases its analysis by department; every department is under 10.
    before = demo.files()
    out = demo.path("hr-group.pdf")
    _, _, err = cli("report", "group", demo.vault, "1", "-o", out, "-p", demo.hr, expect=77)
    assert "choose a released analysis" in err, err
    _, listing, _ = cli("report", "group", demo.vault, "1", "--list-releases", "-p", demo.hr)
    rows = [line.split("\t") for line in listing.splitlines()]
    assert len(rows) == 1 and rows[0][2] == "実施者（デモ）" and rows[0][3] == "部署別（デモ）", rows
    release = rows[0][0]
    _, _, err = cli("report", "group", demo.vault, "1", "-o", out, "--release", "9999",
                    "-p", demo.hr, expect=65)
    assert "choose a released analysis" in err, err
    _, _, err = cli("report", "results", demo.vault, "1", "-o", out, "--release", release,
                    "-p", demo.hr, expect=64)
    assert demo.files() == before
    cli("report", "group", demo.vault, "1", "-o", out, "--release", release, "-p", demo.hr)
    text = pdf_text(out)
    assert f"{rows[0][1]}に実施者（デモ）が公開" in text, text
    assert "量－コントロール判定図" in text and "職場の支援判定図" in text
    # Each department is named with its reason, never a figure: the table holds the
    # whole workplace's risks only (the implementer's full report has the same rows).
    for department in ("総務部", "営業部", "製造部", "開発部"):
        assert department in text, department
    assert "回答者が10人未満" in text
    full = pdf_text(demo.path("group.pdf"))
    assert "公開" not in full
    # Only the implementer withdraws; the listing is the same with their passphrase.
    _, impl_listing, _ = cli("report", "group", demo.vault, "1", "--list-releases",
                             "-p", demo.impl)
    assert impl_listing == listing


@test
def bad_input():
    before = demo.files()
    out = demo.path("x.pdf")
    _, _, err = cli("report", "bogus", demo.vault, "1", "-o", out, "-p", demo.impl, expect=64)
    assert "unknown report kind" in err
    _, _, err = cli("report", "slips", demo.vault, "1", "-o", out, "-p", demo.impl, expect=64)
    assert "codes VAULT ROUND --slips" in err
    cli("report", "results", demo.vault, "1", "-p", demo.impl, expect=64)
    cli("report", "results", demo.vault, "1", "-o", out, "--scope", "colour=red",
        "-p", demo.impl, expect=64)
    cli("report", "results", demo.vault, "1", "-o", out, "--language", "fr",
        "-p", demo.impl, expect=65)
    _, _, err = cli("report", "results", demo.vault, "1", "-o",
                    os.path.join(demo.dir, "no-such-folder", "x.pdf"), "-p", demo.impl,
                    expect=73)
    assert "x.pdf" in err
    assert demo.files() == before
    cli("round", "create", demo.vault, "--name", "empty", "--start", "2027-01-01",
        "--end", "2027-01-31", "-p", demo.impl)
    before = demo.files()
    _, _, err = cli("report", "individual", demo.vault, "empty", "-o", out, "-p", demo.impl,
                    expect=65)
    assert "no submissions" in err
    assert demo.files() == before


@test
def scope_and_language():
    out = demo.path("en.pdf")
    cli("report", "results", demo.vault, "1", "-o", out, "--language", "en",
        "--scope", "filter=high-stress", "-p", demo.impl)
    text = pdf_text(out)
    assert "Resultslist" in text and "highstressonly" in text
    assert "notHigh" not in text and "nothigh" not in text


@test
def codes_print_slips():
    out = demo.path("slips.pdf")
    _, stdout, _ = cli("codes", demo.vault, "1", "--slips", out, "-p", demo.hr)
    assert stdout == "", "the codes went into the PDF only"
    text = pdf_text(out)
    assert "アクセスコード" in text and "コード:" in text
    # A lost code: one new code, one slip.
    one = demo.path("one.pdf")
    cli("codes", demo.vault, "1", "--slips", one, "--employee", "D1001", "-p", demo.hr)
    one_text = pdf_text(one)
    assert "D1001" in one_text and "D1002" not in one_text
    assert one_text.count("コード:") == 1
    cli("codes", demo.vault, "1", "--slips", one, "--employee", "NOPE", "-p", demo.hr,
        expect=66)
    # An unwritable folder is refused before any code is replaced.
    _, _, err = cli("codes", demo.vault, "1", "--slips",
                    os.path.join(demo.dir, "missing", "s.pdf"), "-p", demo.hr, expect=73)
    assert "cannot write the slips" in err


print(f"1..{len(tests)}")
failed = 0
try:
    demo = Demo()
    for n, fn in enumerate(tests, 1):
        try:
            fn()
            print(f"ok {n} {fn.__name__}")
        except Exception:
            failed += 1
            print(f"not ok {n} {fn.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
finally:
    if demo is not None:
        shutil.rmtree(demo.dir)
sys.exit(1 if failed else 0)
