#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Pillars benchmarks against pandoc and cmark, side by side in one run.

Run by build-aux/bench.sh. Prints one table of medians (at least 5 runs)
and a line per goal saying met or not met with the measured ratio. Timings
on a shared machine are noisy: only ratios measured in the same run mean
anything, and none of this is a pass/fail test.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BUILD = sys.argv[1]
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
CLI = os.path.join(BUILD, "src", "cli", "pillars-cli")
CORE = os.path.join(BUILD, "tests", "bench", "bench-core")
APP = os.path.join(BUILD, "src", "app", "pillars")

rows = []    # (what, median seconds or value, unit, note)
goals = []   # (goal text, met, ratio text)


def interleaved(cmds):
    """Median seconds of each command, run in rounds (one run of every
    command per round, in turn) so that drift on a shared machine (other
    tenants, frequency changes) reaches all of them alike rather than
    whichever happened to run in a bad moment. @cmds: name -> (argv, runs)."""
    samples = {name: [] for name in cmds}
    for r in range(max(runs for _, runs in cmds.values())):
        for name, (cmd, runs) in cmds.items():
            if r < runs:
                t = time.perf_counter()
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                samples[name].append(time.perf_counter() - t)
    return {name: statistics.median(s) for name, s in samples.items()}


def row(what, value, unit="ms", note=""):
    rows.append((what, value, unit, note))


def goal(text, met, ratio):
    goals.append((text, met, ratio))


tmp = tempfile.mkdtemp(prefix="pillars-bench-")
big = os.path.join(tmp, "big.pillars")
empty = os.path.join(tmp, "empty.pillars")
subprocess.run([CLI, "demo", big, "--size", "big"], check=True)
subprocess.run([CLI, "new", empty], check=True)
md = os.path.join(tmp, "big.md")
subprocess.run([CLI, "export", big, "--format", "md", "-o", md], check=True)
row("big document: Markdown size", os.path.getsize(md) / 1e6, "MB")

# ---- export ----
# Like for like: DOCX and ODT are written to files, as pandoc -o does (our
# files are synced to disk before they replace the old one); the text
# formats go to standard output on /dev/null, as cmark's HTML does. What
# is compared runs in turn, round after round: our HTML with cmark (and
# nothing else in between, so neither always follows a heavy program),
# then our other formats, then pandoc.
medians = {}
html = [CLI, "export", big, "--format", "html"]
# The narrative goes through cmark-gfm with its extensions: the reference is
# its own program with them when installed (Debian: cmark-gfm), else cmark.
reference = (["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
              "--footnotes", md] if shutil.which("cmark-gfm")
             else ["cmark", md] if shutil.which("cmark") else None)
medians.update(interleaved({"html": (html, RUNS), "cmark": (reference, RUNS)} if reference
                           else {"html": (html, RUNS)}))
medians.update(interleaved({
    fmt: ([CLI, "export", big, "--format", fmt] +
          (["-o", os.path.join(tmp, "out." + fmt)] if fmt in ("docx", "odt") else []), RUNS)
    for fmt in ("docx", "odt", "md", "csv")}))
