# SPDX-License-Identifier: GPL-3.0-or-later
"""The facilitator's capture journey, shared by its English, French and
1024×600 runs: live on a workshop, five items captured with the keyboard
alone, each started from the strategy's text (not from the pane): one from
a new stakeholder whose organisation is typed and sector picked with one
key, one quoting a passage selected in the narrative, one aimed at an
objective. Controls are found by the names the app shows in the journey's
language, read from the catalogues built in the build tree; the file is
checked with pillars-cli after each capture."""
import gettext
import os

import harness

NARRATIVE = ("Ministries rely on a handful of administrators. "
             "We will train public servants in cyber hygiene every year.")
QUOTE = "cyber hygiene"
OBJECTIVE = "Train 200 public servants by 2028"
WORKSHOP = "National validation workshop"


def build(j):
    lang = j.lang or "en"
    if lang == "en":
        _ = gettext.NullTranslations().gettext
    else:
        _ = gettext.translation("pillars", os.path.join(j.build, "po"), languages=[lang]).gettext
    doc = j.doc
    narrative_name = _("Narrative of %s").split("%s")[0].strip()

    def until(cond, what):
        return harness.wait_for(cond, what)

    def items():
        rows = j.cli("feedback", "list", doc).splitlines()
        return {int(r.split("\t")[0]): r.split("\t") for r in rows if r.strip()}

    def live_items():
        return len([r for r in j.cli("feedback", "list", doc, "--workshop", WORKSHOP).splitlines() if r.strip()])

    def show(number):
        return j.cli("feedback", "show", doc, str(number))

    def narrative():
        return j.find("text", narrative_name)

    def capture(who, said, kind_key, organisation=None, sector_key=None):
        before = items()
        j.key("alt+s")
        j.key("ctrl+a")
        j.type(who)
        if organisation is not None:
            # A new name asks for its organisation and sector.
            j.key("Tab")
            j.type(organisation)
            j.key(sector_key)
        j.key("alt+t")
        j.type(said)
        j.key(kind_key)
        j.key("Return")
        new = until(lambda: [n for n in items() if n not in before], "the item in the file")
        row = items()[new[0]]
        if said not in row:
            raise harness.JourneyError("captured %r, the file has %r" % (said, row))
        # Alt+T: back to where the facilitator was.
        j.key("alt+t")
        return new[0]

    def setup():
        j.cli("new", doc)
        j.cli("pillar", "set", doc, "1", "--body", NARRATIVE)
        j.cli("objective", "add", doc, "1", OBJECTIVE)
        j.cli("workshop", "add", doc, WORKSHOP, "--location", "Port Halden", "--start", "2026-09-14")
        j.cli("stakeholder", "add", doc, "Grace Mwale", "--organisation", "Ministry of ICT",
              "--sector", "government")

    def start_in_editor():
        j.start(doc)
        j.key("alt+2")
        j.click(narrative())

    def go_live():
        combo = j.find("combo box", _("Workshop mode: every capture is stamped with the workshop chosen here"))
        j.click(combo)
        j.find(None, WORKSHOP)
        j.key("Down")
        j.key("Return")
        j.click(narrative())

    def existing_stakeholder():
        n = capture("Grace Mwale", "Add a target for women trained.", "ctrl+3")
        text = show(n)
        if "recommendation" not in text or "Grace Mwale (Ministry of ICT)" not in text or WORKSHOP not in text:
            raise harness.JourneyError(text)

    def new_stakeholder():
        n = capture("Kofi Boateng", "Universities can host the courses.", "ctrl+1",
                    organisation="University of Ghana", sector_key="alt+3")
        people = j.cli("stakeholder", "list", doc)
        line = [l for l in people.splitlines() if "Kofi Boateng" in l]
        if not line or "University of Ghana" not in line[0] or "academia" not in line[0]:
            raise harness.JourneyError("the new stakeholder: %r" % people)
        if "Kofi Boateng (University of Ghana)" not in show(n):
            raise harness.JourneyError(show(n))

    def quote():
        # The passage selected with the keyboard in the narrative.
        j.click(narrative())
        j.key("ctrl+Home")
        for _i in range(NARRATIVE.index(QUOTE)):
            j.key("Right")
        for _i in range(len(QUOTE)):
            j.key("shift+Right")
        n = capture("Grace Mwale", "Hygiene alone is not enough; add incident drills.", "ctrl+4")
        text = show(n)
        if QUOTE not in text or "objection" not in text:
            raise harness.JourneyError(text)

    def objective_target():
        # On a small screen the objective is below the fold: scroll to it.
        j.click(j.reveal(lambda: j.find(None, OBJECTIVE), narrative()))
        n = capture("Kofi Boateng", "We support this objective.", "ctrl+5")
        text = show(n)
        if "objective" not in text or OBJECTIVE[:20] not in text or "support" not in text:
            raise harness.JourneyError(text)

    def fifth():
        capture("Grace Mwale", "Who pays for the trainers?", "ctrl+2")

    def checked():
        if live_items() != 5:
            raise harness.JourneyError("%d of 5 items stamped with the workshop" % live_items())
        md = j.cli("export", doc, "--format", "md", "--no-title-page", "--no-front-matter", "--no-plan")
        if NARRATIVE not in md:
            raise harness.JourneyError("the narrative changed while capturing:\n" + md[:1500])

    return [
        ("a strategy with a workshop and a stakeholder (pillars-cli)", setup),
        ("the facilitator in the narrative of pillar 1", start_in_editor),
        ("live on the workshop", go_live),
        ("capture from a known stakeholder", existing_stakeholder),
        ("capture from a new stakeholder, sector with one key", new_stakeholder),
        ("capture quoting a passage selected in the text", quote),
        ("capture aimed at an objective", objective_target),
        ("a fifth capture", fifth),
        ("five items stamped with the workshop; the text untouched", checked),
    ]
