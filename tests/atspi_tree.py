# atspi_tree.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For the AT-SPI tests: TAP output, walking the accessible tree as a screen reader does, finding
# controls by role and name, pressing them. Import only inside the private bus (atspi_bus).

import os
import time

import pyatspi
from gi.repository import GLib

WAIT_S = 30

CONTROL_ROLES = {"push button", "toggle button", "radio button", "check box", "text",
                 "password text", "spin button", "combo box", "link", "slider"}

results = []
T0 = time.monotonic()


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
        try:
            found = func()
        except GLib.Error as e:
            # An object went away while the tree was walked (a list filled again): the
            # tree is looked at again.
            note(f"while waiting for {what}: {e.message}")
            found = None
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
