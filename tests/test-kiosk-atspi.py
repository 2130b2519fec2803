#!/usr/bin/python3
# test-kiosk-atspi.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A whole kiosk visit as a screen reader user makes it: through the AT-SPI tree of the real
# `stresscheck` program, finding every control by its role and name only. The implementer
# unlocks a vault made with stresscheck-cli and starts the kiosk; an employee logs in with
# the keypad and by typing, answers all 57 questions, goes back once, reviews, sends, reads
# the result, answers the consent question, asks for an interview, skips the PIN, finishes;
# then the implementer leaves the kiosk with the passphrase.
#
# On every kiosk page it checks what a screen reader user would notice:
#  - every control has a real name: not a type name ("GtkButton", "GtkImage"), not doubled
#    ("Employee number Employee number"), no mnemonic underscore;
#  - the four answers are radio buttons, exactly the chosen one checked; the other buttons
#    are push buttons; the access code is a password field;
#  - nothing the employee cannot see can be pressed: controls of hidden pages and of hidden
#    keypad layouts are insensitive (or not in the tree);
#  - each page opens with the keyboard focus on one of its controls.
#
# GUI tests run with NO_AT_BRIDGE=1 and GTK_A11Y=test; this one needs GTK's real AT-SPI
# bridge, so it runs the program without them, on a private X display and session bus (it
# starts itself again under its own Xvfb and dbus-run-session), whose accessibility bus
# ends with it. TAP output.
import csv
import io
import os
import shutil
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

# The initial focus of the consent, interview and welcome-after-visit pages is set by the
# pages' own focus handling, which lands with another branch (page initial focus). Until
# that is merged, a failing focus check is reported as TODO; set this to False after the
# merge so that the check counts.
FOCUS_CHECK_IS_TODO = False

from atspi_bus import ensure_private_bus  # noqa: E402

ensure_private_bus()

import pyatspi  # noqa: E402  (only inside the private bus)

CLI = os.environ["STRESSCHECK_CLI"]
APP = os.environ.get("STRESSCHECK_GUI",
                     os.path.join(os.path.dirname(CLI), "..", "stresscheck"))
PASSPHRASE = "correct horse battery"
# The worked example of the MHLW manual: a high-stress result, so the interview is offered.
ANSWERS = "112331443323243341112334443344433222234342333343343443322"

from atspi_tree import *  # noqa: E402,F401,F403  (the shared AT-SPI helpers)


# ---- Checks ---------------------------------------------------------------------------------

def doubled(name):
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


class Node:
    """What a screen reader learns of one accessible, fetched once."""

    def __init__(self, acc):
        self.role = role(acc)
        self.name = acc.name or ""
        try:
            states = acc.getState()
            self.sensitive = states.contains(pyatspi.STATE_SENSITIVE)
            self.focused = states.contains(pyatspi.STATE_FOCUSED)
        except Exception:
            self.sensitive = self.focused = False
        self.actionable = (self.sensitive and self.role in CONTROL_ROLES | {"radio button"}
                           and n_actions(acc) > 0)


def snapshot(root):
    """The whole tree under @root in one walk: the checks of a page read it, not the bus."""
    return [Node(a) for a in walk(root)]


def check_names(nodes, page):
    bad = []
    for node in nodes:
        if node.role not in CONTROL_ROLES:
            continue
        name = node.name
        if not name.strip():
            bad.append(f"{node.role} without a name")
        elif name.startswith(("Gtk", "Adw", "Sc")) and " " not in name:
            bad.append(f"{node.role} named by its type: {name}")
        elif doubled(name):
            bad.append(f"{node.role} with a doubled name: {name}")
        elif "_" in name:
            bad.append(f"{node.role} with a mnemonic underscore: {name}")
    tap(not bad, f"{page}: every control has a proper name")
    for b in bad:
        note(b)


def check_focus(nodes, page, todo=None):
    focused = [n for n in nodes if n.focused]
    if focused:
        note(f"{page}: focus on {focused[0].role} “{focused[0].name}”")
    tap(bool(focused), f"{page}: a control has the keyboard focus", todo)


def check_only_visible_actionable(nodes, page, visible_names):
    """Every actionable push or radio button is one the page shows (@visible_names): the
    buttons of hidden pages and keypad layouts cannot be pressed."""
    stray = sorted({f"{n.role} “{n.name}”" for n in nodes
                    if n.role in ("push button", "radio button", "toggle button")
                    and n.actionable and n.name not in visible_names})
    tap(not stray, f"{page}: only the page's own controls can be pressed")
    for s in stray:
        note(f"actionable but not on the page: {s}")


