"""Near-duplicate stories and repeated events: a known corpus gives exactly the known counts."""
import pytest

from newsevents.dedup import StoryIndex, assign_stories, dedup_events, event_key, merge_event_mentions, shingles

# -- a small corpus written for this test: one wire story, a syndicated copy, a light edit,
#    an independent report of the same signing, and an unrelated article

WIRE = (
    "Kenya and Tanzania signed a border trade agreement in Arusha on Tuesday, ending two years of disputes "
    "over customs fees at the Namanga crossing. The presidents of both countries met for three hours before "
    "the signing ceremony. Under the deal, trucks carrying farm produce will pass the border without paying "
    "double inspection fees, and a joint committee will meet every quarter to settle complaints from traders. "
    "Business groups in Nairobi welcomed the agreement but said the new rules must be applied quickly. "
    "Officials from Tanzania said the committee would hold its first session in June in Dar es Salaam."
)
SYNDICATED = "ARUSHA (Coast Wire) - " + WIRE + " Copyright 2023 Coast Wire. All rights reserved."
LIGHT_EDIT = WIRE.replace("for three hours", "for nearly four hours").replace(
    "Business groups in Nairobi welcomed", "Chambers of commerce in Nairobi and Mombasa welcomed")
INDEPENDENT = (
    "After a long quarrel about customs charges, the governments in Nairobi and Dodoma have put their names to "
    "a pact on cross-border commerce. Lorry drivers queueing at Namanga told our correspondent they hoped the "
    "waiting times of up to a week would now shrink. Critics in the Kenyan parliament warned that the text "
    "leaves the question of fishing rights on Lake Victoria open."
)
UNRELATED = (
    "The national football team of Ghana qualified for the continental championship after a two to one win "
    "in Kumasi. The coach praised the young goalkeeper, who saved a penalty in the final minutes of the match."
)

CORPUS = [("wire", WIRE), ("syndicated", SYNDICATED), ("edit", LIGHT_EDIT), ("independent", INDEPENDENT),
          ("football", UNRELATED)]


def test_syndicated_copies_and_light_edits_are_one_story():
    assert assign_stories(CORPUS) == {
        "wire": "wire", "syndicated": "wire", "edit": "wire", "independent": "independent", "football": "football",
    }


def test_the_first_document_seen_names_the_story():
    order = [CORPUS[2], CORPUS[0], CORPUS[1]]
    assert set(assign_stories(order).values()) == {"edit"}


def test_story_index_is_incremental_and_idempotent():
    index = StoryIndex()
    assert index.add("wire", WIRE) == "wire"
    assert index.add("football", UNRELATED) == "football"
    assert index.add("syndicated", SYNDICATED) == "wire"
    assert index.add("syndicated", SYNDICATED) == "wire"


def test_shingles_ignore_case_and_punctuation():
    assert shingles("The  Cat, sat on the MAT!") == shingles("the cat sat on the mat")
    assert shingles("two words") == {"two words"}
    assert shingles("") == set()


# -- events: plain dicts as the coder writes them


def event(doc_id, sentence_index, type_, actor, recipient, *, date=None, doc_date="2023-04-11", aux=None, start=0):
    return {
        "event_id": f"{doc_id}-{sentence_index}-{start}", "doc_id": doc_id, "doc_date": doc_date,
        "sentence_index": sentence_index, "type": type_, "aux": aux, "mentions": 1,
        "actor": [{"text": c, "code": c} for c in actor], "recipient": [{"text": c, "code": c} for c in recipient],
        "date": {"start": date[0], "end": date[1], "text": None} if date else {"start": None, "end": None},
        "trigger": {"text": "signed", "start": start, "end": start + 6},
    }


TUESDAY = ("2023-04-11", "2023-04-11")
JUNE = ("2023-06-01", "2023-06-30")
STORIES = {"wire": "wire", "syndicated": "wire", "edit": "wire", "independent": "independent", "football": "football"}


def corpus_events():
    signing = lambda doc, i, actor, recipient, **kw: event(doc, i, "AGREE", actor, recipient, date=TUESDAY, **kw)
    return [
        # the signing: three copies of the wire story and an independent report a day later
        signing("wire", 0, ["KEN", "TZA"], [], start=19),
        signing("syndicated", 0, ["KEN", "TZA"], [], start=41),
        signing("edit", 0, ["KEN", "TZA"], [], start=19),
        signing("independent", 0, ["TZA"], ["KEN"], doc_date="2023-04-12", start=70),  # order-free: AGREE is reciprocal
        # the meeting of the presidents, told twice in the wire story itself (sentences 1 and 4)
        event("wire", 1, "CONSULT", ["KEN"], ["TZA"], date=TUESDAY, start=200),
        event("wire", 4, "CONSULT", ["TZA"], ["KEN"], date=TUESDAY, start=520),
        # the committee's first session: future, in June — a different event from Tuesday's meeting
        event("wire", 5, "CONSULT", ["TZA", "KEN"], [], date=JUNE, aux="future", start=600),
        event("syndicated", 5, "CONSULT", ["TZA", "KEN"], [], date=JUNE, aux="future", start=622),
        # directed events do not merge with their mirror image
        event("independent", 2, "ACCUSE", ["KEN"], ["TZA"], start=300),
        event("independent", 3, "ACCUSE", ["TZA"], ["KEN"], start=380),
        # the same dyad and type, months later in another story: a new event
        event("football", 0, "AGREE", ["KEN", "TZA"], [], date=("2023-09-05", "2023-09-05"), doc_date="2023-09-05"),
    ]


