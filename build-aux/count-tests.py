#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts subtests from meson's junit log (one testcase per TAP line) and
adds one failure for every test program that failed without a failing
subtest (a crash, a timeout, a broken TAP stream). Prints "N passed, N failed"."""
import json
import os
import sys
import xml.etree.ElementTree as ET

logs = sys.argv[1]
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
            # A program that failed but whose subtests all passed crashed or
            # timed out: count it once.
            if not any(name.endswith(c) or c.endswith(name) for c in failed_programs_with_subtests):
                failed += 1
else:
    failed += 1

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
