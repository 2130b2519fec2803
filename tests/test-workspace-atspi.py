#!/usr/bin/python3
# test-workspace-atspi.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The workspace as a screen reader user works in it: through the AT-SPI tree of the real
# `stresscheck` program, finding every control by its role and name only (issue 8 §6–§7).
# A vault is made with stresscheck-cli: three employees, a round ending 2099-12-31, paper
# answers for all three, one of them high stress.
#  - Implementer: unlocks → Results → opens the high-stress person → records the decision
#    (the radio button "Interview required", with a note) → saves → Interviews, where the
#    person is listed now → 勧奨 given, the 申出 entered by staff, the interview (date,
#    doctor, the Regional Occupational Health Center as the place), the doctor's opinion
#    (就業区分 and the Art. 52-18 opinion) → saves; the program is started again and the
#    decision and the whole interview record are there.
#  - HR (a passphrase set with `vault set-hr-passphrase`): unlocks and goes through every
#    section of its sidebar; the name and number of a person who REFUSED to share (recorded
#    with `submit --consent no`) are nowhere in the accessible tree but in Participation's
#    row saying that they answered.
#
# Like test-kiosk-atspi.py it needs GTK's real AT-SPI bridge, so it starts itself again on
# a private X display and session bus. TAP output.
import csv
import io
import json
import os
import shutil
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

from atspi_bus import ensure_private_bus  # noqa: E402

ensure_private_bus()

import pyatspi  # noqa: E402  (only inside the private bus)

CLI = os.environ["STRESSCHECK_CLI"]
APP = os.environ.get("STRESSCHECK_GUI",
                     os.path.join(os.path.dirname(CLI), "..", "stresscheck"))
PASSPHRASE = "correct horse battery"
HR_PASSPHRASE = "staple battery horse"
# The worked example of the MHLW manual: a high-stress result.
HIGH_STRESS = "112331443323243341112334443344433222234342333343343443322"
# Answers of tests/data/respondents-300.csv that are not high stress.
LOW_STRESS = "131444421414414321311114241244232243141231342334414244233"

from atspi_tree import *  # noqa: E402,F401,F403  (the shared AT-SPI helpers)


def button(root, label):
    """The one sensitive push button named @label (as GTK 4.8 names workspace buttons)."""
    def find():
        found = [a for a in find_all(root, "push button")
                 if workspace_named(a, label) and actionable(a)]
        return found[0] if len(found) == 1 else None
    return wait_for(f"push button “{label}”", find)


def dump(root):
    for a in walk(root):
        if a.name or role(a) in CONTROL_ROLES:
            note(f"{role(a)} “{a.name}”")


# ---- The vault ------------------------------------------------------------------------------

def cli(*args):
    env = dict(os.environ, STRESSCHECK_KDF="min")
    proc = subprocess.run([CLI, *args], capture_output=True, env=env, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"stresscheck-cli {args[0]}: {proc.stderr}")
    return proc.stdout


HIGH = ("8001", "佐藤 一郎")
# Refused to share their result (submit --consent no).
REFUSING = ("8003", "田中 三郎")


def prepare_vault(workdir):
    pw = os.path.join(workdir, "pw")
    hr = os.path.join(workdir, "hr")
    with open(pw, "w", encoding="utf-8") as f:
        f.write(PASSPHRASE + "\n")
    with open(hr, "w", encoding="utf-8") as f:
        f.write(HR_PASSPHRASE + "\n")
    vault = os.path.join(workdir, "workspace.scvault")
    roster = os.path.join(workdir, "roster.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("社員番号,氏名,性別,生年月日,部署\n"
                "8001,佐藤 一郎,男,1980/05/10,営業部\n"
                "8002,高橋 花子,女,1992/11/03,総務部\n"
                "8003,田中 三郎,男,1975/02/20,営業部\n")
    answers = os.path.join(workdir, "answers.csv")
    with open(answers, "w", encoding="utf-8") as f:
        f.write("id,sex,answers\n"
                f"8001,M,{HIGH_STRESS}\n"
                f"8002,F,{LOW_STRESS}\n")
    refusing = os.path.join(workdir, "refusing.csv")
    with open(refusing, "w", encoding="utf-8") as f:
        f.write(f"id,sex,answers\n{REFUSING[0]},M,{LOW_STRESS}\n")
    cli("vault", "create", vault, "--passphrase-file", pw)
    cli("vault", "set-hr-passphrase", vault, "--passphrase-file", pw, "--hr-passphrase-file", hr)
    cli("roster", "import", vault, roster, "--passphrase-file", pw)
    round_id = cli("round", "create", vault, "--name", "2026年度", "--start", "2026-06-01",
                   "--end", "2099-12-31", "--passphrase-file", pw).strip()
    cli("codes", vault, "2026年度", "--passphrase-file", pw)
    out = cli("submit", vault, round_id, answers, "--passphrase-file", pw)
    note(out)
    # The third person answered and refused to share the result with the employer.
    note(cli("submit", vault, round_id, refusing, "--consent", "no", "--passphrase-file", pw))
    return vault, round_id, pw, hr


