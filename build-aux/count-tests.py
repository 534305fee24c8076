#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts subtests and prints "N passed, N failed".

Usage: count-tests.py [--quiet] LOGS... [--fuzz RESULTS]...

Each LOGS is a meson-logs folder: subtests come from its junit log (one
testcase per TAP line), plus one failure for every test program that
failed without a failing subtest (a crash, a timeout, a broken TAP
stream); a folder without logs counts as one failure (the pass did not
run). Each RESULTS is build-aux/fuzz.sh's results file: one test per fuzz
target ("NAME passed|failed EXECS RATE"); a missing file is one failure.
Several folders and files are summed (build-aux/test.sh, its --sanitize
pass and the fuzz targets in .ci/run). --quiet prints nothing, only the
exit status (0 when nothing failed)."""
import json
import os
import sys
import xml.etree.ElementTree as ET


def count_meson(logs):
    passed = failed = 0
    failed_programs_with_subtests = set()

    junit = os.path.join(logs, "testlog.junit.xml")
    if os.path.exists(junit):
        root = ET.parse(junit).getroot()
        for suite in root.iter("testsuite"):
            for case in suite.iter("testcase"):
                if case.find("failure") is not None or case.find("error") is not None:
                    failed += 1
                    failed_programs_with_subtests.add(case.get("classname", ""))
                elif case.find("skipped") is not None:
                    pass
                else:
                    passed += 1

    programs = os.path.join(logs, "testlog.json")
    if os.path.exists(programs):
        with open(programs) as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                t = json.loads(line)
                result = t.get("result", "")
                if result in ("OK", "EXPECTEDFAIL", "SKIP"):
                    continue
                name = t.get("name", "")
                # A program that failed but whose subtests all passed crashed
                # or timed out: count it once.
                if not any(name.endswith(c) or c.endswith(name) for c in failed_programs_with_subtests):
                    failed += 1
    else:
        failed += 1
    return passed, failed


def count_fuzz(path):
    passed = failed = 0
    if not os.path.exists(path):
        return 0, 1
    with open(path) as f:
        for line in f:
            fields = line.split()
            if not fields:
                continue
            if len(fields) >= 2 and fields[1] == "passed":
                passed += 1
            else:
                failed += 1
    return passed, failed


def main(argv):
    quiet = False
    passed = failed = 0
    args = list(argv)
    if args and args[0] == "--quiet":
        quiet = True
        args.pop(0)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    while args:
        arg = args.pop(0)
        if arg == "--fuzz":
            p, f = count_fuzz(args.pop(0) if args else "")
        else:
            p, f = count_meson(arg)
        passed += p
        failed += f
    if not quiet:
        print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
