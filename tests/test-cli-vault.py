#!/usr/bin/python3
# test-cli-vault.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The vault commands of stresscheck-cli end to end: real vault files, passphrases from
# files (never argv), exit statuses a script can rely on, all-or-nothing roster import,
# role-dependent export. TAP output.
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["STRESSCHECK_CLI"]
HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, STRESSCHECK_KDF="min")
MHLW = "112331443323243341112334443344433222234342333343343443322"

tests = []


def test(fn):
    tests.append(fn)
    return fn


def cli(*args, input=None, expect=0):
    proc = subprocess.run([CLI, *args], input=input, capture_output=True, env=ENV, timeout=120)
    out = proc.stdout.decode("utf-8")
    err = proc.stderr.decode("utf-8")
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f"{' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {out}\nstderr: {err}")
    return proc.returncode, out, err


class Workdir:
    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="sc-cli-vault-")

    def file(self, name, text=None, data=None):
        p = os.path.join(self.path, name)
        if text is not None:
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        if data is not None:
            with open(p, "wb") as f:
                f.write(data)
        return p

    def close(self):
        shutil.rmtree(self.path)


def new_vault(w, with_hr=True):
    pw = w.file("pw", "correct horse battery\n")
    vault = w.file("v.scvault")
    args = ["vault", "create", vault, "--name", "山本 花子", "--passphrase-file", pw]
    if with_hr:
        args += ["--hr-passphrase-file", w.file("hr", "human resources pass\n")]
    _, out, _ = cli(*args)
    key = [l.strip() for l in out.splitlines() if l.startswith("    ")][0]
    return vault, pw, key


ROSTER = ("社員番号,氏名,ふりがな,性別,生年月日,部署\r\n"
          "001,山田 太郎,やまだ たろう,男,昭和60年4月2日,営業部\r\n"
          "002,髙橋 花子,たかはし はなこ,女,1990/01/31,総務部\r\n"
          "003,佐藤 次郎,さとう じろう,男,H2.3.4,営業部\r\n")


@test
def create_and_verify():
    w = Workdir()
    try:
        vault, pw, key = new_vault(w)
        # The recovery key: 8 groups of 4 a person can copy by hand.
        assert len(key.split("-")) == 8 and all(len(g) == 4 for g in key.split("-")), key
        _, out, _ = cli("vault", "verify", vault, "--passphrase-file", pw)
        assert "intact" in out and "implementer" in out, out
        # The creator's name given with --name.
        assert "opened as implementer (山本 花子)" in out, out
        _, out, _ = cli("vault", "verify", vault, "--passphrase-file", w.file("hr"))
        assert "opened as HR" in out, out
        # The file holds no SQLite header.
        assert b"SQLite format 3" not in open(vault, "rb").read()
        # Creating over an existing file is refused and leaves it alone.
        before = open(vault, "rb").read()
        code, _, err = cli("vault", "create", vault, "--passphrase-file", pw, expect=73)
        assert open(vault, "rb").read() == before
        # Without --name, the account's name; an empty one is refused before anything is made.
        other = w.file("named.scvault")
        cli("vault", "create", other, "--passphrase-file", pw)
        _, out, _ = cli("vault", "verify", other, "--passphrase-file", pw)
        assert "opened as implementer (" in out, out
        cli("vault", "create", w.file("blank.scvault"), "--name", " ", "--passphrase-file", pw,
            expect=65)
        assert not os.path.exists(w.file("blank.scvault"))
    finally:
        w.close()


