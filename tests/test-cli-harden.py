#!/usr/bin/python3
# test-cli-harden.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 12 §4 and §7 through stresscheck-cli, each test written as the attack: formula
# cells in CSV output, a file-size limit while saving, a backup while another process
# holds the vault, exit statuses of `submit`, a UTF-8 file with one stray byte, an older
# copy swapped over the vault, lifting a lock-out, and STRESSCHECK_KDF=min outside test
# builds. TAP output.
import csv
import fcntl
import io
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["STRESSCHECK_CLI"]
SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, STRESSCHECK_KDF="min")
MHLW = "112331443323243341112334443344433222234342333343343443322"

tests = []


def test(fn):
    tests.append(fn)
    return fn


def cli(*args, input=None, expect=0, env=None, preexec_fn=None):
    proc = subprocess.run([CLI, *args], input=input, capture_output=True, env=env or ENV,
                          timeout=120, preexec_fn=preexec_fn)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f"{' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {out}\nstderr: {err}")
    return proc.returncode, out, err


class Workdir:
    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="sc-cli-harden-")

    def file(self, name, text=None, data=None):
        p = os.path.join(self.path, name)
        if text is not None:
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        if data is not None:
            with open(p, "wb") as f:
                f.write(data)
        return p

    def close(self):
        shutil.rmtree(self.path)


def new_vault(w):
    pw = w.file("pw", "correct horse battery\n")
    hr = w.file("hr", "human resources pass\n")
    vault = w.file("v.scvault")
    cli("vault", "create", vault, "--passphrase-file", pw, "--hr-passphrase-file", hr)
    return vault, pw, hr


EVIL_ROSTER = ("社員番号,氏名,ふりがな,性別,生年月日,部署\r\n"
               "001,\"=HYPERLINK(\"\"http://x/\"\",\"\"a\"\")\",やまだ,男,1985-04-02,+cmd|' /C calc'!A0\r\n"
               "002,@SUM(1+1),たかはし,女,1990-01-31,-2+3\r\n"
               "003,佐藤 次郎,さとう,男,1990-03-04,営業部\r\n")


@test
def csv_formula_cells_are_escaped():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        cli("roster", "import", vault, w.file("r.csv", EVIL_ROSTER), "--passphrase-file", pw)
        _, listed, _ = cli("roster", "list", vault, "--passphrase-file", pw)
        rows = {r["number"]: r for r in csv.DictReader(io.StringIO(listed))}
        assert rows["001"]["name"] == "'=HYPERLINK(\"http://x/\",\"a\")", rows["001"]
        assert rows["001"]["department"] == "'+cmd|' /C calc'!A0", rows["001"]
        assert rows["002"]["name"] == "'@SUM(1+1)", rows["002"]
        assert rows["002"]["department"] == "'-2+3", rows["002"]
        # Ordinary cells are unchanged.
        assert rows["003"]["name"] == "佐藤 次郎" and rows["003"]["department"] == "営業部"
        # No cell of the output starts with a formula character.
        for row in csv.reader(io.StringIO(listed)):
            assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in row), row
        # `roster import` reads its own output back to the same values.
        cli("roster", "import", vault, w.file("r2.csv", listed), "--passphrase-file", pw)
        _, again, _ = cli("roster", "list", vault, "--passphrase-file", pw)
        assert again == listed, (again, listed)

        _, out, _ = cli("round", "create", vault, "--name", "=1+1", "--passphrase-file", pw)
        round_id = out.strip()
        _, out, _ = cli("round", "list", vault, "--passphrase-file", pw)
        assert f"\n{round_id},'=1+1," in out, out

        _, out, _ = cli("codes", vault, round_id, "--passphrase-file", pw)
        rows = {r["number"]: r for r in csv.DictReader(io.StringIO(out))}
        assert rows["001"]["name"].startswith("'=HYPERLINK"), rows
        assert rows["002"]["name"] == "'@SUM(1+1)", rows

        scores = f"id,sex,answers\n=cmd,M,{MHLW}\nplain,F,{MHLW}\n-5,M,{MHLW}\n"
        _, out, _ = cli("score", "--format", "csv", w.file("s.csv", scores))
        ids = [line.split(",")[0] for line in out.splitlines()[1:]]
        assert ids == ["'=cmd", "plain", "'-5"], ids

        for cmd in (["roster", "list"], ["round", "list"], ["codes"], ["score"]):
            _, out, _ = cli(*cmd, "--help")
            assert "formula" in out, (cmd, out)
    finally:
        w.close()


