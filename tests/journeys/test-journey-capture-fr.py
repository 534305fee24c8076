#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The facilitator's capture journey in French (LANGUAGE=fr): the same keys,
the controls found by their French names (see capture.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capture  # noqa: E402
import harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(harness.main(capture.build, "capture-fr", lang="fr"))
