#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every visible interactive control has an accessible name: walks the
running app's accessibility tree on the welcome page, a pillar tab, the
implementation plan, the feedback pane with an item open, the export
dialog, the workshops and stakeholders registries and the merge and import
dialogs, reached with real keys and clicks. A failure lists each offender's
role and path."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a11y  # noqa: E402
import harness  # noqa: E402


def check(j, what, window=None):
    w = window if window is not None else j.active_window()
    # The tree fills in as GTK realizes rows: wait until two walks agree.
    prev = [None]

    def settled():
        count, bad = a11y.offenders(w)
        same = prev[0] == (count, len(bad))
        prev[0] = (count, len(bad))
        return (count, bad) if same and count > 0 else None
    count, bad = harness.wait_for(settled, "the controls of " + what)
    if bad:
        lines = ["%d of %d visible controls on %s have no accessible name:" % (len(bad), count, what)]
        lines += ["  %s  at %s" % (role, path) for role, path in bad]
        if os.environ.get("PILLARS_A11Y_REPORT_ONLY"):
            print("# " + "\n# ".join(lines), flush=True)
        else:
            raise harness.JourneyError("\n".join(lines))
    return count


def menu_item(j, name):
    """Opens the primary menu with F10 and clicks NAME in it."""
    j.key("F10")
    item = j.find("menu item", name)
    j.click(item)


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
        j.find("text", "Narrative of")
        check(j, "a pillar tab")

    def plan():
        j.key("alt+%d" % (pillars + 2))
        j.find(None, "Lead agency")
        check(j, "the implementation plan")

    def feedback():
        j.key("alt+2")
        j.key("F9")
        row = j.find("list item", "Recommendation")
        j.click(row)
        j.find("text", "Response")
        check(j, "the feedback pane with an item open")

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
        ("workshops", dialog(lambda: menu_item(j, "Workshops"), "Workshops")),
        ("stakeholders", dialog(lambda: menu_item(j, "Stakeholders"), "Stakeholders")),
        ("merge captures", dialog(lambda: menu_item(j, "Merge Captures"), "Merge")),
        ("import draft", dialog(lambda: menu_item(j, "Import Draft"), "Import")),
        ("import comments", dialog(lambda: menu_item(j, "Import Comments"), "Import")),
    ]


if __name__ == "__main__":
    sys.exit(harness.main(build, "a11y-names"))