if shutil.which("pandoc"):
    medians.update(interleaved({
        "pandoc " + fmt: (["pandoc", "-f", "commonmark", "-t", fmt, "-s", md,
                           "-o", os.path.join(tmp, "pandoc." + fmt)], max(5, RUNS // 2))
        for fmt in ("docx", "odt", "html")}))

ours = {fmt: medians[fmt] for fmt in ("docx", "odt", "html", "md", "csv")}
for fmt in ("docx", "odt", "html", "md", "csv"):
    where = "to a file" if fmt in ("docx", "odt") else "to /dev/null"
    row(f"pillars-cli export {fmt} ({where})", ours[fmt] * 1000)
theirs = {}
for fmt in ("docx", "odt", "html"):
    if "pandoc " + fmt in medians:
        theirs[fmt] = medians["pandoc " + fmt]
        row(f"pandoc md → {fmt}", theirs[fmt] * 1000)
if "cmark" in medians:
    theirs["cmark"] = medians["cmark"]
    row(reference[0] + " md → html (to /dev/null)", theirs["cmark"] * 1000)

for fmt in ("docx", "odt"):
    if fmt in theirs:
        r = theirs[fmt] / ours[fmt]
        goal(f"{fmt.upper()} at least 50× faster than pandoc", r >= 50, f"{r:.0f}× faster")
if "cmark" in theirs:
    r = ours["html"] / theirs["cmark"]
    goal("HTML within 1.5× of bare cmark", r <= 1.5, f"{r:.2f}× cmark's time")

# ---- import ----
def bench_import():
    """Import of the big document's own DOCX export (the whole import: read,
    detect, write the new .pillars) against pandoc reading the same file to
    Markdown, in turn round after round."""
    docx = os.path.join(tmp, "import-source.docx")
    subprocess.run([CLI, "export", big, "--format", "docx", "-o", docx], check=True)
    target = os.path.join(tmp, "imported.pillars")
    ours_cmd = ["sh", "-c", 'rm -f "$1"; exec "$2" import "$1" "$3"', "sh", target, CLI, docx]
    cmds = {"import": (ours_cmd, RUNS)}
    if shutil.which("pandoc"):
        cmds["pandoc import"] = (["pandoc", "-f", "docx", "-t", "markdown", docx, "-o", os.devnull],
                                 max(5, RUNS // 2))
    m = interleaved(cmds)
    row("pillars-cli import of the big DOCX export", m["import"] * 1000)
    if "pandoc import" in m:
        row("pandoc -f docx -t markdown, same file", m["pandoc import"] * 1000)
        r = m["pandoc import"] / m["import"]
        goal("DOCX import at least 20× faster than pandoc", r >= 20, f"{r:.0f}× faster")


bench_import()

# ---- open, capture, search (in process) ----
out = subprocess.run([CORE, "open", empty, big], check=True, capture_output=True, text=True).stdout
opens = {}
for line in out.splitlines():
    _, path, ms = line.split()
    opens[path] = float(ms)
row("open + models, empty document", opens[empty])
row("open + models, big document", opens[big])
r = opens[big] / opens[empty]
goal("open big at most 1.5× empty", r <= 1.5, f"{r:.2f}×")

copy = os.path.join(tmp, "capture.pillars")
shutil.copy(big, copy)
out = subprocess.run([CORE, "capture", copy], check=True, capture_output=True, text=True).stdout
vals = dict((l.split()[0], l.split()[1:]) for l in out.splitlines())
med, p99 = map(float, vals["capture-ms"])
per = float(vals["capture-items-changed"][0])
row("capture one item (median)", med)
row("capture one item (99th percentile)", p99)
row("items-changed per capture", per, "")
goal("capture ≤ 2 ms median", med <= 2.0, f"{med:.2f} ms")
goal("one items-changed per capture", per == 1.0, f"{per:.2f}")

out = subprocess.run([CORE, "search", big], check=True, capture_output=True, text=True).stdout
s = float(out.split()[1])
row("FTS search (median)", s)
goal("search ≤ 5 ms median", s <= 5.0, f"{s:.2f} ms")

# ---- versions (issue #14): in one process, in turn ----
def versions_goals():
    copy = os.path.join(tmp, "versions.pillars")
    shutil.copy(big, copy)
    out = subprocess.run([CORE, "versions", copy], check=True, capture_output=True, text=True).stdout
    snap, diff, docx, red = map(float, out.split()[1:5])
    row("take a snapshot, big document", snap)
    row("compare with it after 100 scattered edits", diff)
    row("DOCX export (same process)", docx)
    row("redline DOCX against the snapshot", red)
    goal("snapshot ≤ 0.5× a DOCX export", snap <= 0.5 * docx, f"{snap / docx:.2f}×")
    goal("compare after 100 edits ≤ 1× a DOCX export", diff <= docx, f"{diff / docx:.2f}×")
    goal("redline DOCX ≤ 2× the plain DOCX", red <= 2 * docx, f"{red / docx:.2f}×")


versions_goals()

# ---- merge: ten laptops into the big master ----
def bench_merge():
    """10 copies of the big document, 500 captures and 50 edited actions
    each, merged into the big master in one call; then the same again."""
    import json
    folder = os.path.join(tmp, "merge")
    os.mkdir(folder)
    copies = subprocess.run([os.path.join(BUILD, "tests", "bench", "bench-merge"), big, folder, "10"],
                            check=True, capture_output=True, text=True).stdout.split()
    master = os.path.join(folder, "master.pillars")
    shutil.copy(big, master)
    t = time.perf_counter()
    subprocess.run([CLI, "merge", master] + copies, check=True, stdout=subprocess.DEVNULL)
    first = time.perf_counter() - t
    t = time.perf_counter()
    again = json.loads(subprocess.run([CLI, "merge", "--json", master] + copies, check=True,
                                      capture_output=True, text=True).stdout)
    second = time.perf_counter() - t
    changes = sum(c["added"] + c["updated"] + c["deleted"] + c["conflicts"] for c in again["counts"].values())
    budget = 2 * ours["docx"] * len(copies)
    row("merge 10 copies (500 captures + 50 edits each)", first * 1000)
    row("merge the same 10 copies again", second * 1000)
    goal("merge ≤ 2× one DOCX export per copy", first <= budget, f"{first / (ours['docx'] * len(copies)):.2f}× per copy")
    goal("second merge ≤ 0.2× that, zero changes", second <= 0.2 * budget and changes == 0,
         f"{second / budget:.2f}× the budget, {changes} changes")


bench_merge()

# ---- window: first frame and memory ----
def first_frame(path):
    env = dict(os.environ, PILLARS_REPORT_FIRST_FRAME="1", PILLARS_EXIT_AFTER_FIRST_FRAME="1",
               GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"),
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"), NO_AT_BRIDGE="1")
    frames, rss = [], []
    for _ in range(max(5, RUNS // 2)):
        p = subprocess.run(["/usr/bin/time", "-f", "maxrss-kb %M", APP, "--report-first-frame", path],
                           env=env, capture_output=True, text=True, timeout=120)
        for line in p.stderr.splitlines():
            if line.startswith("first-frame-ms:"):
                frames.append(float(line.split(":")[1]))
            if line.startswith("maxrss-kb"):
                rss.append(int(line.split()[1]))
    if not frames:
        raise RuntimeError("the window printed no first-frame-ms line:\n" + p.stderr[-2000:])
    return statistics.median(frames), statistics.median(rss)

if os.path.exists(APP) and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    fe, me = first_frame(empty)
    fb, mb = first_frame(big)
    row("window first frame, empty document", fe)
    row("window first frame, big document", fb)
    row("window peak RSS, empty document", me / 1024, "MB")
    row("window peak RSS, big document", mb / 1024, "MB")
    r = mb / me
    goal("window memory with big at most 2× empty", r <= 2.0, f"{r:.2f}×")
    # The same outside measure for both programs: from spawning the process
    # to a visible window of that process (polled with xdotool).
    def mapped_once(cmd, env):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = None
        while time.perf_counter() - t < 30:
            q = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(p.pid)],
                               capture_output=True, text=True)
            if q.stdout.strip():
                found = time.perf_counter() - t
                break
        p.kill()
        p.wait()
        if found is None:
            raise RuntimeError(f"no window from {cmd[0]}")
        return found * 1000

    # In turn, like the exports: one of each per round.
    def mapped_ms(a, b):
        samples_a, samples_b = [], []
        for _ in range(max(5, RUNS // 2)):
            samples_a.append(mapped_once(*a))
            samples_b.append(mapped_once(*b))
        return statistics.median(samples_a), statistics.median(samples_b)

    editor = shutil.which("gnome-text-editor")
    if editor and shutil.which("xdotool"):
        home = tempfile.mkdtemp(prefix="bench-home-")
        env = dict(os.environ, XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data",
                   XDG_STATE_HOME=home + "/state", XDG_CACHE_HOME=home + "/cache",
                   GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
                   GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))
        ours_env = dict(env, GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"))
        pm, em = mapped_ms(([APP, big], ours_env), ([editor, "--standalone", md], env))
        row("window mapped (outside), pillars, big document", pm)
        row("window mapped (outside), GNOME Text Editor, big .md", em)
        r = pm / em
        goal("start-up not slower than GNOME Text Editor", r <= 1.0, f"{r:.2f}× its time")
        shutil.rmtree(home, ignore_errors=True)
    else:
        row("GNOME Text Editor", float("nan"), "", "gnome-text-editor or xdotool not installed: start-up comparison not measured")
else:
    row("window", float("nan"), "", "not built or no display: first frame and memory not measured")

# ---- the Compare view (issue #14): its first frame on the big document ----
COMPARE = os.path.join(BUILD, "tests", "bench", "bench-compare")
if os.path.exists(COMPARE) and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    copy = os.path.join(tmp, "compare.pillars")
    shutil.copy(big, copy)
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"),
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"), NO_AT_BRIDGE="1")
    out = subprocess.run([COMPARE, copy], check=True, capture_output=True, text=True, env=env).stdout
    frame, ready, diff, bare = map(float, out.split()[1:5])
    row("Compare view first frame, big, 100 edits", frame)
    row("Compare view changes shown (thread)", ready)
    row("empty window first frame (reference)", bare)
    goal("Compare view first frame ≤ 200 ms", frame <= 200.0, f"{frame:.0f} ms ({frame / bare:.2f}× an empty window)")
else:
    row("Compare view", float("nan"), "", "not built or no display: not measured")
# ---- interactions in the window (bench-window) ----
# From an action's activation to the end of the next frame drawn, on a copy
# of the big document (the benchmark captures and answers in it). The first
# switch is once per process: the median of several processes.
WINDOW_BENCH = os.path.join(BUILD, "tests", "bench", "bench-window")
INTERACTIONS = [
    ("switch-first", "first switch to the heaviest pillar tab", 100),
    ("switch", "later switch to the heaviest pillar tab", 33),
    ("filter", "feedback filter change", 33),
    ("search", "feedback search keystroke", 33),
    ("disposition", "disposition change", 33),
    ("capture", "capture through the bar", 33),
    ("undo", "undo (Ctrl+Z)", 33),
]
if os.path.exists(WINDOW_BENCH) and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    samples = {name: [] for name, _, _ in INTERACTIONS}
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"), GSETTINGS_BACKEND="memory",
               NO_AT_BRIDGE="1", GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))
    for r in range(max(3, RUNS // 3)):
        copy = os.path.join(tmp, f"interact-{r}.pillars")
        shutil.copy(big, copy)
        p = subprocess.run([WINDOW_BENCH, copy], capture_output=True, text=True, env=env, timeout=900)
        for line in p.stdout.splitlines():
            if line.startswith("interaction "):
                name, value = line[len("interaction "):].split(":")
                samples[name.strip()].append(float(value))
    for name, what, bound in INTERACTIONS:
        if samples[name]:
            m = statistics.median(samples[name])
            row(f"window: {what}", m)
            kind = "" if name == "switch-first" else " median"
            goal(f"{what} ≤ {bound} ms{kind}", m <= bound, f"{m:.1f} ms")
        else:
            row(f"window: {what}", float("nan"), "", "bench-window printed nothing")
else:
    row("window interactions", float("nan"), "", "bench-window not built or no display: not measured")
# ---- import previews: first frame after the file is chosen ----
def import_preview():
    """The draft preview of the big document's own DOCX export and the
    comment-matrix preview of a 5,000-row CSV, each from the window's action
    to the preview's first frame (bench-import-preview)."""
    tool = os.path.join(BUILD, "tests", "bench", "bench-import-preview")
    if not (os.path.exists(tool) and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        row("import previews", float("nan"), "", "not built or no display: preview first frame not measured")
        return
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"),
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"), NO_AT_BRIDGE="1")
    docx = os.path.join(tmp, "preview.docx")
    subprocess.run([CLI, "export", big, "--format", "docx", "-o", docx], check=True)
    csv = os.path.join(tmp, "matrix.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("Name;Organisation;Section;Comment;Proposed change\n")
        for i in range(5000):
            f.write(f"Person {i % 300};Org {i % 40};{i % 12 + 1}.{i % 5 + 1};Comment number {i} on the draft;Reword\n")
    host = os.path.join(tmp, "preview-host.pillars")
    shutil.copy(big, host)
    for kind, args in (("draft", [docx]), ("comments", [csv, host])):
        samples = []
        complete = []
        for _ in range(max(5, RUNS // 2)):
            p = subprocess.run([tool, kind] + args, env=env, capture_output=True, text=True, timeout=120)
            for line in p.stdout.splitlines():
                if line.startswith("preview-first-frame-ms:"):
                    samples.append(float(line.split(":")[1]))
                elif line.startswith("preview-complete-ms:"):
                    complete.append(float(line.split(":")[1]))
        if not samples:
            row(f"import preview ({kind})", float("nan"), "", "no frame: " + p.stderr[-300:].replace("\n", " "))
            continue
        m = statistics.median(samples)
        row(f"import preview first frame ({kind})", m)
        goal(f"{kind} import preview first frame ≤ 300 ms", m <= 300, f"{m:.0f} ms")
        # The draft dialog's first frame says "Reading…": the outline comes
        # when the file is read, and that full time is reported too.
        if kind == "draft" and complete:
            row(f"import preview complete ({kind})", statistics.median(complete))

import_preview()

# ---- review round trip (issue #17) ----
def bench_review():
    """Import of a returned review copy of the big document with 1,000 Word
    comments and 500 tracked replacements (made from our --for-review
    export, as Word writes them) against exporting that review copy."""
    import re
    import zipfile
    review = os.path.join(tmp, "review.docx")
    returned = os.path.join(tmp, "returned.docx")
    export_cmd = [CLI, "export", big, "--format", "docx", "--for-review", "-o", review]
    subprocess.run(export_cmd, check=True)
    with zipfile.ZipFile(review) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode()
    n = [0]
    comments = []

    def mark(m):
        i, text = n[0], m.group(1)
        n[0] += 1
        if i < 1000:
            comments.append(f'<w:comment w:id="{i}" w:author="Reviewer {i % 25}" w:date="2026-12-01T10:00:00Z">'
                            f'<w:p><w:r><w:t>Comment {i}: please clarify.</w:t></w:r></w:p></w:comment>')
            return (f'<w:commentRangeStart w:id="{i}"/>{m.group(0)}<w:commentRangeEnd w:id="{i}"/>'
                    f'<w:r><w:commentReference w:id="{i}"/></w:r>')
        if i < 1500:
            who = f'w:author="Ministry {i % 12}" w:date="2026-12-02T10:00:00Z"'
            return (f'<w:del w:id="{9000 + i}" {who}><w:r><w:delText>{text}</w:delText></w:r></w:del>'
                    f'<w:ins w:id="{19000 + i}" {who}><w:r><w:t>{text} (revised)</w:t></w:r></w:ins>')
        return m.group(0)

    body = doc.index("<w:body>")
    doc = doc[:body] + re.sub(r"<w:r><w:t>([^<]{24,})</w:t></w:r>", mark, doc[body:])
    parts["word/document.xml"] = doc.encode()
    parts["word/comments.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                  + "".join(comments) + "</w:comments>").encode()
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    target = os.path.join(tmp, "review-target.pillars")
    import_cmd = ["sh", "-c", 'cp "$1" "$2" && exec "$3" import-review "$2" "$4"', "sh", big, target, CLI, returned]
    copy_cmd = ["sh", "-c", 'cp "$1" "$2"', "sh", big, target]
    m = interleaved({"export": (export_cmd, RUNS), "import": (import_cmd, RUNS), "copy": (copy_cmd, RUNS)})
    ms = (m["import"] - m["copy"]) * 1000
    row("export --for-review of the big document", m["export"] * 1000)
    row("import-review: 1,000 comments, 500 changes", ms, "ms", f"{min(n[0], 1500)} items")
    r = (m["import"] - m["copy"]) / m["export"]
    goal("review import ≤ 2× the review export", r <= 2, f"{r:.2f}× the export's time")


bench_review()

# ---- report ----
print()
print(f"Pillars benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {os.uname().nodename}, {os.cpu_count()} cores — medians of {RUNS} runs")
print()
print(f"| {'measurement':<42} | {'value':>10} | unit |")
print(f"| {'-' * 42} | {'-' * 10} | ---- |")
for what, value, unit, note in rows:
    v = "—" if value != value else f"{value:10.2f}"
    print(f"| {what:<42} | {v:>10} | {unit:<4} |" + (f" {note}" if note else ""))
print()
for text, met, ratio in goals:
    print(f"{'met    ' if met else 'NOT met'}  {text}: {ratio}")
shutil.rmtree(tmp)