def limit_file_size(limit):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@test
def file_size_limit_is_a_full_disk():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        size = os.path.getsize(vault)
        before = open(vault, "rb").read()
        roster = "社員番号,氏名,性別\r\n" + "".join(f"{i:05d},社員 {i},男\r\n" for i in range(2000))
        # `ulimit -f`: the save cannot grow the file past the limit.
        code, out, err = cli("roster", "import", vault, w.file("r.csv", roster),
                             "--passphrase-file", pw, expect=None,
                             preexec_fn=limit_file_size(size + 512))
        assert code == 74, (code, err)          # not killed by SIGXFSZ (-25), no silence
        assert "disk is full or the file is too large" in err, err
        assert not os.path.exists(vault + ".tmp")
        assert open(vault, "rb").read() == before
        cli("vault", "verify", vault, "--passphrase-file", pw)
    finally:
        w.close()


@test
def submit_statuses():
    w = Workdir()
    try:
        vault, pw, hr = new_vault(w)
        roster = "社員番号,氏名,性別\r\n" + "".join(f"{i:05d},社員 {i},男\r\n" for i in range(300))
        cli("roster", "import", vault, w.file("r.csv", roster), "--passphrase-file", pw)
        _, out, _ = cli("round", "create", vault, "--name", "r", "--passphrase-file", pw)
        round_id = out.strip()
        answers = w.file("a.csv", "id,sex,answers\n"
                         + "".join(f"{i:05d},M,{MHLW}\n" for i in range(300)))
        # HR may not enter answers: a refused role is 77, not "bad rows" 65.
        code, out, err = cli("submit", vault, round_id, answers, "--passphrase-file", hr,
                             expect=None)
        assert code == 77, (code, err)
        # A full disk is 74.
        size = os.path.getsize(vault)
        code, out, err = cli("submit", vault, round_id, answers, "--passphrase-file", pw,
                             expect=None, preexec_fn=limit_file_size(size + 4096))
        assert code == 74, (code, err)
        assert not os.path.exists(vault + ".tmp")
        cli("vault", "verify", vault, "--passphrase-file", pw)
    finally:
        w.close()


