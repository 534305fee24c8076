#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each menu's mnemonics are distinct, in English and in every translation:
in a GTK popover menu a letter pressed picks the first item underlined
with it, so two items sharing one letter make the second unreachable by
that key (the objective menu's "Move _Down" took "_Delete Objective"'s D).

Usage: check-mnemonics.py SRCDIR BUILDDIR"""
import gettext
import os
import sys
import xml.etree.ElementTree as ET


def mnemonic(label):
    i = 0
    while i < len(label) - 1:
        if label[i] == "_":
            if label[i + 1] == "_":
                i += 2
                continue
            return label[i + 1].lower()
        i += 1
    return None


def menus(path):
    """(menu id, [labels]) for each <menu> and <submenu> of a builder file;
    the items of its sections count as its own."""
    root = ET.parse(path).getroot()
    out = []

    def items(menu):
        labels = []
        for child in menu:
            if child.tag == "section":
                labels += items(child)
            elif child.tag == "item":
                for a in child.findall("attribute"):
                    if a.get("name") == "label" and a.get("translatable") == "yes":
                        labels.append((a.text or "", a.get("context")))
        return labels

    for menu in root.iter():
        if menu.tag in ("menu", "submenu"):
            out.append((menu.get("id") or "submenu", items(menu)))
    return out


def main(src, build):
    langs = [l.strip() for l in open(os.path.join(src, "po", "LINGUAS")) if l.strip() and not l.startswith("#")]
    catalogues = {"en": gettext.NullTranslations()}
    for lang in langs:
        mo = os.path.join(build, "po", lang, "LC_MESSAGES", "pillars.mo")
        with open(mo, "rb") as f:
            catalogues[lang] = gettext.GNUTranslations(f)
    problems = 0
    ui = os.path.join(src, "ui")
    for name in sorted(os.listdir(ui)):
        if not name.endswith(".ui"):
            continue
        for menu_id, labels in menus(os.path.join(ui, name)):
            for lang, cat in catalogues.items():
                seen = {}
                for label, ctx in labels:
                    text = cat.pgettext(ctx, label) if ctx else cat.gettext(label)
                    m = mnemonic(text)
                    if m is None:
                        continue
                    if m in seen:
                        print("%s, menu %s [%s]: “%s” and “%s” share the mnemonic %s"
                              % (name, menu_id, lang, seen[m], text, m.upper()))
                        problems += 1
                    else:
                        seen[m] = text
    if problems:
        print("%d shared mnemonic(s)" % problems)
        return 1
    print("menu mnemonics distinct in %s" % ", ".join(catalogues))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
