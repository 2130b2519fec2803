# atspi_bus.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For the AT-SPI tests (test-kiosk-atspi.py, test-workspace-atspi.py): run the test again on an
# X display and a D-Bus session bus of its own, passing only TAP lines on to meson.

import fcntl
import os
import re
import subprocess
import sys
import tempfile

PRIVATE_BUS_MARK = "SC_ATSPI_TEST_PRIVATE_BUS"
TAP_LINE = re.compile(r"^(TAP version |ok |not ok |#|1\.\.|Bail out!)")


def run_on_private_display_and_bus():
    """Runs this script again on an X display and a session bus of its own, and returns its
    exit status. The test types keys (Tab, Ctrl+Alt+Shift+Q) through the X server, which
    must reach this kiosk and no other test's window. Xvfb picks a free display number
    itself (-displayfd). Two Xvfb servers starting at the same instant can both try the same
    number, and the one that gives up removes the other's socket: so the AT-SPI tests start
    their servers one at a time, under a lock held until the server is listening (and stop
    them under it too)."""
    lock_path = os.path.join(tempfile.gettempdir(), "stresscheck-atspi-xvfb.lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                                 "1280x1024x24", "-nolisten", "tcp"],
                                pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            display = f.readline().strip()
    try:
        if not display:
            print("Bail out! Xvfb did not start", flush=True)
            return 1
        env = dict(os.environ, DISPLAY=":" + display, **{PRIVATE_BUS_MARK: "1"})
        env.pop("WAYLAND_DISPLAY", None)
        # Services the bus starts (the accessibility registry) inherit its standard output and
        # may print there: only TAP lines go on to meson, anything else to standard error.
        child = subprocess.Popen(["dbus-run-session", "--", sys.executable, *sys.argv], env=env,
                                 stdout=subprocess.PIPE, text=True)
        for line in child.stdout:
            if TAP_LINE.match(line):
                sys.stdout.write(line)
                sys.stdout.flush()
            else:
                sys.stderr.write(line)
        return child.wait()
    finally:
        # A server that shuts down removes its socket and lock file one after the other; a
        # server starting in between could take the number and lose its socket. Stopping
        # under the same lock keeps the two apart.
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            xvfb.terminate()
            xvfb.wait()


def ensure_private_bus():
    """Returns when running on the private display and bus; otherwise runs this script again
    there and exits with its status."""
    if os.environ.get(PRIVATE_BUS_MARK) != "1":
        sys.exit(run_on_private_display_and_bus())
