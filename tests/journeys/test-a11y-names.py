#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every visible interactive control has an accessible name: walks the
running app's accessibility tree on the welcome page, a pillar tab, the
implementation plan, the feedback pane with an item open, the export
dialog, the workshops and stakeholders registries, Snapshots, Compare
Versions and Search Strategy, and the previews behind GTK's file chooser
(Merge Captures and its report, Import Draft, Import Comments, Import
Review, each with content), reached with real keys and clicks as a user
does: the menu with F10, the path typed after Ctrl+L. A failure lists each
offender's role and path; a name said twice ("Main Menu Main Menu", GTK 4.8 joining a label to
the name it already had) or carrying a mnemonic's underscore ("_Add") fails
too. The file chooser itself is not walked: in a GNOME session
GtkFileChooserNative shows the desktop portal's chooser, another program;
here it falls back to GTK 4.8's own, whose places, path bar and column
headers GTK leaves unnamed (ours to name only where we build it).
State changes said out of sight (saved, live, captured, a capture
refused, live ended) are heard as AT-SPI events on the window's status
object."""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a11y  # noqa: E402
import harness  # noqa: E402


def check(j, what, window=None, anchor=None):
    w = window if window is not None else j.active_window()
    # The step waited for what it opened; one walk then sees it all.
    t0 = time.monotonic()
    count, bad = a11y.offenders(w, anchor)
    print("# %s: %d controls walked in %.1f s" % (what, count, time.monotonic() - t0), flush=True)
    if bad:
        lines = ["%d of %d visible controls on %s have no accessible name, or a faulty one:"
                 % (len(bad), count, what)]
        lines += ["  %s  at %s" % (role, path) for role, path in bad]
        if os.environ.get("PILLARS_A11Y_REPORT_ONLY"):
            print("# " + "\n# ".join(lines), flush=True)
        else:
            raise harness.JourneyError("\n".join(lines))
    return count


HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")

# A comment matrix as a ministry sends it back (tests/app/test-import-comments-dialog.c
# has the Windows-1252 one): a known stakeholder, a new one, a pillar by number.
MATRIX = (
    "Name,Organisation,Sector,Pillar,Comment,Proposed change\r\n"
    "Amara Whitfield,Ministry of Digital Transformation,Government,1,"
    "The hygiene course needs a refresher every two years.,\r\n"
    "Kofi Mensah,Kestrel Islands University,Academia,2,"
    "We can host the train-the-trainers programme.,Add the university as partner\r\n")


def menu_item(j, name, mnemonic):
    """Opens the primary menu with F10 and picks NAME by its mnemonic."""
    j.key("F10")
    j.find("menu item", name)
    j.key(mnemonic)


def build(j):
    demo = os.path.join(j.tmp, "demo.pillars")
    j.cli("demo", demo)
    pillars = len([l for l in j.cli("pillar", "list", demo).splitlines() if l.strip()])

    def welcome():
        j.start()
        j.find("push button", "New Strategy")
        check(j, "the welcome page")
        j.stop()

    def open_demo():
        j.start(demo)
        j.window("2026–2030")

    def pillar_tab():
        j.key("alt+2")
        narrative = j.find("text", "Narrative of")
        check(j, "a pillar tab", anchor=narrative)

    def plan():
        j.key("alt+%d" % (pillars + 2))
        lead = j.find(None, "Lead agency")
        check(j, "the implementation plan", anchor=lead)

    def feedback():
        j.key("alt+2")
        narrative = j.find("text", "Narrative of")
        if not j.find_all(j.app, "list", "Feedback", exact=True):
            j.key("F9")
        row = j.find("list item", "Recommendation")
        j.click(row)
        j.find("text", "Response")
        check(j, "the feedback pane with an item open", anchor=narrative)

    # Merge Captures: a copy filled on a facilitator's laptop, and the same
    # action's cost changed on both sides (a conflict), and the same new
    # stakeholder met on both (a fold), so the preview shows every group.
    capture = os.path.join(j.tmp, "laptop.pillars")
    shutil.copyfile(demo, capture)
    j.cli("action", "set", demo, "1.1.1", "--cost", "KID 50,000")
    j.cli("action", "set", capture, "1.1.1", "--cost", "KID 60,000")
    for doc, said in ((demo, "Add a target for women trained"), (capture, "Publish the course syllabus")):
        j.cli("feedback", "add", doc, said, "--kind", "recommendation",
              "--stakeholder", "Ines Duarte", "--organisation", "Kestrel Islands University")
    matrix = os.path.join(j.tmp, "matrix.csv")
    with open(matrix, "w", encoding="utf-8", newline="") as f:
        f.write(MATRIX)

    def close(d, title):
        j.key("Escape")
        harness.wait_for(lambda: not [w for w in j.windows() if w.name == title],
                         "the " + title + " preview to close")

    def chooser_then(menu, mnemonic, title, path, content, then=close):
        """Picks PATH in GTK's file chooser titled TITLE as a user does
        (Ctrl+L, the path, Enter), then walks the preview that opens, once
        CONTENT (a name in it) shows, and closes it with Esc (or THEN)."""
        def run():
            menu_item(j, menu, mnemonic)
            chooser = j.window(title)
            j.key("ctrl+l")
            # The location entry, shown by Ctrl+L, takes the keys.
            j.find("text", root=chooser)
            j.type(path)
            # GTK 4.8's chooser reads the folder for completion as the path
            # is typed and ignores an Enter that comes before it is done (a
            # user presses it again): Enter until the chooser goes, never
            # once it has gone (the preview would take it).
            for _i in range(20):
                j.key("Return")
                try:
                    harness.wait_for(lambda: not harness.is_showing(chooser), "the file chooser to close",
                                     timeout=1)
                    break
                except harness.JourneyError:
                    continue
            else:
                raise harness.JourneyError("the file chooser did not take " + path)
            d = j.window(title)
            j.find(None, content, root=d)
            check(j, "the " + title + " preview", d)
            then(d, title)
        return run

    def merged(d, title):
        """Merges, then walks the report over the merged document's new
        window, before and after one conflict's other value is taken (the
        button's text changes from "Use _Other" to "Taken")."""
        j.click(j.find("push button", "Merge", root=d, exact=True))

        def report():
            for w in j.windows():
                if w.name == title and j.find_all(w, "push button", "Use Other", exact=True):
                    return w
            return None
        r = harness.wait_for(report, "the merge report")
        check(j, "the merge report", r)
        j.click(j.find("push button", "Use Other", root=r, exact=True))
        j.find("push button", "Taken", root=r, exact=True)
        check(j, "the merge report, the other value taken", r)
        close(r, title)

    def announced():
        """Saving, going live, a capture through the bar and the workshop
        ending are said to a screen reader (the window's status object
        changes its name), wherever the focus is."""
        heard = a11y.Announcements(j.app)
        try:
            # Found once, searched within: each walk of the whole window is
            # hundreds of questions over D-Bus.
            live = j.find("combo box", "Workshop mode")
            heard.clear()
            j.key("ctrl+s")
            heard.wait("that the strategy is saved", lambda s: s == "Saved")
            j.click(live)
            j.find(None, "National validation workshop", root=live)
            j.key("Down", "Return")
            heard.wait("that the workshop is live",
                       lambda s: s.startswith("Live — National validation workshop"))
            j.key("alt+t")
            j.key("Return")
            heard.wait("why an empty capture was refused", lambda s: s == "Type what was said first")
            j.type("Say who trains the trainers.")
            j.key("Return")
            heard.wait("that the capture was added", lambda s: s.startswith("Added Comment"))
            j.click(live)
            j.find(None, "Not live", root=live)
            j.key("Home", "Return")
            heard.wait("that the workshop ended", lambda s: s.startswith("Not live"))
        finally:
            heard.close()

    def dialog(opener, title):
        def run():
            opener()
            d = j.window(title)
            check(j, "the " + title + " dialog", d)
            j.key("Escape")
            j.gone(None, title, root=None, exact=True)
        return run

    return [
        ("welcome page", welcome),
        ("open the example strategy", open_demo),
        ("pillar tab", pillar_tab),
        ("implementation plan", plan),
        ("feedback pane with an item open", feedback),
        ("export dialog", dialog(lambda: j.key("ctrl+e"), "Export")),
        ("workshops", dialog(lambda: menu_item(j, "Workshops", "w"), "Workshops")),
        ("stakeholders", dialog(lambda: menu_item(j, "Stakeholders", "t"), "Stakeholders")),
        ("snapshots", dialog(lambda: j.key("ctrl+alt+s"), "Snapshots")),
        ("compare versions", dialog(lambda: j.key("ctrl+alt+d"), "Compare Versions")),
        ("search the strategy", dialog(lambda: j.key("ctrl+shift+f"), "Search")),
        ("saved, live, captured and ended, announced", announced),
        ("import a draft, through the file chooser",
         chooser_then("Import Draft", "i", "Import Draft", os.path.join(DATA, "import", "en-pandoc.docx"),
                      "Structure")),
        ("import comments, through the file chooser",
         chooser_then("Import Comments", "p", "Import Comments", matrix, "Amara Whitfield")),
        ("import reviewed copies, through the file chooser",
         chooser_then("Import Reviewed Copies", "d", "Import Review",
                      os.path.join(DATA, "review", "returned-pandoc.docx"), "By Reviewer")),
        # Last: the merge replaces the window with the merged document's.
        ("merge captures, through the file chooser, and the report",
         chooser_then("Merge Captures", "m", "Merge Captures", capture, "Conflicts", merged)),
    ]


if __name__ == "__main__":
    sys.exit(harness.main(build, "a11y-names"))
