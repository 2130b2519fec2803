#!/usr/bin/env bash
# check-flatpak-manifest.sh — validates the Flatpak manifest without building it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.sh MANIFEST.json
#
# 1. flatpak-builder parses the manifest (--show-manifest) without a warning, and understands
#    every property in it (its canonical output equals the file, key order aside).
# 2. The sandbox grants what a GTK app needs and nothing else: no network, no file system,
#    no D-Bus names, no devices but the GPU.
# 3. Every downloaded source is pinned by sha256; the app is built with meson from this tree
#    and runs its tests.
# The Flatpak runtime is not installed here, so this never builds the Flatpak.
set -euo pipefail

manifest="${1:?usage: $0 MANIFEST.json}"
manifest="$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")"

echo "TAP version 13"
echo "1..3"

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "not ok 1 - flatpak-builder --show-manifest # flatpak-builder is not installed (build-aux/dev deps)"
  echo "not ok 2 - finish-args # not checked"
  echo "not ok 3 - modules # not checked"
  exit 1
fi

# flatpak-builder creates a .flatpak-builder folder in the current directory: keep it out of
# the source tree.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fb_status=0
(cd "$work" && flatpak-builder --show-manifest "$manifest" >shown.json 2>stderr.txt) \
  || fb_status=$?

# Debian's python3 (a pyenv or venv one may be first on PATH); only the json module is needed.
python=/usr/bin/python3
[ -x "$python" ] || python=python3

status=0
"$python" - "$manifest" "$work/shown.json" "$fb_status" "$work/stderr.txt" <<'PY' || status=$?
import json
import sys

manifest_path, shown_path, fb_status, stderr_path = sys.argv[1:5]
try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    for n in (1, 2, 3):
        print(f"not ok {n} - {manifest_path} is not valid JSON: {e}")
    sys.exit(1)

# --- 1: flatpak-builder reads it all ------------------------------------------------------
parse = []
with open(stderr_path, encoding="utf-8", errors="replace") as f:
    fb_stderr = f.read().strip()
if fb_status != "0":
    parse.append(f"flatpak-builder --show-manifest exited with {fb_status}")
if fb_stderr:
    parse.extend(fb_stderr.splitlines())
try:
    with open(shown_path, encoding="utf-8") as f:
        shown = json.load(f)
    if json.dumps(shown, sort_keys=True) != json.dumps(manifest, sort_keys=True):
        parse.append("flatpak-builder's canonical manifest differs from the file "
                     "(a property it does not know is dropped)")
except (OSError, ValueError) as e:
    parse.append(f"no usable --show-manifest output: {e}")
print(("ok" if not parse else "not ok") + " 1 - flatpak-builder --show-manifest understands it all")
for p in parse:
    print(f"# {p}")

# --- 2: the sandbox ---------------------------------------------------------------------------
ALLOWED = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
finish_args = manifest.get("finish-args", [])
sandbox = []
for arg in finish_args:
    if arg == "--share=network":
        sandbox.append("finish-args must not contain --share=network (the app works offline)")
    elif arg.startswith("--filesystem"):
        sandbox.append(f"finish-args must not contain {arg} (no file system access)")
    elif arg not in ALLOWED:
        sandbox.append(f"finish-args: {arg} is not in the allowed set {sorted(ALLOWED)}")
for arg in sorted(ALLOWED - set(finish_args)):
    sandbox.append(f"finish-args: {arg} is missing")
print(("ok" if not sandbox else "not ok") + " 2 - finish-args: no network, no file system")
for p in sandbox:
    print(f"# {p}")

# --- 3: modules -------------------------------------------------------------------------------
mods = []
if manifest.get("id") != "io.github.stresscheck.StressCheck":
    mods.append("id must be io.github.stresscheck.StressCheck")
if manifest.get("command") != "stresscheck":
    mods.append("command must be stresscheck")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    mods.append("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
if not str(manifest.get("runtime-version", "")).isdigit():
    mods.append("runtime-version must be pinned to a stable GNOME release, e.g. \"46\"")
modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
for m in modules:
    for s in m.get("sources", []):
        if s.get("type") in ("archive", "file") and (
                "url" not in s or len(s.get("sha256", "")) != 64):
            mods.append(f"module {m.get('name')}: source {s.get('url')} needs a url and a sha256")
app = modules[-1] if modules else {}
if app.get("name") != "stresscheck" or app.get("buildsystem") != "meson":
    mods.append("the last module must be stresscheck, built with meson")
if {"type": "dir", "path": ".."} not in [{k: s.get(k) for k in ("type", "path")}
                                        for s in app.get("sources", [])]:
    mods.append("the app must be built from this tree (a dir source with path \"..\")")
if not app.get("run-tests"):
    mods.append("the app module must set run-tests")
for arg in app.get("build-options", {}).get("test-args", []):
    if arg == "--share=network" or arg.startswith("--filesystem"):
        mods.append(f"test-args must not contain {arg}")
print(("ok" if not mods else "not ok") + " 3 - modules pinned, app built from this tree with tests")
for p in mods:
    print(f"# {p}")

sys.exit(1 if (parse or sandbox or mods) else 0)
PY
exit "$status"