def launch(vault):
    """Starts the program on @vault. The private X server can turn away a client that comes
    very early: the program is started again if it exits within its first seconds."""
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["LANGUAGE"] = "en"
    for _ in range(3):
        proc = subprocess.Popen([APP, "--vault", vault], env=env)
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            return proc
        note(f"the program exited at once ({proc.returncode}); starting it again")
        time.sleep(1)
    raise AssertionError("the program does not start")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def unlock(proc, passphrase):
    def passphrase_field():
        app = find_app(proc.pid)
        if app is None:
            return None
        fields = [a for a in walk(app) if role(a) in ("text", "password text")
                  and "Passphrase" in (a.name or "")]
        return (app, fields[0]) if fields else None

    app, field = wait_for("the unlock page", passphrase_field)
    field.queryEditableText().setTextContents(passphrase)
    press(button(app, "Unlock"))
    return app


# Key codes of the X server's standard (evdev) keyboard map, which Xvfb uses.
KEYCODES = {"Return": 36, "Tab": 23, "Control_L": 37, "f": 41, "space": 65, "Down": 116}


def press_key(name):
    pyatspi.Registry.generateKeyboardEvent(KEYCODES[name], None, pyatspi.KEY_PRESSRELEASE)


def press_keys(modifier, key):
    reg = pyatspi.Registry
    reg.generateKeyboardEvent(KEYCODES[modifier], None, pyatspi.KEY_PRESS)
    reg.generateKeyboardEvent(KEYCODES[key], None, pyatspi.KEY_PRESSRELEASE)
    reg.generateKeyboardEvent(KEYCODES[modifier], None, pyatspi.KEY_RELEASE)


def show_section(app, title):
    """Selects the sidebar row @title in the list “Sections”."""
    sidebar = wait_for("the sidebar", lambda: find_all(app, "list", "Sections"))[0]
    items = children(sidebar)
    names = [a.name for a in items]
    index = names.index(title)
    sidebar.querySelection().selectChild(index)
    wait_for(f"the {title} section selected",
             lambda: state(items[index], pyatspi.STATE_SELECTED))
    return names


def set_text(root, role_name, name, text):
    field = wait_for(f"{role_name} “{name}”",
                     lambda: [a for a in find_all(root, role_name, name) if sensitive(a)])[0]
    field.queryEditableText().setTextContents(text)
    try:
        wait_for(f"“{name}” filled in",
                 lambda: field.queryText().getText(0, field.queryText().characterCount) == text, 5)
    except AssertionError:
        note(f"“{name}” holds “{field.queryText().getText(0, field.queryText().characterCount)}”")
        raise


def focused_in(root):
    return [a for a in walk(root) if state(a, pyatspi.STATE_FOCUSED)]


def open_row(root, number):
    """Opens the result of employee @number as a keyboard user does: Ctrl+F, the number
    typed in the search field, which leaves that one row, and Return."""
    # Tab brings the keyboard focus to the sidebar (there is none after a sidebar row was
    # selected through AT-SPI), where Ctrl+F searches the section shown.
    sidebar = find_all(root, "list", "Sections")[0]
    for _ in range(10):
        press_key("Tab")
        time.sleep(0.3)
        if [a for a in children(sidebar) if state(a, pyatspi.STATE_FOCUSED)]:
            break
    else:
        raise AssertionError("Tab never reaches the sidebar")
    press_keys("Control_L", "f")
    search = wait_for("the search field focused",
                      lambda: [a for a in find_all(root, "entry",
                                                   "Search results by name or number")
                               if state(a, pyatspi.STATE_FOCUSED)], 10)[0]
    search.queryEditableText().setTextContents(number)
    table = [t for t in find_all(root, "tree table", "Submissions of the round")][0]
    wait_for(f"only {number} shown",
             lambda: len(find_all(table, "table row")) == 2 and find_all(table, "label", number))
    press_key("Return")


def radio(root, name):
    """The radio button @name, sensitive and with an action (a screen reader can press it)."""
    return wait_for(f"radio button “{name}”",
                    lambda: [a for a in find_all(root, "radio button", name) if actionable(a)])[0]


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def field(root, name):
    return wait_for(f"the field “{name}”",
                    lambda: [a for a in find_all(root, "text", name) if sensitive(a)])[0]


