#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A drafting lead on the example strategy: filters the feedback to the
questions, finds the item whose quoted passage was edited away ("Passage
gone"), opens it, answers it with a disposition and a response, and sees
the answer in the file (pillars-cli feedback show)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def build(j):
    doc = j.doc
    said = "Who certifies the trainers of the trainers?"
    state = {}

    def until(cond, what):
        return harness.wait_for(cond, what)

    kinds = ("Comment", "Question", "Recommendation", "Objection", "Support", "Amendment")

    def list_items():
        # Each feedback row announces its kind first.
        return [a for a in j.find_all(j.app, "list item") if (a.name or "").startswith(kinds)]

    def setup():
        j.cli("demo", doc)
        body = j.cli("export", doc, "--format", "md", "--no-title-page", "--no-front-matter", "--no-plan")
        # A question quoting a sentence the drafters then rewrote.
        j.cli("pillar", "set", doc, "1", "--body", "We will train people already in post.")
        out = j.cli("feedback", "add", doc, said, "--kind", "question", "--pillar", "1",
                    "--stakeholder", "Grace Mwale", "--organisation", "Ministry of ICT",
                    "--sector", "government", "--quote", "already in post")
        state["id"] = out.strip().split()[-1]
        j.cli("pillar", "set", doc, "1", "--body", "We will train new recruits every year.")
        if "orphaned" not in j.cli("feedback", "show", doc, state["id"]).lower() and \
           said not in j.cli("feedback", "list", doc, "--orphaned"):
            raise harness.JourneyError("the item is not orphaned: " + j.cli("feedback", "show", doc, state["id"]))
        return body

    def open_pane():
        j.start(doc)
        j.window("2026–2030")
        if not list_items():
            j.key("F9")
        until(lambda: len(list_items()) > 0, "the feedback list")

    def filter_questions():
        # The kind filter: All kinds, Comment, Question, … picked with the keys.
        j.click(j.find("combo box", "Kind", exact=True))
        j.key("Down", "Down", "Return")
        until(lambda: list_items() and all(i.name.startswith("Question") for i in list_items()),
              "only questions in the list")

    def find_orphaned():
        j.click(j.find("push button", "Filters"))
        j.click(j.find("check box", "Passage gone"))
        until(lambda: len(list_items()) == 1 and said[:20] in list_items()[0].name,
              "the one orphaned question")
        j.key("Escape")

    def answer():
        j.click(list_items()[0])
        j.find(None, "Passage no longer in the text")
        response = j.find("text", "Response")
        j.click(response)
        j.type("The national CSIRT certifies them (2.1).")

        def detail_disposition():
            # The detail's Disposition, below its response; the filter bar
            # has one of the same name above the list.
            combos = j.find_all(j.app, "combo box", "Disposition", exact=True, showing=False)
            return max(combos, key=lambda c: j.center(c)[1])
        # The wheel over the detail (not over the response box, which scrolls itself).
        j.click(j.reveal(detail_disposition, j.find(None, "Response of the drafting team")))
        j.key("Down", "Return")  # Open → Accepted
        until(lambda: "accepted" in j.cli("feedback", "show", doc, state["id"]).lower()
              and "certifies them" in j.cli("feedback", "show", doc, state["id"]),
              "the disposition and response in the file")

    return [
        ("the example strategy with an orphaned question (pillars-cli)", setup),
        ("the feedback pane", open_pane),
        ("only the questions", filter_questions),
        ("the question whose passage is gone", find_orphaned),
        ("answered: accepted, with a response", answer),
    ]


if __name__ == "__main__":
    sys.exit(harness.main(build, "lead"))