def by_id(merged):
    return {e["event_id"]: e for e in merged}


def test_event_mentions_and_sources():
    merged = by_id(dedup_events(corpus_events(), STORIES))
    assert {k: (v["mentions"], v["sources"]) for k, v in merged.items()} == {
        "wire-0-19": (4, 4),          # signing: wire, syndicated, edit, independent
        "wire-1-200": (2, 1),         # the meeting, twice in one document
        "wire-5-600": (2, 2),         # the future session, in the wire story and its copy
        "independent-2-300": (1, 1),  # KEN accuses TZA
        "independent-3-380": (1, 1),  # TZA accuses KEN
        "football-0-0": (1, 1),       # September
    }
    assert merged["wire-0-19"]["story_ids"] == ["independent", "wire"]


def test_every_mention_keeps_its_provenance():
    signing = by_id(dedup_events(corpus_events(), STORIES))["wire-0-19"]
    assert signing["provenance"] == [
        {"doc_id": "wire", "sentence_index": 0, "trigger": {"text": "signed", "start": 19, "end": 25}},
        {"doc_id": "syndicated", "sentence_index": 0, "trigger": {"text": "signed", "start": 41, "end": 47}},
        {"doc_id": "edit", "sentence_index": 0, "trigger": {"text": "signed", "start": 19, "end": 25}},
        {"doc_id": "independent", "sentence_index": 0, "trigger": {"text": "signed", "start": 70, "end": 76}},
    ]


def test_independent_reports_merge_only_within_the_date_window():
    events = corpus_events()
    late = event("independent", 0, "AGREE", ["TZA"], ["KEN"], date=TUESDAY, doc_date="2023-04-20")
    merged = dedup_events([e for e in events if e["doc_id"] != "independent"] + [late], STORIES)
    assert by_id(merged)["wire-0-19"]["mentions"] == 3
    assert by_id(merged)["independent-0-0"]["mentions"] == 1
    # the same late report, but a copy of the wire story: the story links it however late
    assert by_id(dedup_events(events[:3] + [late], {**STORIES, "independent": "wire"}))["wire-0-19"]["mentions"] == 4


def test_aux_and_dates_keep_events_apart():
    real = event("wire", 0, "SANCTION", ["USA"], ["RUS"], date=TUESDAY)
    denied = event("wire", 1, "SANCTION", ["USA"], ["RUS"], date=TUESDAY, aux="negated")
    later = event("wire", 2, "SANCTION", ["USA"], ["RUS"], date=JUNE)
    assert len(dedup_events([real, denied, later])) == 3


def test_events_without_a_date_use_their_document_date():
    a = event("x", 0, "ASSAULT", ["RUS"], ["UKR"], doc_date="2022-02-24")
    b = event("y", 0, "ASSAULT", ["RUS"], ["UKR"], doc_date="2022-02-24")
    c = event("z", 0, "ASSAULT", ["RUS"], ["UKR"], doc_date="2022-05-01")
    assert [e["mentions"] for e in dedup_events([a, b, c])] == [2, 1]


def test_merging_is_idempotent_and_counts_add_up():
    once = dedup_events(corpus_events(), STORIES)
    twice = dedup_events(once, STORIES)
    assert [(e["event_id"], e["mentions"], e["sources"]) for e in twice] == [
        (e["event_id"], e["mentions"], e["sources"]) for e in once]
    assert sum(e["mentions"] for e in once) == len(corpus_events())


def test_merge_within_one_document():
    events = [e for e in corpus_events() if e["doc_id"] == "wire"]
    merged = merge_event_mentions(events)
    assert [(e["type"], e["mentions"]) for e in merged] == [("AGREE", 1), ("CONSULT", 2), ("CONSULT", 1)]


@pytest.mark.parametrize("type_, same", [("CONSULT", True), ("ACCUSE", False)])
def test_symmetric_types_ignore_direction(type_, same):
    forward = event_key(event("d", 0, type_, ["FRA"], ["DEU"]))
    backward = event_key(event("d", 0, type_, ["DEU"], ["FRA"]))
    assert (forward == backward) is same


def test_the_coders_in_document_links_are_counted_once():
    """The coder marks a repeated mention with ``same_as`` and gives its first mention ``mentions``."""
    head = event("wire", 1, "CONSULT", ["KEN"], ["TZA"], date=TUESDAY, start=200) | {"mentions": 2}
    later = event("wire", 4, "CONSULT", ["TZA"], ["KEN"], date=TUESDAY, start=520) | {"same_as": head["event_id"]}
    copy = event("syndicated", 1, "CONSULT", ["KEN"], ["TZA"], date=TUESDAY, start=222)
    [merged] = dedup_events([head, later, copy], STORIES)
    assert (merged["mentions"], merged["sources"]) == (3, 2)
    assert "same_as" not in merged