# ---- The visit ------------------------------------------------------------------------------

def cli(*args):
    env = dict(os.environ, STRESSCHECK_KDF="min")
    proc = subprocess.run([CLI, *args], capture_output=True, env=env, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"stresscheck-cli {args[0]}: {proc.stderr}")
    return proc.stdout


def prepare_vault(workdir):
    pw = os.path.join(workdir, "pw")
    with open(pw, "w", encoding="utf-8") as f:
        f.write(PASSPHRASE + "\n")
    vault = os.path.join(workdir, "kiosk.scvault")
    roster = os.path.join(workdir, "roster.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("社員番号,氏名,性別,生年月日,部署\n"
                "7001,山田 太郎,男,1985/04/02,営業部\n"
                "7002,鈴木 花子,女,1990/01/31,総務部\n")
    cli("vault", "create", vault, "--passphrase-file", pw)
    cli("roster", "import", vault, roster, "--passphrase-file", pw)
    cli("round", "create", vault, "--name", "2026年度", "--start", "2026-06-01",
        "--end", "2099-12-31", "--passphrase-file", pw)
    rows = list(csv.DictReader(io.StringIO(cli("codes", vault, "2026年度",
                                               "--passphrase-file", pw))))
    code = [r["code"] for r in rows if r["number"] == "7001"][0]
    return vault, code


KEYPAD_NUMBER = set("1234567890") | {"Letters", "Delete"}
KEYPAD_CODE = set("23456789ACDEFHJKMNPQRTWXY") | {"Delete"}


def unlock_and_start_kiosk(proc):
    def passphrase_field():
        app = find_app(proc.pid)
        if app is None:
            return None
        fields = [a for a in walk(app) if role(a) in ("text", "password text")
                  and "Passphrase" in (a.name or "")]
        return (app, fields[0]) if fields else None

    app, field = wait_for("the unlock page", passphrase_field)
    # The implementer's side is outside this test, but for its eye button: libadwaita 1.2
    # leaves it unnamed ("GtkImage").
    type_named = sorted({f"{n.role} “{n.name}”" for n in snapshot(app)
                         if n.role in CONTROL_ROLES and n.name.startswith(("Gtk", "Adw"))
                         and " " not in n.name})
    tap(not type_named, "unlock: no control is named by its type (the show-text button)")
    for t in type_named:
        note(t)
    field.queryEditableText().setTextContents(PASSPHRASE)
    unlock = wait_for("Unlock", lambda: [a for a in find_all(app, "push button")
                                         if workspace_named(a, "Unlock") and actionable(a)])
    press(unlock[0])
    start = wait_for("Start Kiosk…", lambda: [a for a in find_all(app, "push button")
                                              if workspace_named(a, "Start Kiosk…")
                                              and actionable(a)])
    press(start[0])
    confirm = wait_for("the Start Kiosk button of the dialog",
                       lambda: [a for a in find_all(app, "push button")
                                if workspace_named(a, "Start Kiosk") and actionable(a)])
    press(confirm[0])

    def kiosk_window():
        app = find_app(proc.pid)
        for window in children(app) if app is not None else []:
            if [a for a in find_all(window, "push button", "Start") if actionable(a)]:
                return window
        return None

    return wait_for("the kiosk window", kiosk_window)


