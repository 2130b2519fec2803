#!/usr/bin/env bash
# test-run-uninstalled.sh — the uninstalled app speaks Japanese.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-run-uninstalled.sh BUILD-AUX-DEV APP
#
# Runs APP (the stresscheck built in BUILD_DIR) through `build-aux/dev exec`, the environment
# of `build-aux/dev run`, and checks that `--help` shows the Japanese option texts of the
# build's catalog (BUILD_DIR/po/ja/LC_MESSAGES/stresscheck.mo), both with LANGUAGE=ja and
# with LANG=ja_JP.UTF-8 (the locale build-aux/dev deps generates). Without a build catalog,
# the same run shows English: the app takes its translations from the build, not from
# wherever a copy may be installed. TAP output.
set -uo pipefail

dev="${1:?usage: $0 BUILD-AUX-DEV APP}"
app="${2:?usage: $0 BUILD-AUX-DEV APP}"
: "${BUILD_DIR:?BUILD_DIR must name the build directory}"

# From po/ja.po: the --demo option's description, and the same in English.
ja='架空の従業員が登録されたデモ用の保管庫を開く'
en='Open the demo vault with fictional employees'

echo "TAP version 13"
echo "1..4"
n=0
failed=0

# check NAME EXPECTED OUTPUT
check ()
{
  n=$((n + 1))
  case "$3" in
    *"$2"*) echo "ok $n - $1" ;;
    *)
      echo "not ok $n - $1"
      printf '# expected to find: %s\n# got:\n' "$2"
      printf '%s\n' "$3" | sed 's/^/#   /'
      failed=1
      ;;
  esac
}

# Nothing from the caller's environment may decide the language but what each run sets.
unset LC_ALL LC_MESSAGES LANG LANGUAGE STRESSCHECK_LOCALEDIR

if [ ! -f "$BUILD_DIR/po/ja/LC_MESSAGES/stresscheck.mo" ]; then
  echo "# no catalog at $BUILD_DIR/po/ja/LC_MESSAGES/stresscheck.mo"
fi

# 1. LANGUAGE=ja in C.UTF-8 (built into glibc: needs no generated locale).
out="$(LC_ALL=C.UTF-8 LANGUAGE=ja "$dev" exec "$app" --help 2>&1)"
check "build-aux/dev exec: LANGUAGE=ja --help is Japanese" "$ja" "$out"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 2. What a Japanese desktop sets: LANG=ja_JP.UTF-8 only. build-aux/dev deps generates that
#    locale; where it is missing (SC_SKIP_DEPS=1 on a fresh system, a Flatpak SDK), a private
#    copy is compiled for this test and found through LOCPATH.
locpath=()
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  echo "# the ja_JP.UTF-8 locale is missing (build-aux/dev deps generates it): compiling a copy"
  if localedef -i ja_JP -f UTF-8 "$tmp/ja_JP.UTF-8" >/dev/null 2>&1 \
     || [ -f "$tmp/ja_JP.UTF-8/LC_CTYPE" ]; then
    locpath=("LOCPATH=$tmp")
  else
    echo "# localedef could not compile ja_JP.UTF-8 either"
  fi
fi
out="$(env "${locpath[@]}" LANG=ja_JP.UTF-8 "$dev" exec "$app" --help 2>&1)"
check "build-aux/dev exec: LANG=ja_JP.UTF-8 --help is Japanese" "$ja" "$out"

# 3. The catalog really comes from STRESSCHECK_LOCALEDIR: pointed at an empty folder, the
#    same run is English (and a relative path is not taken at all).
empty="$tmp/empty"
mkdir "$empty"
out="$(LC_ALL=C.UTF-8 LANGUAGE=ja STRESSCHECK_LOCALEDIR="$empty" "$app" --help 2>&1)"
check "STRESSCHECK_LOCALEDIR without a catalog: English" "$en" "$out"

# 4. An English run stays English.
out="$(LC_ALL=C.UTF-8 LANGUAGE=en "$dev" exec "$app" --help 2>&1)"
check "build-aux/dev exec: LANGUAGE=en --help is English" "$en" "$out"

exit "$failed"
