#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A cabinet secretariat exports the example strategy as Word with the annex
of recommendations, stakeholders anonymous, through the Export dialog and
its file chooser; the file is then read by pandoc (a reader we did not
write): the annex is there and no stakeholder's name is."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def build(j):
    doc = j.doc
    out = os.path.join(j.tmp, "Cabinet copy.docx")
    names = []

    def until(cond, what):
        return harness.wait_for(cond, what)

    def setup():
        j.cli("demo", doc)
        for line in j.cli("stakeholder", "list", doc).splitlines():
            cols = line.split("\t")
            if len(cols) > 1 and cols[1].strip():
                names.append(cols[1].strip())
        if len(names) < 5:
            raise harness.JourneyError("the example has too few stakeholders: %r" % names)

    def open_export():
        j.start(doc)
        j.window("2026–2030")
        j.key("ctrl+e")
        return j.window("Export")

    def choose():
        d = j.window("Export")
        # Format: Markdown, HTML, Word (DOCX), … picked with the keys.
        j.click(j.find("combo box", "Format", root=d))
        j.key("Down", "Down", "Return")
        j.find(None, "Word (DOCX)", root=d)
        annex = j.reveal(lambda: j.find(None, "Annex of recommendations", root=d),
                         j.find(None, "Include", root=d), within=d)
        j.click(annex)
        stake = j.reveal(lambda: j.find("combo box", "Stakeholders", root=d),
                         j.find(None, "Format", root=d, exact=True), within=d)
        # Named (where agreed), Organisation and sector (the default),
        # Anonymous: one down.
        j.click(stake)
        j.key("Down", "Return")

    def save():
        d = j.window("Export")
        j.click(j.find("push button", "Export…", root=d))
        j.find("text", "Name")
        j.key("ctrl+a")
        j.type(out)
        j.key("Return")
        until(lambda: os.path.exists(out), "the DOCX on disk")
        until(lambda: oct(os.stat(out).st_mode & 0o777) == "0o600", "a private file (0600)")

    def read_back():
        if shutil.which("pandoc") is None:
            raise harness.JourneyError("pandoc is missing (build-aux/deps.sh test installs it)")
        text = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", out], capture_output=True,
                              text=True, check=True, timeout=60).stdout
        if "Annex" not in text:
            raise harness.JourneyError("no annex in the export:\n" + text[-1500:])
        shown = [n for n in names if n in text]
        if shown:
            raise harness.JourneyError("named although anonymous: %r" % shown)

    return [
        ("the example strategy (pillars-cli)", setup),
        ("the Export dialog with Ctrl+E", open_export),
        ("Word, the annex, anonymous", choose),
        ("saved through the file chooser", save),
        ("pandoc reads the annex and no name", read_back),
    ]


if __name__ == "__main__":
    sys.exit(harness.main(build, "secretariat"))
