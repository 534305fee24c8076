# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader user meets: the visible interactive controls of a
running window and which of them have no accessible name.

GTK 4.8 answers a nameless widget's Name with its type name ("GtkImage",
"AdwGizmo", "GtkMenuButton"): that is no name either."""
import re

import harness
import pyatspi
from gi.repository import GLib

# Roles a user operates; containers, labels and fillers are not controls.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "entry", "password text", "spin button", "slider", "link",
    "menu item", "check menu item", "radio menu item", "page tab", "switch",
    "list item", "table cell", "tree item", "editbar", "search bar",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Pl|GtkSource)[A-Z][A-Za-z0-9]*$")


# A mnemonic's marker left in a name: "_Add", "Im_port". File names keep
# their underscores ("laptop_a.pillars"), so a name with a dot or a slash
# is only checked at the start of its words.
MNEMONIC_WORD = re.compile(r"(?:^|\s)_[^\W_]")
MNEMONIC_INSIDE = re.compile(r"[^\W_]_[^\W\d_]")


def name_fault(name):
    """What is wrong with a control's NAME as a screen reader says it, or
    None: GTK 4.8 joins a widget's label property to the labels it is
    labelled by ("Main Menu Main Menu", "_Add Add"), and says a mnemonic's
    underscore when the label property is its raw text."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and \
            [w.replace("_", "") for w in words[:half]] == [w.replace("_", "") for w in words[half:]]:
        return "said twice"
    if MNEMONIC_WORD.search(name) or ("." not in name and "/" not in name and MNEMONIC_INSIDE.search(name)):
        return "a mnemonic's underscore"
    return None


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


def key(acc):
    try:
        return (acc.get_process_id(), acc.path)
    except Exception:
        return id(acc)


def ancestors(acc):
    out = set()
    while acc is not None:
        out.add(key(acc))
        try:
            acc = acc.parent
        except Exception:
            break
    return out


def hidden_tab(acc, keep):
    """A tab's page other than the one in front (the one holding an
    accessible of KEEP): GTK 4.8 marks it neither hidden nor unshown, and
    walking every tab over D-Bus takes long."""
    if acc.name != "GtkStackPage" or keep is None:
        return False
    try:
        parent = acc.parent
    except Exception:
        return False
    return parent is not None and parent.name == "AdwTabView" and key(acc) not in keep


def label_of(acc, i):
    label = harness.role_name(acc)
    name = acc.name or ""
    if name and not TYPE_NAME.match(name):
        label += ":" + name[:40]
    elif name:
        label += "(" + name + ")"
    return "%s[%d]" % (label, i)


def visible_walk(acc, chain=(), keep=None):
    """Yields (accessible, role, chain); CHAIN is the (accessible, index)
    of each ancestor, names asked for only when reported (every question
    is a D-Bus round trip to the app)."""
    for i, c in enumerate(harness.children(acc)):
        s = harness.states(c)
        if s is None or not s.contains(pyatspi.STATE_VISIBLE):
            continue
        role = harness.role_name(c)
        if role == "panel" and hidden_tab(c, keep):
            continue
        ch = chain + ((c, i),)
        yield c, role, ch
        if role in LEAVES:
            continue
        yield from visible_walk(c, ch, keep)


def path_of(chain):
    return tuple(label_of(a, i) for a, i in chain)


# Roles whose children are no controls of their own.
LEAVES = {"label", "image", "icon", "separator", "scroll bar", "progress bar", "level bar"}


def in_drop_down_popup(role, chain):
    """The rows of a closed drop-down's popup list: GTK 4.8 cannot name a
    GtkListView's row widgets (gtk_list_item_set_accessible_label is 4.12);
    the drop-down says the chosen value itself."""
    return role == "list item" and any(harness.role_name(a) == "combo box" for a, _ in chain[:-1])


def drop_down_button(role, chain):
    """GTK 4.8's drop-down shows its inner toggle as a child control; a
    screen reader announces the drop-down (checked itself) on it."""
    if role != "push button" or len(chain) < 2:
        return False
    parent = chain[-2][0]
    return harness.role_name(parent) == "combo box" and not unnamed(parent)


def offenders(window, anchor=None):
    """(role, path) of each visible interactive control without a name,
    or whose name is said twice or shows a mnemonic (the path then ends
    with what is wrong). ANCHOR, an accessible in the tab in front, leaves
    the other tabs out."""
    out = []
    count = 0
    keep = ancestors(anchor) if anchor is not None else None
    for acc, role, chain in visible_walk(window, keep=keep):
        if role not in INTERACTIVE or not interactive(acc) or in_drop_down_popup(role, chain):
            continue
        if not on_screen(acc, window):
            continue
        count += 1
        if drop_down_button(role, chain):
            continue
        if unnamed(acc):
            out.append((role, "/".join(path_of(chain))))
            continue
        fault = name_fault(acc.name or "")
        if fault:
            out.append((role, "%s  (%r: %s)" % ("/".join(path_of(chain)), acc.name, fault)))
    return count, out


class Announcements:
    """What the app tells a screen reader without moving focus: the names
    its status objects (role "status bar") take, as AT-SPI reports them
    (object:property-change:accessible-name), in the order said."""

    def __init__(self, app):
        self.pid = app.get_process_id()
        self.said = []
        pyatspi.Registry.registerEventListener(self._on_event, "object:property-change:accessible-name")

    def _on_event(self, event):
        try:
            if harness.role_name(event.source) == "status bar" and event.source.get_process_id() == self.pid:
                self.said.append(str(event.any_data or ""))
        except Exception:
            pass  # the object went away: nothing was said by it

    def _pump(self):
        # pyatspi delivers events from the default main context.
        ctx = GLib.MainContext.default()
        while ctx.pending():
            ctx.iteration(False)

    def clear(self):
        self._pump()
        self.said.clear()

    def wait(self, what, match):
        """Waits until something said satisfies MATCH; returns it."""
        def heard():
            self._pump()
            return next((s for s in self.said if match(s)), None)
        try:
            return harness.wait_for(heard, "a screen reader to be told " + what)
        except harness.JourneyError as e:
            raise harness.JourneyError("%s; it was told %r" % (e, self.said))

    def close(self):
        pyatspi.Registry.deregisterEventListener(self._on_event, "object:property-change:accessible-name")
