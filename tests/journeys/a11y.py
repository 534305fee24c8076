# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader user meets: the visible interactive controls of a
running window and which of them have no accessible name.

GTK 4.8 answers a nameless widget's Name with its type name ("GtkImage",
"AdwGizmo", "GtkMenuButton"): that is no name either."""
import re

import harness
import pyatspi

# Roles a user operates; containers, labels and fillers are not controls.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "entry", "password text", "spin button", "slider", "link",
    "menu item", "check menu item", "radio menu item", "page tab", "switch",
    "list item", "table cell", "tree item", "editbar", "search bar",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Pl|GtkSource)[A-Z][A-Za-z0-9]*$")


def unnamed(acc):
    name = (acc.name or "").strip()
    return not name or TYPE_NAME.match(name) is not None


def interactive(acc):
    role = harness.role_name(acc)
    if role not in INTERACTIVE:
        return False
    s = harness.states(acc)
    if s is None:
        return False
    # A list item or cell only counts when the user can land on it.
    if role in ("list item", "table cell", "tree item"):
        return s.contains(pyatspi.STATE_FOCUSABLE)
    return True


def on_screen(acc, window):
    """GTK 4.8 sets no SHOWING state below the toplevel, and keeps the
    widgets of a stack's other pages VISIBLE: what the user can see is what
    has an area inside the window."""
    try:
        e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        w = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    if e.width <= 0 or e.height <= 0:
        return False
    return e.x < w.width and e.y < w.height and e.x + e.width > 0 and e.y + e.height > 0


def visible_walk(acc, path=()):
    for i, c in enumerate(harness.children(acc)):
        s = harness.states(c)
        if s is None or not s.contains(pyatspi.STATE_VISIBLE):
            continue
        label = harness.role_name(c)
        if c.name and not TYPE_NAME.match(c.name):
            label += ":" + c.name[:40]
        elif c.name:
            label += "(" + c.name + ")"
        p = path + ("%s[%d]" % (label, i),)
        yield c, p
        yield from visible_walk(c, p)


def offenders(window):
    """(role, path) of each visible interactive control without a name."""
    out = []
    count = 0
    for acc, path in visible_walk(window):
        if not interactive(acc) or not on_screen(acc, window):
            continue
        count += 1
        if unnamed(acc):
            out.append((harness.role_name(acc), "/".join(path)))
    return count, out
