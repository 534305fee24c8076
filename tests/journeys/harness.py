# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real pillars binary as a user does: finds controls in the
accessibility tree (AT-SPI, through pyatspi as dogtail does) by role and
accessible name, sends real key presses and clicks (xdotool, to the X
server the app draws on) and checks the document with pillars-cli.

Every step waits for a condition with a timeout (never a fixed sleep),
prints one TAP line and, when it fails, saves a screenshot of the screen
into BUILD/tests/journeys/ before the journey stops.

Runs with the system /usr/bin/python3 (pyatspi and dogtail are Debian
packages) under Xvfb and a session bus (build-aux/test.sh provides both;
the accessibility bus is started here when the session lacks one)."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

try:
    import pyatspi
except ImportError:  # pragma: no cover - reported as a failing test
    pyatspi = None

TIMEOUT = float(os.environ.get("PILLARS_JOURNEY_TIMEOUT", "30"))


class JourneyError(Exception):
    pass


def _env_build():
    build = os.environ.get("PILLARS_BUILD_DIR")
    if not build:
        raise JourneyError("PILLARS_BUILD_DIR is not set (run through meson test)")
    return build


def ensure_a11y_bus():
    """GTK 4 and pyatspi find the accessibility bus through org.a11y.Bus on
    the session bus; dbus-run-session activates at-spi-bus-launcher from its
    service file. Checks that it answers, so a missing at-spi2-core says so
    instead of a timeout later."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        raise JourneyError("no session bus: run under dbus-run-session")
    if not os.environ.get("DISPLAY"):
        raise JourneyError("no X display: run under xvfb-run")
    out = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
         "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
        capture_output=True, text=True, timeout=20)
    if out.returncode != 0:
        raise JourneyError("the accessibility bus (org.a11y.Bus, at-spi2-core) "
                           "does not answer: " + out.stderr.strip())
    # pyatspi caches nothing until first use; make registryd answer too.
    subprocess.run(["dbus-send", "--session", "--dest=org.a11y.Bus",
                    "/org/a11y/bus", "org.freedesktop.DBus.Peer.Ping"],
                   capture_output=True, timeout=20)


def wait_for(cond, what, timeout=None):
    """Polls COND until it returns something true; raises with WHAT."""
    deadline = time.monotonic() + (timeout or TIMEOUT)
    last_exc = None
    while True:
        try:
            value = cond()
            if value:
                return value
        except Exception as e:  # the tree changes under us: retry
            last_exc = e
        if time.monotonic() > deadline:
            msg = "timed out waiting for " + what
            if last_exc is not None:
                msg += " (last error: %r)" % (last_exc,)
            raise JourneyError(msg)
        time.sleep(0.05)


def role_name(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return "?"


def children(acc):
    try:
        n = acc.childCount
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = acc.getChildAtIndex(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


def states(acc):
    try:
        return acc.getState()
    except Exception:
        return None


def is_showing(acc):
    s = states(acc)
    # GTK 4.8 sets SHOWING on toplevels only; VISIBLE follows the widget.
    return s is not None and s.contains(pyatspi.STATE_VISIBLE)


def has_area(acc):
    """Whether ACC takes room on screen: the widgets of a stack's hidden
    pages stay VISIBLE in GTK 4.8 but have no allocation there."""
    try:
        e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return True  # no Component interface (menus' items): trust VISIBLE
    return e.width > 0 and e.height > 0


def walk(acc, only_showing=True, path=()):
    """Yields (accessible, path) depth first; prunes hidden subtrees."""
    for i, c in enumerate(children(acc)):
        if only_showing and not is_showing(c):
            continue
        p = path + ("%s[%d]%s" % (role_name(c), i, (":" + c.name) if c.name else ""),)
        yield c, p
        yield from walk(c, only_showing, p)


class Journey:
    """One journey: one TAP stream, one app, one document."""

    def __init__(self, name, lang=None, screen=None):
        self.name = name
        self.build = _env_build()
        self.cli_path = os.path.join(self.build, "src", "cli", "pillars-cli")
        self.app_path = os.path.join(self.build, "src", "app", "pillars")
        self.outdir = os.environ.get("PILLARS_JOURNEY_OUT") or os.path.join(self.build, "tests", "journeys")
        os.makedirs(self.outdir, exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="pillars-journey-")
        self.doc = os.path.join(self.tmp, "strategy.pillars")
        self.lang = lang
        self.screen = screen
        self.xvfb = None
        self.proc = None
        self.app = None
        self.step_no = 0
        self.failed = False

    # -- the document, through the CLI --------------------------------------
    def cli(self, *args, check=True):
        env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
        r = subprocess.run([self.cli_path] + list(args), capture_output=True,
                           text=True, env=env, timeout=60)
        if check and r.returncode != 0:
            raise JourneyError("pillars-cli %s: exit %d: %s" %
                               (" ".join(args), r.returncode, r.stderr.strip()))
        return r.stdout

    # -- the app ------------------------------------------------------------
    def start(self, doc=None):
        ensure_a11y_bus()
        # Each journey on an X server of its own: real input goes to the
        # display under the pointer, so journeys can run beside the widget
        # tests (which send keys on the shared one) and beside each other.
        if self.xvfb is None and not os.environ.get("PILLARS_JOURNEY_XVFB"):
            self.xvfb = start_display(*(self.screen or (1280, 800)))
        env = dict(os.environ)
        for k in ("NO_AT_BRIDGE", "GTK_A11Y"):
            env.pop(k, None)
        env["GSETTINGS_SCHEMA_DIR"] = os.path.join(self.build, "data")
        env["GSETTINGS_BACKEND"] = "memory"
        # The catalogues built in the build tree (the app binds the
        # installed folder otherwise).
        env.setdefault("PILLARS_LOCALEDIR", os.path.join(self.build, "po"))
        env.setdefault("GSK_RENDERER", "cairo")
        if self.lang:
            env["LANGUAGE"] = self.lang
            env["LANG"] = "C.UTF-8"
            env["LC_ALL"] = "C.UTF-8"
        args = [self.app_path]
        if doc is not None:
            args.append(doc)
        self.log = open(os.path.join(self.outdir, self.name + "-app.log"), "w")
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        pid = self.proc.pid

        def find_app():
            if self.proc.poll() is not None:
                self.log.flush()
                with open(self.log.name) as f:
                    raise JourneyError("the app exited with status %d: %s"
                                       % (self.proc.returncode, f.read()[-2000:]))
            desktop = pyatspi.Registry.getDesktop(0)
            for a in children(desktop):
                try:
                    if a.get_process_id() == pid:
                        return a
                except Exception:
                    pass
            return None
        self.app = wait_for(find_app, "the app on the accessibility bus", timeout=30)
        self.window()  # waits for a window that shows
        return self.app

    def windows(self):
        return [w for w in children(self.app) if is_showing(w)]

    def window(self, name=None, timeout=None):
        def find():
            for w in children(self.app):
                if not is_showing(w):
                    continue
                if name is None or (w.name and name in w.name):
                    return w
            return None
        return wait_for(find, "a window" + ((" named " + name) if name else ""), timeout)

    def active_window(self):
        def find():
            for w in children(self.app):
                s = states(w)
                if s is not None and s.contains(pyatspi.STATE_ACTIVE):
                    return w
            return None
        return wait_for(find, "an active window")

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()

    def wait_closed(self, timeout=None):
        """Waits for the app to exit by itself (after Ctrl+Q)."""
        def gone():
            return self.proc.poll() is not None
        wait_for(gone, "the app to quit", timeout)

    # -- finding ------------------------------------------------------------
    def find_all(self, root, role=None, name=None, exact=False, showing=True):
        out = []
        for acc, _ in walk(root, only_showing=showing):
            if role is not None and role_name(acc) not in (role if isinstance(role, tuple) else (role,)):
                continue
            if name is not None:
                n = acc.name or ""
                if (n != name) if exact else (name.lower() not in n.lower()):
                    continue
            if showing and not has_area(acc):
                continue
            out.append(acc)
        return out

    def find(self, role=None, name=None, root=None, exact=False, timeout=None):
        what = "%s named %r" % (role or "a control", name)

        def look():
            r = root if root is not None else self.app
            found = self.find_all(r, role, name, exact)
            return found[0] if found else None
        return wait_for(look, what, timeout)

    def gone(self, role=None, name=None, root=None, exact=False, timeout=None):
        def look():
            r = root if root is not None else self.app
            return not self.find_all(r, role, name, exact)
        wait_for(look, "%s named %r to go away" % (role or "a control", name), timeout)

    def focused(self, root=None):
        r = root if root is not None else self.app
        for acc, _ in walk(r):
            s = states(acc)
            if s is not None and s.contains(pyatspi.STATE_FOCUSED):
                return acc
        return None

    def wait_focus(self, role=None, name=None, timeout=None):
        def check():
            f = self.focused()
            if f is None:
                return None
            if role is not None and role_name(f) not in (role if isinstance(role, tuple) else (role,)):
                return None
            if name is not None and name.lower() not in (f.name or "").lower():
                return None
            return f
        return wait_for(check, "focus on %s named %r" % (role, name), timeout)

    def text_of(self, acc):
        try:
            t = acc.queryText()
            return t.getText(0, -1)
        except Exception:
            return acc.name or ""

    # -- real input ---------------------------------------------------------
    def xdo(self, *args):
        subprocess.run(["xdotool"] + list(args), check=True, timeout=20)

    def key(self, *keys):
        """Real key presses (xdotool key syntax: ctrl+shift+n, Escape)."""
        self.point_at_window()
        for k in keys:
            self.xdo("key", "--clearmodifiers", k)

    def type(self, text):
        self.point_at_window()
        self.xdo("type", "--delay", "8", "--", text)

    def point_at_window(self):
        # No window manager under Xvfb: X focus follows the pointer, so the
        # pointer rests inside the top-left window everything opens in.
        self.xdo("mousemove", "40", "300")

    def center(self, acc):
        """The centre of ACC on the screen. GTK 4 reports extents relative
        to its toplevel; without a window manager toplevels sit at 0,0 and
        X reports where they are, which is added."""
        comp = acc.queryComponent()
        e = comp.getExtents(pyatspi.DESKTOP_COORDS)
        x, y = e.x + e.width // 2, e.y + e.height // 2
        return x, y

    def screen_size(self):
        out = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True, text=True).stdout.split()
        return int(out[0]), int(out[1])

    def reveal(self, find, over, within=None):
        """Scrolls with the mouse wheel over OVER (an accessible) until what
        FIND returns lies on the screen (or inside the window WITHIN), as a
        user does on a small screen; returns it."""
        top, (_, bottom) = 0, self.screen_size()
        if within is not None:
            e = within.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            top, bottom = max(e.y, 0), min(e.y + e.height, bottom)
        acc = None
        for _i in range(40):
            acc = find()
            y = self.center(acc)[1]
            if top + 30 < y < bottom - 30:
                return acc
            x0, y0 = self.center(over if within is None else within)
            self.xdo("mousemove", str(x0), str(min(max(y0, top + 60), bottom - 40)),
                     "click", "5" if y >= bottom - 30 else "4")
        raise JourneyError("could not scroll %r into view" % (acc.name if acc else None,))

    def click(self, acc, button=1):
        x, y = self.center(acc)
        self.xdo("mousemove", str(x), str(y), "click", str(button))

    # -- steps and reporting ------------------------------------------------
    def screenshot(self, label):
        path = os.path.join(self.outdir, "%s-%02d-%s.png" % (self.name, self.step_no, label))
        subprocess.run(["import", "-window", "root", path], capture_output=True, timeout=30)
        return path

    def step(self, label, fn, *args, **kw):
        """Runs one step: one TAP line. After a failure the rest are
        reported as failing too (they depend on each other)."""
        self.step_no += 1
        tag = label.replace(" ", "-").replace("/", "-")[:40]
        if self.failed:
            print("not ok %d - %s # (an earlier step failed)" % (self.step_no, label), flush=True)
            return None
        try:
            value = fn(*args, **kw)
            print("ok %d - %s" % (self.step_no, label), flush=True)
            return value
        except Exception as e:
            self.failed = True
            shot = self.screenshot(tag)
            print("not ok %d - %s" % (self.step_no, label), flush=True)
            for line in ("%s" % e).splitlines() or [repr(e)]:
                print("# " + line, flush=True)
            for line in traceback.format_exc().splitlines()[-6:]:
                print("# " + line, flush=True)
            print("# screenshot: " + shot, flush=True)
            return None

    def run(self, steps):
        """STEPS: list of (label, callable). Prints the TAP plan first."""
        print("1..%d" % len(steps), flush=True)
        try:
            for label, fn in steps:
                self.step(label, fn)
        finally:
            self.stop()
            if self.xvfb is not None:
                self.xvfb.terminate()
                self.xvfb.wait()
            if not self.failed:
                shutil.rmtree(self.tmp, ignore_errors=True)
        return 1 if self.failed else 0


def start_display(w, h):
    """An X server of its own at WxH (Xvfb keeps the one size it starts
    with), made the display of everything this journey starts: the app and
    xdotool. Journeys start side by side: the choice of a display number is
    made under a lock, and the server counts as up only once its lock file
    names its own process (another server's socket does not). -noreset: a
    server resets when its last client leaves (the readiness check, the
    accessibility launcher), and a client arriving then is refused. The
    accessibility bus is the session bus's, whatever the display."""
    import fcntl
    with open(os.path.join(tempfile.gettempdir(), ".pillars-journeys-x.lock"), "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        for n in range(140, 400):
            if os.path.exists("/tmp/.X%d-lock" % n) or os.path.exists("/tmp/.X11-unix/X%d" % n):
                continue
            proc = subprocess.Popen(["Xvfb", ":%d" % n, "-screen", "0", "%dx%dx24" % (w, h),
                                     "-nolisten", "tcp", "-noreset"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

            def up():
                if proc.poll() is not None:
                    raise JourneyError("Xvfb :%d exited" % n)
                try:
                    with open("/tmp/.X%d-lock" % n) as f:
                        if int(f.read().strip() or 0) != proc.pid:
                            return False
                except (OSError, ValueError):
                    return False
                return subprocess.run(["xdpyinfo", "-display", ":%d" % n],
                                      capture_output=True).returncode == 0
            try:
                wait_for(up, "Xvfb :%d at %dx%d" % (n, w, h), timeout=20)
            except JourneyError:
                proc.kill()
                proc.wait()
                continue
            os.environ["DISPLAY"] = ":%d" % n
            os.environ.pop("XAUTHORITY", None)
            return proc
    raise JourneyError("no free X display for a %dx%d screen" % (w, h))


def main(build_steps, name, **kw):
    # A session bus of its own (and so an accessibility bus and a Pillars
    # instance of its own: GtkApplication is one instance per bus), with the
    # X server of its own that start() opens: journeys run beside each other
    # and beside the widget tests without meeting them.
    # The X server comes first: the accessibility bus's launcher publishes
    # its address on the display's root window.
    if os.environ.get("PILLARS_JOURNEY_SESSION") != "1" and shutil.which("dbus-run-session"):
        try:
            xvfb = start_display(*(kw.get("screen") or (1280, 800)))
        except JourneyError as e:
            print("1..1\nnot ok 1 - an X server for the journey: %s" % e)
            return 1
        os.environ["PILLARS_JOURNEY_SESSION"] = "1"
        os.environ["PILLARS_JOURNEY_XVFB"] = str(xvfb.pid)
        # The session's daemons write to standard output too ("SpiRegistry
        # daemon is running…"): the TAP stream goes on a descriptor of its
        # own, and their output to standard error.
        sys.stdout.flush()
        tap = os.dup(1)
        os.set_inheritable(tap, True)
        os.dup2(2, 1)
        os.environ["PILLARS_JOURNEY_TAP_FD"] = str(tap)
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable] + sys.argv)
    if os.environ.get("PILLARS_JOURNEY_TAP_FD"):
        sys.stdout = os.fdopen(int(os.environ.pop("PILLARS_JOURNEY_TAP_FD")), "w", buffering=1)
    try:
        return _run(build_steps, name, **kw)
    finally:
        if os.environ.get("PILLARS_JOURNEY_XVFB"):
            try:
                os.kill(int(os.environ["PILLARS_JOURNEY_XVFB"]), 15)
            except OSError:
                pass


def _run(build_steps, name, **kw):
    if pyatspi is None:
        print("1..1\nnot ok 1 - pyatspi is missing: install python3-pyatspi (build-aux/deps.sh test)")
        return 1
    j = Journey(name, **kw)
    try:
        steps = build_steps(j)
    except Exception as e:
        print("1..1\nnot ok 1 - setting up: %s" % e)
        return 1
    return j.run(steps)


if __name__ == "__main__":
    sys.exit(0)