def log_in(kiosk, code):
    number = wait_for("the employee number field",
                      lambda: [a for a in find_all(kiosk, "text", "Employee number")])[0]
    password = find_all(kiosk, "password text", "Access code")
    tap(len(password) == 1, "login: the access code is a password field")
    tap(not find_all(kiosk, "text", "Access code"),
        "login: no plain text field holds the access code")
    nodes = snapshot(kiosk)
    check_names(nodes, "login")
    check_focus(nodes, "login")
    # The number layout of the keypad is shown: its keys can be pressed, no other's.
    letters = [n for n in nodes if n.role == "push button" and n.name == "K" and n.actionable]
    tap(not letters, "login: the keys of hidden keypad layouts cannot be pressed")
    check_only_visible_actionable(nodes, "login", KEYPAD_NUMBER | {"Back", "Log In",
                                                                   "Show the code"})

    def text_of(acc):
        text = acc.queryText()
        return text.getText(0, text.characterCount)

    for i, digit in enumerate("7001"):
        press(control(kiosk, "push button", digit))
        # One key at a time, as a finger types.
        wait_for(f"key {digit}", lambda: len(text_of(number)) == i + 1, 5)
    try:
        wait_for("the number typed on the keypad", lambda: text_of(number) == "7001", 5)
    except AssertionError:
        note(f"the employee number field holds “{text_of(number)}”")
        raise
    tap(True, "login: the employee number is typed on the keypad")

    # Tab moves on to the code field, where the code is typed as with a keyboard; the
    # keypad then shows the code layout.
    field = password[0]
    press_key("Tab")
    wait_for("the focus in the code field", lambda: state(field, pyatspi.STATE_FOCUSED))
    wait_for("the code layout", lambda: [a for a in find_all(kiosk, "push button", "K")
                                         if actionable(a)])
    nodes = snapshot(kiosk)
    check_only_visible_actionable(nodes, "login (code)", KEYPAD_CODE | {"Back", "Log In",
                                                                        "Show the code"})
    field.queryEditableText().setTextContents(code)
    leaked = [a for a in walk(kiosk) if code in (a.name or "") or
              code.replace("-", "") in (a.name or "")]
    tap(not leaked, "login: the access code appears in no accessible name")
    press(control(kiosk, "push button", "Log In"))


def current_radios(kiosk):
    return [a for a in find_all(kiosk, "radio button") if actionable(a)]


def question_number(kiosk):
    bars = [a for a in find_all(kiosk, "progress bar") if (a.name or "").startswith("Question ")]
    return int(bars[0].name.split()[1]) if bars else None


def answer_questions(kiosk):
    wait_for("the first question", lambda: question_number(kiosk) == 1)
    nodes = snapshot(kiosk)
    check_names(nodes, "question")
    check_focus(nodes, "question")
    radios = current_radios(kiosk)
    tap(len(radios) == 4, "question: four answers, each a radio button")
    tap(not [a for a in find_all(kiosk, "push button") if actionable(a) and
             (a.name or "").startswith(("そうだ", "まあそうだ"))],
        "question: no answer is a push button")
    tap(not [a for a in radios if state(a, pyatspi.STATE_CHECKED)],
        "question: no answer is checked before one is chosen")
    tap(not [a for a in find_all(kiosk, "push button") if state(a, pyatspi.STATE_PRESSED)],
        "question: no push button is stuck pressed")

    # The page keeps its four answers and its progress bar from question to question: found
    # once, they are followed by their state (a walk of the whole tree per question is slow).
    bar = [a for a in find_all(kiosk, "progress bar") if (a.name or "").startswith("Question ")][0]

    def at_question(n):
        return lambda: bar.name == f"Question {n} of {len(ANSWERS)}"

    went_back = False
    index = 0
    while index < len(ANSWERS):
        wait_for(f"question {index + 1}", at_question(index + 1))
        wait_for("four answers to choose from", lambda: all(actionable(a) for a in radios))
        chosen = int(ANSWERS[index])
        press(radios[chosen - 1])
        if index == 1 and not went_back:
            # Back to question 2 from question 3: the answer given is the checked radio.
            wait_for("question 3", at_question(3))
            press(control(kiosk, "push button", "Back"))
            wait_for("question 2 again", at_question(2))
            checked = [i + 1 for i, a in enumerate(radios) if state(a, pyatspi.STATE_CHECKED)]
            tap(checked == [chosen], "question: the answer chosen is the one radio checked")
            tap(len(current_radios(kiosk)) == 4, "question: still four answers, all radios")
            nodes = snapshot(kiosk)
            check_names(nodes, "question (answered)")
            press(control(kiosk, "push button", "Next"))
            went_back = True
        index += 1