@test
def verify_failures_have_distinct_statuses():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        code, _, err = cli("vault", "verify", vault, "--passphrase-file", w.file("bad", "not it at all\n"), expect=77)
        assert "passphrase" in err.lower(), err
        data = bytearray(open(vault, "rb").read())
        data[len(data) // 2] ^= 0x01
        damaged = w.file("damaged.scvault", data=bytes(data))
        code, _, err = cli("vault", "verify", damaged, "--passphrase-file", pw, expect=65)
        assert "damaged or" in err and "modified" in err, err
        truncated = w.file("short.scvault", data=bytes(data[:100]))
        cli("vault", "verify", truncated, "--passphrase-file", pw, expect=65)
        code, _, err = cli("vault", "verify", w.file("none.scvault") + "x", "--passphrase-file", pw, expect=None)
        assert 0 < code < 128, code
        code, _, err = cli("vault", "verify", vault, "--passphrase-file", "/nonexistent/pw", expect=None)
        assert 0 < code < 128 and "passphrase file" in err, (code, err)
    finally:
        w.close()


@test
def passwd_recover_backup_hr():
    w = Workdir()
    try:
        vault, pw, key = new_vault(w, with_hr=False)
        new = w.file("new", "a brand new passphrase\n")
        cli("vault", "passwd", vault, "--passphrase-file", pw, "--new-passphrase-file", new)
        cli("vault", "verify", vault, "--passphrase-file", pw, expect=77)
        cli("vault", "verify", vault, "--passphrase-file", new)

        # Forgotten passphrase: the recovery key sets another one and is itself replaced.
        keyfile = w.file("key", key.lower().replace("-", " ") + "\n")
        third = w.file("third", "third passphrase here\n")
        _, out, _ = cli("vault", "recover", vault, "--recovery-key-file", keyfile, "--new-passphrase-file", third)
        new_key = [l.strip() for l in out.splitlines() if l.startswith("    ")][0]
        assert new_key != key
        cli("vault", "verify", vault, "--passphrase-file", third)
        cli("vault", "verify", vault, "--passphrase-file", new, expect=77)
        cli("vault", "recover", vault, "--recovery-key-file", keyfile, "--new-passphrase-file", third, expect=77)

        hr = w.file("hr2", "hr staff passphrase\n")
        cli("vault", "verify", vault, "--passphrase-file", hr, expect=77)
        cli("vault", "set-hr-passphrase", vault, "--passphrase-file", third, "--hr-passphrase-file", hr)
        cli("vault", "verify", vault, "--passphrase-file", hr)
        # HR may not appoint HR.
        cli("vault", "set-hr-passphrase", vault, "--passphrase-file", hr, "--hr-passphrase-file", new, expect=77)

        backup = os.path.join(w.path, "backup.scvault")
        cli("vault", "backup", vault, backup, "--passphrase-file", third)
        _, out, _ = cli("vault", "verify", backup, "--passphrase-file", third)
        assert "intact" in out
    finally:
        w.close()


@test
def passphrases_stay_distinct():
    # Issue 12 §2: HR's passphrase may not become the implementer's, in any path that
    # sets one; refused as a data error (65, EX_DATAERR).
    w = Workdir()
    try:
        vault, pw, key = new_vault(w)
        hr = os.path.join(w.path, "hr")
        _, _, err = cli("vault", "passwd", vault, "--passphrase-file", pw,
                        "--new-passphrase-file", hr, expect=65)
        assert "already HR's" in err, err
        _, _, err = cli("vault", "passwd", vault, "--passphrase-file", hr,
                        "--new-passphrase-file", pw, expect=65)
        assert "already the implementer's" in err, err
        keyfile = w.file("key", key + "\n")
        cli("vault", "recover", vault, "--recovery-key-file", keyfile, "--new-passphrase-file", hr,
            expect=65)
        cli("vault", "set-hr-passphrase", vault, "--passphrase-file", pw, "--hr-passphrase-file", pw,
            expect=65)
        # Nothing changed.
        cli("vault", "verify", vault, "--passphrase-file", pw)
        cli("vault", "verify", vault, "--passphrase-file", hr)
    finally:
        w.close()


@test
def roster_import_list_and_reimport():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        sjis = w.file("roster.csv", data=ROSTER.encode("cp932"))
        _, out, _ = cli("roster", "import", vault, sjis, "--passphrase-file", pw)
        assert "3 added, 0 changed" in out, out
        _, out, _ = cli("roster", "list", vault, "--passphrase-file", w.file("hr"))
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["number"] for r in rows] == ["001", "002", "003"]
        assert rows[0]["name"] == "山田 太郎" and rows[0]["birth_date"] == "1985-04-02", rows[0]
        assert rows[1]["sex"] == "F" and rows[2]["birth_date"] == "1990-03-04", rows

        # A re-import updates by number and reports who is missing from the file.
        again = ("number,name,sex,department\n"
                 "001,山田 太郎,M,開発部\n"
                 "004,鈴木 一,M,開発部\n")
        _, out, _ = cli("roster", "import", vault, w.file("again.csv", again), "--passphrase-file", pw)
        assert "1 added, 1 changed" in out and "not in the file: 002" in out, out
    finally:
        w.close()


@test
def roster_import_errors_import_nothing():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        bad = ("社員番号,氏名,性別,生年月日\n"
               "001,山田 太郎,男,1985/04/02\n"
               "002,髙橋 花子,X,1990/01/31\n"
               "001,佐藤 次郎,男,1985/02/30\n")
        code, out, err = cli("roster", "import", vault, w.file("bad.csv", bad), "--passphrase-file", pw, expect=65)
        assert "line 3, column 3" in err, err
        assert "line 4" in err and "2" in err, err
        assert "nothing was imported" in err, err
        _, out, _ = cli("roster", "list", vault, "--passphrase-file", pw)
        assert out.strip().count("\n") == 0, out   # header only
    finally:
        w.close()


