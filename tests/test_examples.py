"""The README's bundled example articles (written for the project) come out exactly right."""
from collections import Counter

from newsevents.cli.code import EXAMPLES_DIR
from newsevents.documents import Document
from newsevents.pipeline import code_documents
from newsevents.readers import iter_documents

EXPECTED = [
    # doc, type, aux, actor, recipient, date start, date end, place country
    ("en-example.txt", "CONSULT", "future", ["JPN", "KOR"], [], "2023-06-19", "2023-06-25", "JPN"),
    ("en-example.txt", "ACCUSE", None, ["USA", "EU"], ["PRK"], "2023-06-14", "2023-06-14", None),
    ("en-example.txt", "REJECT", None, ["PRK"], [], "2023-06-15", "2023-06-15", None),
    ("en-example.txt", "ASSAULT", "hypothetical", ["RUS"], ["MDA"], "2023-06-15", "2023-06-15", None),
    ("en-example.txt", "PROTEST", None, ["FRA"], ["FRA"], "2023-06-13", "2023-06-13", "FRA"),
    ("nl-voorbeeld.txt", "SANCTION", None, ["EU"], ["IRN"], "2023-03-09", "2023-03-09", None),
    ("nl-voorbeeld.txt", "SUPPORT", None, ["FRA"], ["UKR"], "2023-03-10", "2023-03-10", None),
    ("nl-voorbeeld.txt", "CONSULT", "future", ["DEU", "TUR"], [], "2023-03-13", "2023-03-19", "TUR"),
    ("nl-voorbeeld.txt", "ASSAULT", "negated", ["RUS"], ["UKR"], "2023-03-10", "2023-03-10", None),
    ("nl-voorbeeld.txt", "COERCE", "historical", ["RUS"], ["UKR"], "2014-01-01", "2014-12-31", None),
]


def coded_examples():
    docs = [d for d in iter_documents([EXAMPLES_DIR]) if isinstance(d, Document)]
    assert {d.id for d in docs} == {"en-example.txt", "nl-voorbeeld.txt"}
    return [e for r in code_documents(docs) for e in r.events]


def test_examples_are_coded_exactly():
    events = coded_examples()
    got = [(e["doc_id"], e["type"], e["aux"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]],
            e["date"]["start"], e["date"]["end"], (e["where"] or {}).get("country")) for e in events]
    assert Counter(map(repr, got)) == Counter(map(repr, EXPECTED))


def test_every_event_points_at_its_sentence_and_trigger():
    docs = {d.id: d for d in iter_documents([EXAMPLES_DIR])}
    for event in coded_examples():
        text = docs[event["doc_id"]].full_text
        assert text[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        for part in event["actor"] + event["recipient"]:
            if part.get("start") is not None:
                assert text[part["start"]:part["end"]] == part["text"]
        assert -10 <= event["score"] <= 10 and event["quad"]