def tab_to(acc, what):
    """Tab until @acc has the keyboard focus (GTK 4.8 does not let AT-SPI move the focus:
    grabFocus fails)."""
    for _ in range(60):
        if state(acc, pyatspi.STATE_FOCUSED):
            return
        press_key("Tab")
        time.sleep(0.15)
    raise AssertionError(f"Tab never reaches {what}")


def choose(root, row_name, option):
    """Chooses @option of the choice (combo box) @row_name as a keyboard user does: the
    focus on it, Return opens its list, Down moves to the option, Return chooses it."""
    combo = wait_for(f"the choice “{row_name}”",
                     lambda: [a for a in find_all(root, "combo box", row_name)
                              if sensitive(a)])[0]
    tab_to(combo, f"“{row_name}”")
    press_key("Return")

    def focused_option():
        items = [a for a in walk(root) if role(a) == "list item"
                 and state(a, pyatspi.STATE_FOCUSED)]
        return [c.name for a in items for c in walk(a) if role(c) == "label"]

    wait_for(f"the list of “{row_name}” open", focused_option, 5)
    for _ in range(8):
        if option in focused_option():
            break
        press_key("Down")
        time.sleep(0.3)
    else:
        raise AssertionError(f"no option “{option}” in “{row_name}”")
    press_key("Return")
    wait_for(f"“{option}” chosen",
             lambda: [c for c in walk(combo) if role(c) == "label" and c.name == option], 5)


def show_person(app, name):
    """Interviews: the person @name chosen in the list of people as a keyboard user does:
    the row selected (a screen reader's selection), Tab brings the focus to it, Return
    opens it."""
    show_section(app, "Interviews")
    people = wait_for("the people list",
                      lambda: find_all(app, "list", "People with an interview step"))[0]
    index = wait_for(f"{name} in the Interviews list",
                     lambda: [i for i, a in enumerate(children(people)) if name in (a.name or "")],
                     15)[0]
    people.querySelection().selectChild(index)
    tab_to(children(people)[index], f"{name} in the Interviews list")
    press_key("Return")
    return field(app, "Doctor")


# What the implementer enters in Interviews: field name → text.
INTERVIEW = {
    "Interview encouraged on": "2026-06-20",
    "Interview requested on": "2026-06-22",
    "Interview held on": "2026-07-01",
    "Doctor": "Dr. Yamada",
    "Doctor's opinion heard on": "2026-07-02",
    "Doctor's opinion (record under Art. 52-18)": "Fewer night shifts for a month",
}
PLACE = "Regional Occupational Health Center"
WORK_CLASS = "Restricted work or consideration"


def implementer_path(vault, pw):
    proc = launch(vault)
    try:
        app = unlock(proc, PASSPHRASE)
        show_section(app, "Results")
        tap(True, "implementer: unlocks and shows the Results section")

        open_row(app, HIGH[0])
        back = wait_for("the result view", lambda: [a for a in find_all(app, "push button",
                                                    "Back to the results list")
                                                    if actionable(a)])[0]
        # The choice is a pair of radio buttons, each with an action.
        required = radio(app, "Interview required")
        press(required)
        wait_for("Interview required checked",
                 lambda: state(required, pyatspi.STATE_CHECKED), 5)
        tap(not state(radio(app, "Interview not required"), pyatspi.STATE_CHECKED),
            "implementer: the decision is a choice of two radio buttons")
        set_text(app, "text", "Note", NOTE)
        press(button(app, "Save Decision"))
        # The toast, or (when the tree is slow to walk and the toast has gone) the line
        # saying who decided.
        wait_for("the decision saved",
                 lambda: [a for a in walk(app) if "Decision saved" in (a.name or "")
                          or (a.name or "").startswith("Decided by")])
        tap(True, "implementer: records the decision for the high-stress person")
        press(back)

        # Interviews lists the person at once; every step is entered there.
        show_person(app, HIGH[1])
        tap(True, "implementer: the person is in Interviews after the decision")
        for name, text in INTERVIEW.items():
            set_text(app, "text", name, text)
        choose(app, "Place", PLACE)
        choose(app, "Work classification", WORK_CLASS)
        press(button(app, "Save Record"))
        # The toast, or the step "Interview held" showing its date (the toast may be gone).
        wait_for("the record saved",
                 lambda: [a for a in walk(app) if "Interview record saved" in (a.name or "")
                          or (role(a) == "label"
                              and INTERVIEW["Interview held on"] in (a.name or ""))])
        tap(True, "implementer: records 勧奨, 申出, the interview and the doctor's opinion")
    finally:
        stop(proc)

    # Nothing of this is exported: the program is started again and the vault looked at.
    proc = launch(vault)
    try:
        app = unlock(proc, PASSPHRASE)
        show_section(app, "Results")
        open_row(app, HIGH[0])
        required = radio(app, "Interview required")
        note_field = field(app, "Note")
        try:
            wait_for("the note stored", lambda: text_of(note_field) == NOTE, 10)
        except AssertionError:
            note(f"the note reads “{text_of(note_field)}”")
        tap(state(required, pyatspi.STATE_CHECKED) and text_of(note_field) == NOTE,
            "reopened: the decision and its note are stored")

        show_person(app, HIGH[1])
        stored = {name: text_of(field(app, name)) for name in INTERVIEW}
        wrong = {k: v for k, v in stored.items() if v != INTERVIEW[k]}
        tap(not wrong, "reopened: the interview steps and the opinion are stored")
        for k, v in wrong.items():
            note(f"“{k}” reads “{v}”")
        shown = [c.name for name in ("Place", "Work classification")
                 for combo in find_all(app, "combo box", name)
                 for c in walk(combo) if role(c) == "label" and c.name in (PLACE, WORK_CLASS)]
        tap(PLACE in shown and WORK_CLASS in shown,
            "reopened: the place and the work classification are stored")
        if not (PLACE in shown and WORK_CLASS in shown):
            note("shown: " + ", ".join(shown))
    finally:
        stop(proc)

    out = cli("export", vault, "1", "--passphrase-file", pw)
    by_number = {r["employee"]: r for r in (json.loads(line) for line in out.splitlines())}
    tap(by_number[REFUSING[0]]["consent"] == "no",
        "export: the other person refused to share")


