#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The facilitator's capture journey on a 1024×600 workshop laptop (see
capture.py): the screen is switched to that size first."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capture  # noqa: E402
import harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(harness.main(capture.build, "capture-small", screen=(1024, 600)))