@test
def rounds_codes_submit_export():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        hr = w.file("hr")
        cli("roster", "import", vault, w.file("r.csv", ROSTER), "--passphrase-file", pw)
        _, out, _ = cli("round", "create", vault, "--name", "2026年度", "--start", "2026-10-01",
                        "--end", "2026-11-30", "--passphrase-file", pw)
        round_id = out.strip()
        assert round_id == "1", out
        # Criteria are the implementer's: HR cannot open a round.
        cli("round", "create", vault, "--name", "x", "--passphrase-file", hr, expect=77)
        cli("round", "create", vault, "--name", "y", "--conv-b-max", "99", "--passphrase-file", pw, expect=64)

        _, out, _ = cli("codes", vault, "2026年度", "--passphrase-file", pw)
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 3 and all(len(r["code"].replace("-", "")) == 9 for r in rows), rows
        # Only hashes are kept: no code appears in the file.
        data = open(vault, "rb").read()
        for r in rows:
            assert r["code"].encode() not in data

        answers = ("id,sex,answers\n"
                   f"001,M,{MHLW}\n"
                   f"002,F,{'4' * 57}\n"
                   "999,M,123\n")
        code, out, err = cli("submit", vault, round_id, w.file("a.csv", answers), "--passphrase-file", pw, expect=65)
        assert "Saved 2 submissions" in out and "line 4:" in err, (out, err)

        _, out, _ = cli("export", vault, round_id, "--passphrase-file", pw)
        lines = [json.loads(l) for l in out.splitlines()]
        assert [l["employee"] for l in lines] == ["001", "002"]
        assert lines[0]["result"]["conversion"] == {"A": 21, "B": 7, "C": 4, "high_stress": True,
                                                    "criteria": ["a", "b"]}
        assert lines[0]["answers"] == MHLW
        # HR sees who answered, but no result nobody agreed to share.
        _, out, _ = cli("export", vault, round_id, "--passphrase-file", hr)
        lines = [json.loads(l) for l in out.splitlines()]
        assert [l["employee"] for l in lines] == ["001", "002"]
        assert all(l["result"] is None and "answers" not in l for l in lines), lines

        _, out, _ = cli("round", "list", vault, "--passphrase-file", hr)
        assert "1,2026年度,2026-10-01,2026-11-30,open,conversion,77,76,63,12,26,17" in out, out
        cli("round", "close", vault, round_id, "--passphrase-file", pw)
        _, out, _ = cli("round", "list", vault, "--passphrase-file", pw)
        assert ",closed," in out
        cli("round", "close", vault, "nonexistent", "--passphrase-file", pw, expect=66)
    finally:
        w.close()


@test
def submit_with_consent_and_interview():
    """`submit --consent yes|no` and `--interview` record what the employees decided, as the
    kiosk does: HR can open a shared result, never a refused one."""
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        hr = w.file("hr")
        cli("roster", "import", vault, w.file("r.csv", ROSTER), "--passphrase-file", pw)
        _, out, _ = cli("round", "create", vault, "--name", "2026年度", "--start", "2026-01-01",
                        "--end", "2099-12-31", "--passphrase-file", pw)
        round_id = out.strip()
        one = lambda number: w.file(f"{number}.csv", f"id,sex,answers\n{number},M,{MHLW}\n")
        # Bad uses change nothing.
        _, _, err = cli("submit", vault, round_id, one("001"), "--consent", "maybe",
                        "--passphrase-file", pw, expect=64)
        assert "yes or no" in err, err
        cli("submit", vault, round_id, one("001"), "--consent", "no", "--interview",
            "--passphrase-file", pw, expect=64)
        _, out, _ = cli("export", vault, round_id, "--passphrase-file", pw)
        assert out.strip() == "", out

        cli("submit", vault, round_id, one("001"), "--consent", "yes", "--passphrase-file", pw)
        cli("submit", vault, round_id, one("002"), "--consent", "no", "--passphrase-file", pw)
        cli("submit", vault, round_id, one("003"), "--interview", "--passphrase-file", pw)
        _, out, _ = cli("export", vault, round_id, "--passphrase-file", pw)
        subs = {s["employee"]: s for s in map(json.loads, out.splitlines())}
        assert [subs[n]["consent"] for n in ("001", "002")] == ["yes", "no"], subs
        assert subs["003"]["interview_requested_at"] and not subs["002"]["interview_requested_at"]
        # HR: the refused result cannot be opened, the shared ones can.
        _, out, _ = cli("export", vault, round_id, "--passphrase-file", hr)
        seen = {s["employee"]: s for s in map(json.loads, out.splitlines())}
        assert seen["002"]["result"] is None, seen["002"]
        assert seen["001"]["result"] is not None and seen["003"]["result"] is not None, seen
    finally:
        w.close()


