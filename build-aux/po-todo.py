#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translate po/*.po in batches without losing work.

  po-todo.py list [COUNT]        the first COUNT entries still untranslated or
                                 fuzzy in any of fr, es, pt, numbered, one per
                                 line ("@N [ctx] msgid ‖ plural"); the numbering
                                 is saved in po/.todo.json for `fill`
  po-todo.py fill FILE           fills the three .po files from FILE, blocks of
                                     @N
                                     fr: …
                                     es: …
                                     pt: …
                                 where plural forms are separated by " ‖ " and
                                 "\\n" stands for a newline; a block may
                                 start "msgid: TEXT" (and "ctx: C") instead
                                 of "@N", naming the message itself
  po-todo.py stats               untranslated and fuzzy counts per language

Needs python3-polib (Debian).  Only a tool for translators: nothing in the
build or the tests runs it."""
import json
import os
import sys

import polib

PO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "po")
LANGS = ("fr", "es", "pt")
SEP = " ‖ "


def load(lang):
    return polib.pofile(os.path.join(PO, lang + ".po"), wrapwidth=0)


def todo(entry):
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def esc(s):
    return s.replace("\n", "\\n").replace("\t", "\\t")


def cmd_list(count):
    files = {lang: load(lang) for lang in LANGS}
    keys = []
    for entry in files["fr"]:
        k = (entry.msgctxt, entry.msgid)
        if any(todo(f.find(entry.msgid, msgctxt=entry.msgctxt) or entry) for f in files.values()):
            keys.append(k)
    saved = {}
    for n, (ctx, msgid) in enumerate(keys[:count]):
        entry = files["fr"].find(msgid, msgctxt=ctx)
        saved[str(n)] = [ctx, msgid]
        line = "@%d " % n
        if ctx:
            line += "[%s] " % ctx
        line += esc(msgid)
        if entry.msgid_plural:
            line += SEP + esc(entry.msgid_plural)
        if entry.comment:
            line += "   # " + esc(entry.comment)
        print(line)
    with open(os.path.join(PO, ".todo.json"), "w") as f:
        json.dump(saved, f)
    print("(%d of %d left)" % (min(count, len(keys)), len(keys)), file=sys.stderr)


def parse(path):
    blocks, cur = {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("@"):
            cur = line[1:].split()[0]
            blocks[cur] = {}
        elif line.startswith("msgid: "):
            # A block named by its message rather than by a number from
            # `list`: branches translating in parallel cannot share numbers.
            cur = "msgid:" + line[7:]
            blocks[cur] = {"msgid": line[7:].replace("\\n", "\n").replace("\\t", "\t")}
        elif cur is not None and line.startswith("ctx: "):
            blocks[cur]["ctx"] = line[5:]
        elif cur is not None and line[:4] in ("fr: ", "es: ", "pt: "):
            blocks[cur][line[:2]] = line[4:].replace("\\n", "\n").replace("\\t", "\t")
    return blocks


def cmd_fill(path):
    saved = {}
    if os.path.exists(os.path.join(PO, ".todo.json")):
        with open(os.path.join(PO, ".todo.json")) as f:
            saved = json.load(f)
    blocks = parse(path)
    for lang in LANGS:
        po = load(lang)
        done = 0
        for n, tr in blocks.items():
            if lang not in tr:
                continue
            if "msgid" in tr:
                ctx, msgid = tr.get("ctx"), tr["msgid"]
            elif n in saved:
                ctx, msgid = saved[n]
            else:
                continue
            entry = po.find(msgid, msgctxt=ctx)
            if entry is None:
                print("%s: no entry @%s %r" % (lang, n, msgid), file=sys.stderr)
                continue
            if entry.msgid_plural:
                forms = tr[lang].split(SEP)
                if len(forms) != 2:
                    print("%s: @%s needs two plural forms" % (lang, n), file=sys.stderr)
                    continue
                entry.msgstr_plural = {0: forms[0], 1: forms[1]}
            else:
                entry.msgstr = tr[lang]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            done += 1
        po.save()
        print("%s: %d filled" % (lang, done), file=sys.stderr)


def cmd_stats():
    for lang in LANGS:
        po = load(lang)
        left = [e for e in po if todo(e)]
        print(lang, len(left), "left of", len([e for e in po if not e.obsolete]))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "list":
        cmd_list(int(sys.argv[2]) if len(sys.argv) > 2 else 150)
    elif len(sys.argv) == 3 and sys.argv[1] == "fill":
        cmd_fill(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "stats":
        cmd_stats()
    else:
        sys.exit(__doc__)
