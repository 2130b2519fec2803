#!/usr/bin/python3
# check-potfiles.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps po/ in step with the sources (TAP):
#  1. every file under src/, ui/ and data/ with translatable strings is in po/POTFILES.in
#    (unless po/POTFILES.skip names it);
#  2. every file that po/POTFILES.in names exists;
#  3. every language in po/LINGUAS has a translation, neither missing nor fuzzy, for every
#    message that xgettext extracts from the current sources.
#
# Usage: check-potfiles.py SOURCE_ROOT

import os
import re
import subprocess
import sys
import tempfile

SCANNED_DIRS = ('src', 'ui', 'data')

# Mirrors i18n.gettext (preset: 'glib', args) in po/meson.build.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments=Translators',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
]

CODE_SUFFIXES = ('.c', '.h', '.vala', '.js', '.py')
# A gettext call: _ ("…"), N_("…"), C_ ("ctx", "…"), NC_, Q_, and the function forms.
CODE_MARKER = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|gettext|ngettext|pgettext|g_dgettext|g_dcgettext'
    r'|g_dngettext|g_dpgettext|g_dpgettext2)\s*\(')
XML_MARKER = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')
DESKTOP_KEY = re.compile(r'^(?:Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=',
                         re.MULTILINE)
METAINFO_ELEMENT = re.compile(r'<(?:name|summary|p|li|caption|keyword)[\s>]')
GSCHEMA_ELEMENT = re.compile(r'<(?:summary|description)[\s>]|l10n\s*=')


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def result(self, ok, description, details=()):
        self.count += 1
        if not ok:
            self.failed += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description}")
        for line in details:
            print(f'# {line}')

    def finish(self):
        print(f'1..{self.count}')
        return 1 if self.failed else 0