@test
def demo_vault():
    w = Workdir()
    try:
        vault = os.path.join(w.path, "demo.scvault")
        _, out, _ = cli("demo", vault)
        assert "stresscheck-demo" in out
        pw = w.file("pw", "stresscheck-demo\n")
        hr = w.file("hr", "stresscheck-demo-hr\n")
        _, out, _ = cli("vault", "verify", vault, "--passphrase-file", pw)
        assert "30 employees, 1 rounds, 25 submissions" in out, out
        _, out, _ = cli("roster", "list", vault, "--passphrase-file", hr)
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len({r["department"] for r in rows}) == 4
        _, out, _ = cli("export", vault, "1", "--passphrase-file", pw)
        subs = [json.loads(l) for l in out.splitlines()]
        consents = {s["consent"] for s in subs}
        assert consents == {"yes", "no", "undecided"}, consents
        assert any(s["interview_requested_at"] for s in subs)
        assert any(s["result"]["conversion"]["high_stress"] for s in subs)
        _, out, _ = cli("export", vault, "1", "--passphrase-file", hr)
        shared = [json.loads(l) for l in out.splitlines()]
        visible = [s for s in shared if s["result"] is not None]
        # HR sees exactly the results that were shared or come with an interview request.
        assert visible and len(visible) < len(shared)
        assert all(s["consent"] == "yes" or s["interview_requested_at"] for s in visible)
    finally:
        w.close()


@test
def help_and_usage():
    for group in ("vault", "roster", "round"):
        _, out, _ = cli(group, "--help")
        assert "Commands:" in out
        cli(group, "frobnicate", expect=64)
    for cmd in (["vault", "create"], ["vault", "verify"], ["roster", "import"], ["codes"], ["submit"],
                ["export"], ["demo"], ["round", "create"]):
        _, out, _ = cli(*cmd, "--help")
        assert "Usage:" in out, cmd
    cli("vault", "verify", expect=64)


# Every command of the shared option parser (src/cli/sc-cli-options.c), with the number of
# positional arguments it takes and whether it reads --passphrase-file.
COMMANDS = [
    (["vault", "create"], 1, True), (["vault", "verify"], 1, True), (["vault", "passwd"], 1, True),
    (["vault", "recover"], 1, False), (["vault", "backup"], 2, True),
    (["vault", "set-hr-passphrase"], 1, True), (["roster", "import"], 2, True),
    (["roster", "list"], 1, True), (["round", "create"], 1, True), (["round", "close"], 2, True),
    (["round", "list"], 1, True), (["codes"], 2, True), (["submit"], 3, True), (["export"], 2, True),
    (["demo"], 1, False), (["score"], None, False), (["group"], None, False),
    (["questionnaire"], 0, False),
]


@test
def shared_parser_usage_errors():
    w = Workdir()
    try:
        for cmd, n_args, passphrase in COMMANDS:
            name = " ".join(cmd)
            # Positional arguments that would create or read files if the options were accepted.
            args = [w.file(f"arg{i}") for i in range(n_args or 0)]
            _, out, err = cli(*cmd, *args, "--frobnicate", expect=64)
            assert err == f"stresscheck-cli: {name}: Unknown option --frobnicate\n", (name, err)
            assert out == "", (name, out)
            assert not any(os.path.exists(a) for a in args), name
            if passphrase:
                _, out, err = cli(*cmd, *args, "--passphrase-file", expect=64)
                assert err == f"stresscheck-cli: {name}: Missing argument for --passphrase-file\n", (name, err)
                _, out, _ = cli(*cmd, "--help")
                assert "-p, --passphrase-file=FILE" in out, (name, out)
            else:
                _, out, _ = cli(*cmd, "--help")
                assert "--passphrase-file" not in out, (name, out)
            if n_args:
                # One positional argument too many: the usage line of the command, exit 64.
                _, out, err = cli(*cmd, *args, "extra", expect=64)
                assert err.startswith(f"stresscheck-cli: {name}: usage: stresscheck-cli {name} "), (name, err)
                assert not any(os.path.exists(a) for a in args), name
    finally:
        w.close()


print(f"1..{len(tests)}")
failed = 0
for n, fn in enumerate(tests, 1):
    try:
        fn()
        print(f"ok {n} {fn.__name__}")
    except Exception:
        failed += 1
        print(f"not ok {n} {fn.__name__}")
        for line in traceback.format_exc().splitlines():
            print(f"# {line}")
sys.exit(1 if failed else 0)
