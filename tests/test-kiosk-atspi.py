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
# bridge, so it runs the program without them, on a private session bus (it starts itself
# again under dbus-run-session) whose accessibility bus ends with it. TAP output.
import csv
import io
import os
import shutil
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
FOCUS_CHECK_IS_TODO = True

PRIVATE_BUS_MARK = "SC_ATSPI_TEST_PRIVATE_BUS"

if os.environ.get(PRIVATE_BUS_MARK) != "1":
    env = dict(os.environ, **{PRIVATE_BUS_MARK: "1"})
    os.execvpe("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv], env)

import pyatspi  # noqa: E402  (only inside the private bus)

CLI = os.environ["STRESSCHECK_CLI"]
APP = os.environ.get("STRESSCHECK_GUI",
                     os.path.join(os.path.dirname(CLI), "..", "stresscheck"))
PASSPHRASE = "correct horse battery"
# The worked example of the MHLW manual: a high-stress result, so the interview is offered.
ANSWERS = "112331443323243341112334443344433222234342333343343443322"
WAIT_S = 30

CONTROL_ROLES = {"push button", "toggle button", "radio button", "check box", "text",
                 "password text", "spin button", "combo box", "link", "slider"}

results = []


def tap(ok, description, todo=None):
    results.append((ok, description, todo))
    n = len(results)
    line = f"{'ok' if ok else 'not ok'} {n} - {description}"
    if todo is not None and not ok:
        line += f" # TODO {todo}"
    print(line, flush=True)


def note(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


# ---- The AT-SPI tree ------------------------------------------------------------------------

def children(acc):
    try:
        return [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return []


def walk(acc):
    if acc is None:
        return
    yield acc
    for child in children(acc):
        yield from walk(child)


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return None


def state(acc, s):
    try:
        return acc.getState().contains(s)
    except Exception:
        return False


def sensitive(acc):
    return state(acc, pyatspi.STATE_SENSITIVE)


def n_actions(acc):
    try:
        return acc.queryAction().nActions
    except Exception:
        return 0


def actionable(acc):
    return sensitive(acc) and n_actions(acc) > 0


def find_all(root, role_name, name=None):
    return [a for a in walk(root)
            if role(a) == role_name and (name is None or a.name == name)]


def wait_for(what, func, timeout=WAIT_S):
    deadline = time.monotonic() + timeout
    while True:
        found = func()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"waited in vain for {what}")
        time.sleep(0.1)


def control(root, role_name, name):
    """The one sensitive, actionable control of @role_name named @name."""
    def find():
        found = [a for a in find_all(root, role_name, name) if actionable(a)]
        return found[0] if len(found) == 1 else None
    return wait_for(f"{role_name} “{name}”", find)


def press(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            return
    action.doAction(0)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def workspace_named(acc, label):
    """Workspace buttons (outside this test's scope) as GTK 4.8 names them: the label,
    possibly with its mnemonic underscore and repeated."""
    name = (acc.name or "").replace("_", "")
    return name == label or name.startswith(label + " ")


# ---- Checks ---------------------------------------------------------------------------------

def doubled(name):
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def check_names(root, page):
    bad = []
    for a in walk(root):
        r = role(a)
        if r not in CONTROL_ROLES:
            continue
        name = a.name or ""
        if not name.strip():
            bad.append(f"{r} without a name")
        elif name.startswith(("Gtk", "Adw", "Sc")) and " " not in name:
            bad.append(f"{r} named by its type: {name}")
        elif doubled(name):
            bad.append(f"{r} with a doubled name: {name}")
        elif "_" in name:
            bad.append(f"{r} with a mnemonic underscore: {name}")
    tap(not bad, f"{page}: every control has a proper name")
    for b in bad:
        note(b)


def check_focus(root, page, todo=None):
    focused = [a for a in walk(root) if state(a, pyatspi.STATE_FOCUSED)]
    if focused:
        note(f"{page}: focus on {role(focused[0])} “{focused[0].name}”")
    tap(bool(focused), f"{page}: a control has the keyboard focus", todo)


def check_only_visible_actionable(root, page, visible_names):
    """Every actionable push or radio button is one the page shows (@visible_names): the
    buttons of hidden pages and keypad layouts cannot be pressed."""
    stray = sorted({f"{role(a)} “{a.name}”" for a in walk(root)
                    if role(a) in ("push button", "radio button", "toggle button")
                    and actionable(a) and a.name not in visible_names})
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
        "--end", "2026-06-30", "--passphrase-file", pw)
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
    check_names(kiosk, "login")
    check_focus(kiosk, "login")
    # The number layout of the keypad is shown: its keys can be pressed, no other's.
    letters = [a for a in find_all(kiosk, "push button", "K") if actionable(a)]
    tap(not letters, "login: the keys of hidden keypad layouts cannot be pressed")
    check_only_visible_actionable(kiosk, "login", KEYPAD_NUMBER | {"Back", "Log In",
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
    check_only_visible_actionable(kiosk, "login (code)", KEYPAD_CODE | {"Back", "Log In",
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
    check_names(kiosk, "question")
    check_focus(kiosk, "question")
    radios = current_radios(kiosk)
    tap(len(radios) == 4, "question: four answers, each a radio button")
    tap(not [a for a in find_all(kiosk, "push button") if actionable(a) and
             (a.name or "").startswith(("そうだ", "まあそうだ"))],
        "question: no answer is a push button")
    tap(not [a for a in radios if state(a, pyatspi.STATE_CHECKED)],
        "question: no answer is checked before one is chosen")
    tap(not [a for a in find_all(kiosk, "push button") if state(a, pyatspi.STATE_PRESSED)],
        "question: no push button is stuck pressed")

    went_back = False
    index = 0
    while index < len(ANSWERS):
        wait_for(f"question {index + 1}", lambda: question_number(kiosk) == index + 1)
        radios = wait_for("four answers", lambda: current_radios(kiosk)
                          if len(current_radios(kiosk)) == 4 else None)
        chosen = int(ANSWERS[index])
        press(radios[chosen - 1])
        if index == 1 and not went_back:
            # Back to question 2 from question 3: the answer given is the checked radio.
            wait_for("question 3", lambda: question_number(kiosk) == 3)
            press(control(kiosk, "push button", "Back"))
            wait_for("question 2 again", lambda: question_number(kiosk) == 2)
            radios = wait_for("four answers", lambda: current_radios(kiosk)
                              if len(current_radios(kiosk)) == 4 else None)
            checked = [i + 1 for i, a in enumerate(radios) if state(a, pyatspi.STATE_CHECKED)]
            tap(checked == [chosen], "question: the answer chosen is the one radio checked")
            check_names(kiosk, "question (answered)")
            press(control(kiosk, "push button", "Next"))
            went_back = True
        index += 1


def run_visit(proc, code):
    kiosk = unlock_and_start_kiosk(proc)
    tap(True, "the implementer unlocks the vault and starts the kiosk")
    check_names(kiosk, "welcome")
    check_focus(kiosk, "welcome")
    press(control(kiosk, "push button", "Start"))
    log_in(kiosk, code)

    answer_questions(kiosk)

    send = control(kiosk, "push button", "Send My Answers")
    check_names(kiosk, "review")
    check_only_visible_actionable(kiosk, "review",
                                  {"Send My Answers"} | {a.name for a in walk(kiosk)
                                                         if role(a) == "push button"
                                                         and a.name and a.name[0].isdigit()})
    press(send)

    next_button = control(kiosk, "push button", "Next")
    tap(True, "result: shown after sending")
    check_names(kiosk, "result")
    check_only_visible_actionable(kiosk, "result", {"Next"})
    press(next_button)

    yes = control(kiosk, "push button", "Yes, my employer may see it")
    control(kiosk, "push button", "No, keep it with the implementer")
    check_names(kiosk, "consent")
    check_focus(kiosk, "consent", FOCUS_CHECK_IS_TODO and "initial page focus (other branch)")
    check_only_visible_actionable(kiosk, "consent", {"Yes, my employer may see it",
                                                     "No, keep it with the implementer"})
    press(yes)

    ask = control(kiosk, "push button", "Ask for an Interview Now…")
    control(kiosk, "push button", "Not Now")
    check_names(kiosk, "interview")
    check_focus(kiosk, "interview", FOCUS_CHECK_IS_TODO and "initial page focus (other branch)")
    check_only_visible_actionable(kiosk, "interview", {"Ask for an Interview Now…", "Not Now"})
    press(ask)
    confirm = control(kiosk, "push button", "Yes, Ask for the Interview")
    check_only_visible_actionable(kiosk, "interview (confirm)",
                                  {"Yes, Ask for the Interview", "Go Back"})
    press(confirm)

    skip = control(kiosk, "push button", "Skip")
    check_names(kiosk, "PIN")
    tap(len([a for a in find_all(kiosk, "password text") if a.name == "Personal PIN"]) == 1,
        "PIN: the PIN is a password field")
    press(skip)

    finish = control(kiosk, "push button", "Finish")
    check_names(kiosk, "done")
    press(finish)

    control(kiosk, "push button", "Start")
    check_focus(kiosk, "welcome after the visit",
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
    check_names(kiosk, "leave")
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
    print(f"1..{len(results)}", flush=True)
    return 0 if all(ok or todo for ok, _, todo in results) else 1


if __name__ == "__main__":
    sys.exit(main())
