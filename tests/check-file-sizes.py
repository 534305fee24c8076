#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No source file over 900 lines (house style): every .c, .h and .py under
src/ and tests/. A file that grows past it is split by concern."""
import os
import sys

LIMIT = 900


def main():
    root = sys.argv[1]
    bad = []
    for top in ('src', 'tests', 'build-aux'):
        for dirpath, _dirs, names in os.walk(os.path.join(root, top)):
            if '/.npm' in dirpath or 'node_modules' in dirpath:
                continue
            for name in names:
                if name.endswith(('.c', '.h', '.py')):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding='utf-8', errors='replace') as fh:
                        n = sum(1 for _ in fh)
                    if n > LIMIT:
                        bad.append((n, os.path.relpath(path, root)))
    for n, path in sorted(bad, reverse=True):
        print('%s: %d lines (at most %d; split it by concern)' % (path, n, LIMIT))
    print('%d file(s) over %d lines' % (len(bad), LIMIT))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