@test
def backup_while_the_vault_is_held():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        # Another Stress Check holds the write lock, as the app does while it is open.
        fd = os.open(vault + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            cli("roster", "import", vault, w.file("r.csv", "社員番号,氏名,性別\r\n1,a,男\r\n"),
                "--passphrase-file", pw, expect=75)
            dest = os.path.join(w.path, "copy.scvault")
            cli("vault", "backup", vault, dest, "--passphrase-file", pw)
            assert open(dest, "rb").read() == open(vault, "rb").read()
        finally:
            os.close(fd)
        cli("vault", "verify", dest, "--passphrase-file", pw)
    finally:
        w.close()


@test
def utf8_file_with_a_stray_byte():
    w = Workdir()
    try:
        vault, pw, _ = new_vault(w)
        text = ("社員番号,氏名,性別\r\n001,山田 太郎,男\r\n002,髙橋 花子,女\r\n"
                "003,佐藤 次郎,男\r\n").encode("utf-8")
        # One byte of 佐 cut off on line 4: the rest of the file is good UTF-8.
        broken = text.replace("佐".encode("utf-8"), "佐".encode("utf-8")[:2])
        code, out, err = cli("roster", "import", vault, w.file("r.csv", data=broken),
                             "--passphrase-file", pw, expect=65)
        assert "line 4: not valid UTF-8" in err, err
        # A real Shift_JIS file is still read.
        cli("roster", "import", vault, w.file("sjis.csv", data=text.decode("utf-8").encode("cp932")),
            "--passphrase-file", pw)
        _, out, _ = cli("roster", "list", vault, "--passphrase-file", pw)
        assert "髙橋 花子" in out, out
        # Also one full of half-width katakana, whose byte pairs are now and then valid
        # UTF-8 by chance ("ﾃｽ" is C3 BD, "ý" in UTF-8).
        kana = ("社員番号,氏名,ふりがな,性別\r\n"
                "004,ﾃｽﾄ ﾀﾛｳ,ﾃｽﾄ ﾀﾛｳ,男\r\n005,ﾔﾏﾀﾞ ﾊﾅｺ,ﾔﾏﾀﾞ ﾊﾅｺ,女\r\n"
                "006,ｽｽﾞｷ ｲﾁﾛｳ,ｽｽﾞｷ ｲﾁﾛｳ,男\r\n").encode("cp932")
        cli("roster", "import", vault, w.file("kana.csv", data=kana), "--passphrase-file", pw)
        _, out, _ = cli("roster", "list", vault, "--passphrase-file", pw)
        assert "テスト タロウ" in out or "ﾃｽﾄ ﾀﾛｳ" in out, out
    finally:
        w.close()


@test
def older_copy_swapped_over_the_vault():
    w = Workdir()
    try:
        vault, pw, hr = new_vault(w)
        old = open(vault, "rb").read()
        cli("round", "create", vault, "--name", "after the copy", "--passphrase-file", pw)
        _, _, err = cli("vault", "verify", vault, "--passphrase-file", pw)
        assert "warning" not in err, err
        with open(vault, "wb") as f:
            f.write(old)
        _, out, err = cli("vault", "verify", vault, "--passphrase-file", pw)
        assert "warning: This vault is older than a copy this computer has seen" in err, err
        assert "--accept-restore" in err, err
        # Only the implementer confirms a restore.
        cli("vault", "verify", vault, "--passphrase-file", hr, "--accept-restore", expect=77)
        cli("vault", "verify", vault, "--passphrase-file", pw, "--accept-restore")
        _, _, err = cli("vault", "verify", vault, "--passphrase-file", pw)
        assert "warning" not in err, err
    finally:
        w.close()


@test
def lift_lockout_command():
    w = Workdir()
    try:
        vault, pw, hr = new_vault(w)
        cli("roster", "import", vault, w.file("r.csv", "社員番号,氏名,性別\r\n001,a,男\r\n"),
            "--passphrase-file", pw)
        _, out, _ = cli("round", "create", vault, "--name", "r", "--passphrase-file", pw)
        round_id = out.strip()
        cli("lift-lockout", vault, round_id, "001", "--passphrase-file", pw, expect=66)
        cli("codes", vault, round_id, "--passphrase-file", pw)
        cli("lift-lockout", vault, round_id, "001", "--passphrase-file", hr, expect=77)
        _, out, _ = cli("lift-lockout", vault, round_id, "001", "--passphrase-file", pw)
        assert "001" in out, out
        _, out, _ = cli("lift-lockout", "--help")
        assert "audit" in out, out
    finally:
        w.close()


@test
def minimum_kdf_only_in_test_builds():
    # Test builds (build-aux/dev) honour it and say so on stderr; other builds (the
    # Flatpak, which also runs this suite) ignore it and say that.
    config = open(os.path.join(os.environ["G_TEST_BUILDDIR"], "..", "config.h"),
                  encoding="utf-8").read()
    hooks = "#define SC_TEST_HOOKS 1" in config
    w = Workdir()
    try:
        _, _, err = cli("vault", "create", w.file("v.scvault"), "--passphrase-file",
                        w.file("pw", "correct horse battery\n"))
        if hooks:
            assert "STRESSCHECK_KDF=min" in err and "tests only" in err, err
        else:
            assert "STRESSCHECK_KDF=min is ignored" in err, err
    finally:
        w.close()
    # Builds people use do not: off by default, and off in the Flatpak manifest.
    options = open(os.path.join(SRC, "meson_options.txt"), encoding="utf-8").read()
    entry = options[options.index("option('test_hooks'"):]
    assert "value: false" in entry.split(")", 1)[0], entry
    manifest = open(os.path.join(SRC, "flatpak", "io.github.stresscheck.StressCheck.json"),
                    encoding="utf-8").read()
    assert "-Dtest_hooks=false" in manifest and "-Dtest_hooks=true" not in manifest


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
