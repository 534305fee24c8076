#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A drafter, keyboard first: creates a strategy through the New Strategy
file chooser, adds a pillar, two objectives and actions with the keyboard
alone, reorders and deletes an objective from its menu (letters pick the
items), undoes the delete with Ctrl+Z, and closes each dialog met on the
way both with its × button and with Esc. The document is checked with
pillars-cli after every change."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def build(j):
    path = os.path.join(j.tmp, "Kestrel strategy.pillars")

    def objectives():
        rows = j.cli("objective", "list", path).splitlines()
        return [r.split("\t")[1] for r in rows if r.strip()]

    def actions():
        return j.cli("action", "list", path)

    def until(cond, what):
        return harness.wait_for(cond, what)

    def new_field(name, before):
        """Waits for one more text field NAME than BEFORE: the record just
        created, with its title field focused for naming, as the user sees
        it before typing (GTK 4.8 does not expose an entry's text)."""
        until(lambda: len(j.find_all(j.app, "text", name, exact=True)) > before,
              "a new field %r" % name)

    def create():
        j.start()
        j.find("push button", "New Strategy")
        j.key("ctrl+n")
        chooser = j.window("New Strategy")
        j.find("text", "Name", root=chooser)
        # GTK selects the name without its extension: replace all of it.
        j.key("ctrl+a")
        j.type(path)
        j.key("Return")
        until(lambda: os.path.exists(path), "the new document on disk")
        j.window("National Cybersecurity Strategy")

    def add_pillar():
        j.key("ctrl+shift+n")
        j.type("Digital skills")
        j.key("Return")
        until(lambda: "Digital skills" in j.cli("pillar", "list", path), "the new pillar in the file")
        j.find(None, "Digital skills")

    def add_objectives():
        j.key("ctrl+shift+o")
        new_field("Objective", 0)
        j.type("Train 100 teachers")
        j.key("Return")
        j.key("ctrl+shift+o")
        new_field("Objective", 1)
        j.type("Certify 50 trainers")
        j.key("Return")
        until(lambda: objectives()[-2:] == ["Train 100 teachers", "Certify 50 trainers"],
              "both objectives in the file, in order")

    def add_action_close_with_escape():
        j.key("ctrl+shift+t")
        editor = j.window("Action")
        j.find("text", "Action", root=editor)
        j.key("ctrl+a")
        j.type("Run a pilot course")
        j.key("Escape")
        until(lambda: "Run a pilot course" in actions(), "the action in the file")
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the Edit Action window to close with Esc")

    def second_action_close_with_x():
        j.key("ctrl+shift+t")
        editor = j.window("Action")
        j.find("text", "Action", root=editor)
        j.key("ctrl+a")
        j.type("Publish the syllabus")
        j.click(j.find("push button", "Close", root=editor))
        until(lambda: "Publish the syllabus" in actions(), "the second action in the file")
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the Edit Action window to close with its × button")

    def menu_of(title):
        row = j.find(None, title)
        buttons = j.find_all(j.app, ("toggle button", "push button"), "Objective Menu")
        if not buttons:
            raise harness.JourneyError("no objective menu button")
        ry = j.center(row)[1]
        return min(buttons, key=lambda b: abs(j.center(b)[1] - ry))

    def reorder():
        j.click(menu_of("Certify 50 trainers"))
        j.find("menu item", "Move Up")
        j.key("u")
        until(lambda: objectives()[-2:] == ["Certify 50 trainers", "Train 100 teachers"],
              "the objectives swapped in the file")

    def delete_and_undo():
        # The actions went to the objective in front, the one created
        # last: deleting it takes them too, and Ctrl+Z brings all back.
        j.click(menu_of("Certify 50 trainers"))
        j.find("menu item", "Delete Objective")
        j.key("d")
        until(lambda: "Certify 50 trainers" not in objectives(), "the objective deleted")
        until(lambda: "Run a pilot course" not in actions(), "its actions deleted with it")
        j.key("ctrl+z")
        until(lambda: "Certify 50 trainers" in objectives(), "the delete undone")
        until(lambda: "Run a pilot course" in actions() and "Publish the syllabus" in actions(),
              "its actions back with it")

    def export_dialog():
        j.key("ctrl+e")
        j.window("Export")
        j.key("Escape")
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the Export dialog to close with Esc")
        j.key("ctrl+e")
        d = j.window("Export")
        # A dialog with an action in its header has Cancel where the × is.
        j.click(j.find("push button", "Cancel", root=d))
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the Export dialog to close with its Cancel button")

    def shortcuts_window():
        j.key("ctrl+question")
        j.window("Shortcuts")
        j.key("Escape")
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the shortcuts window to close with Esc")
        j.key("ctrl+question")
        w = j.window("Shortcuts")
        j.click(j.find("push button", "Close", root=w))
        until(lambda: [w.name for w in j.windows()] == ["National Cybersecurity Strategy"],
              "the shortcuts window to close with its × button")

    def nothing_stray():
        # The keys pressed on the way (letters picked in menus, Ctrl+Z, Esc)
        # typed nothing into the strategy: the new pillar's narrative is
        # still empty and the titles are exactly what was typed.
        md = j.cli("export", path, "--format", "md", "--no-title-page", "--no-front-matter", "--no-plan")
        start = md.index("Digital skills")
        section = md[start:]
        body = section.split("\n", 1)[1].split("### ", 1)[0].strip()
        if body:
            raise harness.JourneyError("the pillar's narrative is not empty: %r" % body[:200])
        if sorted(objectives()[-2:]) != ["Certify 50 trainers", "Train 100 teachers"]:
            raise harness.JourneyError("objectives: %r" % objectives())

    return [
        ("create a strategy from the New Strategy chooser", create),
        ("add a pillar with Ctrl+Shift+N", add_pillar),
        ("add two objectives with Ctrl+Shift+O", add_objectives),
        ("add an action with Ctrl+Shift+T, close with Esc", add_action_close_with_escape),
        ("add another action, close with its ×", second_action_close_with_x),
        ("move an objective up from its menu", reorder),
        ("delete an objective, undo with Ctrl+Z", delete_and_undo),
        ("export dialog: Esc, then Cancel", export_dialog),
        ("shortcuts window: Esc, then ×", shortcuts_window),
        ("nothing typed where it should not be", nothing_stray),
    ]


if __name__ == "__main__":
    sys.exit(harness.main(build, "drafter"))
