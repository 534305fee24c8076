#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layer check: arrows point down only.

Reads every #include "..." under src/ and fails when a wing has no README.md, when a file includes a
header of a wing above its own (or of a sibling wing at the same level), or
another wing's private header (*-private.h). Wings and their levels are
below; a folder under src/ that is not listed is an error too, so a new wing
must say where it stands.

  check-layers.py SRCDIR        check the tree
  check-layers.py --self-test   prove the check fails on a bad tree
"""
import os
import re
import sys
import tempfile

# Lower numbers sit lower. A file may include headers of its own wing and of
# wings with a strictly lower level, never a private header of another wing.
LEVELS = {
    'core/files': 0,
    'core/model': 0,
    'core/store': 1,
    'core/document': 2,
    'core/present': 3,
    'core/versions': 4,  # snapshots and diffs: the redline export and the merge build on them
    'core/export': 5,
    'core/import': 5,
    'core/merge': 5,
    'core/review': 6,    # the ministries' round trip: export anchors, import, versions
    'app/common': 7,
    'app/dialogs': 8,
    'app/pages': 9,
    'app/feedback': 9,
    'app/window': 10,
    'app': 11,      # src/app/main.c: gettext and run
    'cli': 11,
}

# Generated or system-wide headers, not owned by any wing.
GENERATED = {'config.h', 'pl-resources.h'}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def wing_of(path):
    parts = path.split('/')
    for n in (2, 1):
        key = '/'.join(parts[:n])
        if len(parts) > n and key in LEVELS:
            return key
    return None


def check(srcdir):
    files = []
    for root, _dirs, names in os.walk(srcdir):
        for name in names:
            if name.endswith(('.c', '.h')):
                full = os.path.join(root, name)
                files.append(os.path.relpath(full, srcdir).replace(os.sep, '/'))
    errors = []
    owner = {}
    for f in files:
        wing = wing_of(f)
        if wing is None:
            errors.append('%s: not in a known wing (add its folder to LEVELS in %s)'
                          % (f, os.path.basename(__file__)))
            continue
        base = os.path.basename(f)
        if base.endswith('.h'):
            if base in owner and owner[base] != wing:
                errors.append('%s: header name also used in %s' % (f, owner[base]))
            owner[base] = wing
    for wing in list(LEVELS) + ['core']:
        if os.path.isdir(os.path.join(srcdir, wing)) and \
           not os.path.isfile(os.path.join(srcdir, wing, 'README.md')):
            errors.append('%s: has no README.md (five lines: what lives here, '
                          'what it may include, what it must not)' % wing)
    for f in sorted(files):
        wing = wing_of(f)
        if wing is None:
            continue
        with open(os.path.join(srcdir, f), encoding='utf-8') as fh:
            text = fh.read()
        for inc in INCLUDE.findall(text):
            base = os.path.basename(inc)
            if base in GENERATED:
                continue
            target = owner.get(base)
            if target is None:
                errors.append('%s: includes "%s", which no wing has' % (f, inc))
                continue
            if target == wing:
                continue
            if base.endswith('-private.h'):
                errors.append('%s (%s): includes %s, a private header of %s'
                              % (f, wing, inc, target))
            elif LEVELS[target] >= LEVELS[wing]:
                errors.append('%s (%s, level %d): includes %s of %s (level %d): arrows point down only'
                              % (f, wing, LEVELS[wing], inc, target, LEVELS[target]))
    return errors


def self_test():
    bad = {
        'core/model/pl-record.c': '#include "pl-document.h"\n',
        'core/model/pl-record.h': '',
        'core/document/pl-document.h': '#include "pl-record.h"\n',
        'core/document/pl-document-private.h': '',
        'core/export/pl-export.c': '#include "pl-document-private.h"\n',
        'app/pages/pl-page.c': '#include "pl-pane.h"\n',
        'app/feedback/pl-pane.h': '',
        'core/unknown/pl-x.c': '',
        'core/document/README.md': '',
        'app/pages/README.md': '',
        'app/feedback/README.md': '',
    }
    with tempfile.TemporaryDirectory() as tmp:
        for path, text in bad.items():
            full = os.path.join(tmp, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'w', encoding='utf-8') as fh:
                fh.write(text)
        errors = check(tmp)
    wanted = ['core/model:', 'core/model/pl-record.c', 'core/export/pl-export.c',
              'app/pages/pl-page.c', 'core/unknown/pl-x.c']
    ok = True
    for w in wanted:
        if not any(e.startswith(w) for e in errors):
            print('self-test: no error reported for %s' % w)
            ok = False
    if any(e.startswith('core/document/pl-document.h') for e in errors):
        print('self-test: a downward include was reported')
        ok = False
    return ok


def main():
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        ok = self_test()
        print('ok' if ok else 'self-test failed')
        return 0 if ok else 1
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    errors = check(sys.argv[1])
    for e in errors:
        print(e)
    print('%d layer violation(s)' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