def hr_path(vault):
    proc = launch(vault)
    try:
        app = unlock(proc, HR_PASSPHRASE)
        names = show_section(app, "Overview")
        note("HR's sections: " + ", ".join(names))
        tap("Results" not in names and "Shared Results" in names,
            "HR: a Shared Results section, no Results section")
        # Sections fill themselves when first shown: Participation is shown once first, so
        # that its rows are in the tree whichever section is shown below.
        show_section(app, "Participation")
        for title in names:
            show_section(app, title)
            # All sections are in the tree, shown or not: after showing each (a section may
            # fill itself when shown), the whole tree is searched. Participation lists who
            # answered, and nothing else: there the refusing person's row may hold their
            # number, name, department, whether they answered and the reminder.
            participation = wait_for("the participation table",
                                     lambda: find_all(app, "tree table", "Participation"))[0]
            rows = [r for r in find_all(participation, "table row")
                    if find_all(r, "label", REFUSING[1])]
            texts = {a.name for r in rows for a in find_all(r, "label")}
            tap(len(rows) == 1 and texts <= {REFUSING[0], REFUSING[1], "営業部", "Yes",
                                             "GtkLabel", ""},
                f"HR, {title} shown: Participation shows of the refusing person only that "
                "they answered")
            if len(rows) != 1 or not texts <= {REFUSING[0], REFUSING[1], "営業部", "Yes",
                                                "GtkLabel", ""}:
                note("the row shows: " + ", ".join(sorted(texts)))

            # The roster is HR's to keep (DESIGN §3: roster, rounds, who answered): the
            # Employees and Rounds sections (each named after itself) list everyone on it.
            def outside_participation(acc):
                if acc is None or (role(acc) == "tree table" and acc.name == "Participation"):
                    return
                if acc.name in ("Employees", "Rounds") and role(acc) not in ("list item",
                                                                            "label"):
                    return
                yield acc
                for child in children(acc):
                    yield from outside_participation(child)

            leaks = sorted({f"{role(a)} “{a.name}”" for a in outside_participation(app)
                            if REFUSING[1] in (a.name or "") or REFUSING[0] == a.name})
            tap(not leaks, f"HR, {title} shown: no trace of the refusing person elsewhere")
            for leak in leaks:
                note(leak)
    finally:
        stop(proc)


NOTE = "Sleep and overtime to be discussed"


def main():
    print("TAP version 13", flush=True)
    workdir = tempfile.mkdtemp(prefix="sc-workspace-atspi-")
    try:
        vault, round_id, pw, hr = prepare_vault(workdir)
        for path in (lambda: implementer_path(vault, pw), lambda: hr_path(vault)):
            try:
                path()
            except Exception:
                tap(False, "the path goes to its end")
                note(traceback.format_exc())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    note(f"the test took {time.monotonic() - T0:.0f} s")
    print(f"1..{len(results)}", flush=True)
    return 0 if all(ok or todo for ok, _, todo in results) else 1


if __name__ == "__main__":
    sys.exit(main())