def strip_comments_and_strings(text):
    """Blanks out C-style comments and the contents of string and character literals, so
    that a marker inside either is not taken for a call."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(' ' * (end - i))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif c in '"\'':
            out.append(c)
            i += 1
            while i < n and text[i] != c and text[i] != '\n':
                if text[i] == '\\':
                    i += 1
                out.append(' ')
                i += 1
            if i < n:
                out.append(text[i])
                i += 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_translatable_strings(relpath, text):
    name = os.path.basename(relpath)
    if name.endswith(CODE_SUFFIXES):
        return CODE_MARKER.search(strip_comments_and_strings(text)) is not None
    if '.desktop' in name:
        return DESKTOP_KEY.search(text) is not None
    if '.metainfo.xml' in name or '.appdata.xml' in name:
        return METAINFO_ELEMENT.search(text) is not None
    if '.gschema.xml' in name:
        return GSCHEMA_ELEMENT.search(text) is not None
    if name.endswith(('.ui', '.xml', '.in')):
        return XML_MARKER.search(text) is not None
    return False


def read_list(path):
    entries = []
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def source_files(srcroot):
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.', '_build')))
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                yield os.path.relpath(path, srcroot).replace(os.sep, '/')


def read_text(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except (UnicodeDecodeError, OSError):
        return None


def parse_po(path):
    """Returns {(msgctxt, msgid): (msgstrs, fuzzy)} for the live (not obsolete) entries."""
    entries = {}
    entry = None
    field = None

    def flush():
        if entry is not None and 'msgid' in entry:
            key = (entry.get('msgctxt'), entry['msgid'])
            strs = [v for k, v in sorted(entry.items()) if k.startswith('msgstr')]
            entries[key] = (strs, entry.get('fuzzy', False))

    def unquote(s):
        s = s.strip()
        assert s.startswith('"') and s.endswith('"'), s
        return bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('#~') or not line.strip():
                if line.startswith('#~'):
                    continue
                flush()
                entry, field = None, None
                continue
            if entry is None:
                entry = {}
            if line.startswith('#,'):
                if 'fuzzy' in line:
                    entry['fuzzy'] = True
            elif line.startswith('#'):
                continue
            elif line.startswith('"'):
                entry[field] += unquote(line)
            else:
                keyword, _, rest = line.partition(' ')
                if keyword.startswith('msgstr['):
                    field = 'msgstr' + keyword[len('msgstr'):]
                else:
                    field = keyword
                entry[field] = unquote(rest)
    flush()
    return entries


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} SOURCE_ROOT', file=sys.stderr)
        return 2

    srcroot = os.path.abspath(sys.argv[1])
    podir = os.path.join(srcroot, 'po')
    tap = Tap()

    potfiles = read_list(os.path.join(podir, 'POTFILES.in'))
    skipped = set(read_list(os.path.join(podir, 'POTFILES.skip')))

    # 1. Files with translatable strings that POTFILES.in lacks.
    listed = set(potfiles)
    translatable = []
    for relpath in source_files(srcroot):
        text = read_text(os.path.join(srcroot, relpath))
        if text is not None and has_translatable_strings(relpath, text):
            translatable.append(relpath)
    missing = [p for p in translatable if p not in listed and p not in skipped]
    tap.result(not missing, 'every file with translatable strings is in po/POTFILES.in',
               [f'missing from po/POTFILES.in: {p}' for p in missing])

    # 2. POTFILES.in names only files that exist, each once.
    absent = [p for p in potfiles if not os.path.isfile(os.path.join(srcroot, p))]
    duplicates = sorted({p for p in potfiles if potfiles.count(p) > 1})
    tap.result(not absent and not duplicates, 'po/POTFILES.in names existing files, each once',
               [f'does not exist: {p}' for p in absent] +
               [f'listed twice: {p}' for p in duplicates])
    for p in sorted(listed - set(translatable) - set(absent)):
        print(f'# note: {p} is listed but no translatable string was found in it')

    # 3. Each language translates every current message.
    linguas = []
    for line in read_list(os.path.join(podir, 'LINGUAS')):
        linguas.extend(line.split())

    with tempfile.TemporaryDirectory() as tmpdir:
        pot = os.path.join(tmpdir, 'stresscheck.pot')
        existing = [p for p in potfiles if p not in absent]
        proc = subprocess.run(['xgettext', '--package-name=stresscheck', '--directory', srcroot,
                               '--output', pot, *XGETTEXT_ARGS, *existing],
                              capture_output=True, text=True)
        tap.result(proc.returncode == 0, 'xgettext extracts the messages of po/POTFILES.in',
                   proc.stderr.splitlines())
        if proc.returncode != 0:
            return tap.finish()
        # xgettext writes no file when there is nothing to translate.
        template = parse_po(pot) if os.path.exists(pot) else {}
        template.pop((None, ''), None)

        for lang in linguas:
            po = os.path.join(podir, f'{lang}.po')
            if not os.path.exists(po):
                tap.result(False, f'{lang}.po exists', [f'{po} is in LINGUAS but missing'])
                continue
            translations = parse_po(po)
            problems = []
            for key in sorted(template, key=lambda k: (k[0] or '', k[1])):
                ctxt, msgid = key
                label = repr(msgid if len(msgid) < 60 else msgid[:57] + '...')
                if ctxt is not None:
                    label = f'{label} (context {ctxt!r})'
                if key not in translations:
                    problems.append(f'not in {lang}.po: {label}')
                    continue
                strs, fuzzy = translations[key]
                if fuzzy:
                    problems.append(f'fuzzy: {label}')
                elif not strs or any(s == '' for s in strs):
                    problems.append(f'untranslated: {label}')
            stale = [k for k in translations if k not in template and k != (None, '')]
            tap.result(not problems,
                       f'{lang}.po translates all {len(template)} messages of the sources',
                       problems + (['update it: ninja -C BUILDDIR stresscheck-pot '
                                    'stresscheck-update-po'] if problems else []))
            for ctxt, msgid in stale:
                print(f'# note: {lang}.po has a message no source uses any more: {msgid!r}')

            # A second opinion from gettext's own comparison.
            cmp = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
            tap.result(cmp.returncode == 0, f'msgcmp {lang}.po against the sources',
                       cmp.stderr.splitlines())

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