def run_visit(proc, code):
    kiosk = unlock_and_start_kiosk(proc)
    tap(True, "the implementer unlocks the vault and starts the kiosk")
    nodes = snapshot(kiosk)
    check_names(nodes, "welcome")
    check_focus(nodes, "welcome")
    press(control(kiosk, "push button", "Start"))
    log_in(kiosk, code)

    answer_questions(kiosk)

    send = control(kiosk, "push button", "Send My Answers")
    nodes = snapshot(kiosk)
    check_names(nodes, "review")
    check_only_visible_actionable(nodes, "review",
                                  {"Send My Answers"} | {n.name for n in nodes
                                                         if n.role == "push button"
                                                         and n.name[:1].isdigit()})
    press(send)

    next_button = control(kiosk, "push button", "Next")
    tap(True, "result: shown after sending")
    nodes = snapshot(kiosk)
    check_names(nodes, "result")
    check_only_visible_actionable(nodes, "result", {"Next"})
    press(next_button)

    yes = control(kiosk, "push button", "Yes, my employer may see it")
    control(kiosk, "push button", "No, keep it with the implementer")
    nodes = snapshot(kiosk)
    check_names(nodes, "consent")
    check_focus(nodes, "consent", FOCUS_CHECK_IS_TODO and "initial page focus (other branch)")
    check_only_visible_actionable(nodes, "consent", {"Yes, my employer may see it",
                                                     "No, keep it with the implementer"})
    press(yes)

    ask = control(kiosk, "push button", "Ask for an Interview Now…")
    control(kiosk, "push button", "Not Now")
    nodes = snapshot(kiosk)
    check_names(nodes, "interview")
    check_focus(nodes, "interview", FOCUS_CHECK_IS_TODO and "initial page focus (other branch)")
    check_only_visible_actionable(nodes, "interview", {"Ask for an Interview Now…", "Not Now"})
    press(ask)
    confirm = control(kiosk, "push button", "Yes, Ask for the Interview")
    nodes = snapshot(kiosk)
    check_only_visible_actionable(nodes, "interview (confirm)",
                                  {"Yes, Ask for the Interview", "Go Back"})
    press(confirm)

    skip = control(kiosk, "push button", "Skip")
    nodes = snapshot(kiosk)
    check_names(nodes, "PIN")
    tap(len([a for a in find_all(kiosk, "password text") if a.name == "Personal PIN"]) == 1,
        "PIN: the PIN is a password field")
    press(skip)

    finish = control(kiosk, "push button", "Finish")
    nodes = snapshot(kiosk)
    check_names(nodes, "done")
    press(finish)

    control(kiosk, "push button", "Start")
    nodes = snapshot(kiosk)
    check_focus(nodes, "welcome after the visit",
                FOCUS_CHECK_IS_TODO and "initial page focus (other branch)")

    leave_kiosk(kiosk)


# Key codes of the X server's standard (evdev) keyboard map, which Xvfb uses.
KEYCODES = {"Control_L": 37, "Alt_L": 64, "Shift_L": 50, "q": 24, "Tab": 23}


def press_key(name):
    pyatspi.Registry.generateKeyboardEvent(KEYCODES[name], None, pyatspi.KEY_PRESSRELEASE)


def leave_kiosk(kiosk):
    """Ctrl+Alt+Shift+Q, the staff's way out, then the passphrase."""
    reg = pyatspi.Registry
    modifiers = ["Control_L", "Alt_L", "Shift_L"]
    for k in modifiers:
        reg.generateKeyboardEvent(KEYCODES[k], None, pyatspi.KEY_PRESS)
    reg.generateKeyboardEvent(KEYCODES["q"], None, pyatspi.KEY_PRESSRELEASE)
    for k in reversed(modifiers):
        reg.generateKeyboardEvent(KEYCODES[k], None, pyatspi.KEY_RELEASE)

    field = wait_for("the passphrase field",
                     lambda: [a for a in find_all(kiosk, "password text", "Passphrase")])[0]
    nodes = snapshot(kiosk)
    check_names(nodes, "leave")
    field.queryEditableText().setTextContents(PASSPHRASE)
    press(control(kiosk, "push button", "Leave Kiosk Mode"))


def main():
    print("TAP version 13", flush=True)
    workdir = tempfile.mkdtemp(prefix="sc-kiosk-atspi-")
    proc = None
    try:
        vault, code = prepare_vault(workdir)
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env["GTK_A11Y"] = "atspi"
        env["LANGUAGE"] = "en"
        proc = subprocess.Popen([APP, "--vault", vault], env=env)
        run_visit(proc, code)
        # The kiosk is gone once the implementer left it.
        wait_for("the kiosk to close",
                 lambda: find_app(proc.pid) is not None and
                 not [w for w in children(find_app(proc.pid))
                      if find_all(w, "push button", "Start")])
        tap(True, "the implementer leaves the kiosk with the passphrase")
    except Exception:
        tap(False, "the visit goes to its end")
        note(traceback.format_exc())
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    note(f"the visit took {time.monotonic() - T0:.0f} s")
    print(f"1..{len(results)}", flush=True)
    return 0 if all(ok or todo for ok, _, todo in results) else 1


if __name__ == "__main__":
    sys.exit(main())
