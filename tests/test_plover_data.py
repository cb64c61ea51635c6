"""``newsevents/data/plover.yaml`` against the PLOVER manual: types, quads, modes and scores.

The manual itself (../shared/spec/PLOVER_MANUAL.tex) is parsed at run time, so a transcription
error in the YAML fails here; tests that need it skip when ../shared is absent.
"""
from __future__ import annotations

import re

import pytest

from newsevents.lang.events_schema import load_plover

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
# deviations from the printed scores table, documented in plover.yaml
PRINTED_EXCEPTIONS = {("ACCUSE", None): 3.0}
NOT_PRINTED = {("PROTEST", "vandalize")}


@pytest.fixture(scope="module")
def manual() -> str:
    from tests.conftest import need_shared

    return need_shared("spec", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """Event-category chapter, split into one text per type section."""
    chapter = text.split(r"\chapter{Event Categories}", 1)[1].split(r"\chapter{Contexts}", 1)[0]
    parts = re.split(r"\\section\{([A-Z]+)\}", chapter)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def manual_modes(section: str) -> set[str]:
    modes = set()
    for table in re.findall(r"\\begin\{tabular\}(.*?)\\end\{tabular\}", section, flags=re.S):
        for line in table.splitlines():
            match = re.match(r"\s*([a-z][a-z\-]*)\s*&", line)  # '%' (commented-out) rows never match
            if match:
                modes.add(match.group(1))
    return modes


def manual_scores(text: str) -> dict[tuple, float]:
    # the last caption: an older, commented-out version of the table comes first
    table = text.rsplit(r"\caption{PLOVER conflict--cooperation scores}", 1)[1].split(r"\end{tabular}", 1)[0]
    table = re.sub(r"\\cellcolor\{[^}]*\}", "", table)
    scores = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.replace(r"\\", "").split("&")]
        for name, value in zip(cells[0::2], cells[1::2]):
            if re.fullmatch(r"-?\d+(\.\d+)?", value) and re.match(r"[A-Z]+", name):
                kind, _, mode = name.partition(":")
                scores[(kind.strip(), mode.strip().lower() or None)] = float(value)
    return scores


def test_sixteen_types_with_quads():
    table = load_plover()
    assert list(table) == TYPES
    assert {info["quad"] for info in table.values()} == QUADS


def test_scores_in_range():
    for name, info in load_plover().items():
        assert -10 <= info["score"] <= 10, name
        for mode, spec in info["modes"].items():
            assert -10 <= spec["score"] <= 10, (name, mode)


def test_conflict_negative_cooperation_positive():
    for name, info in load_plover().items():
        scores = [info["score"]] + [m["score"] for m in info["modes"].values()]
        if info["quad"].endswith("cooperation"):
            assert all(s > 0 for s in scores), name
        elif name == "REQUEST":
            # the manual scores requests as neutral: 0, assist +0.5, change/yield -1
            assert info["score"] == 0 and max(scores) <= 0.5
        else:
            assert all(s < 0 for s in scores), name


def test_material_conflict_is_harsher_than_verbal_conflict():
    table = load_plover()
    verbal = [i["score"] for i in table.values() if i["quad"] == "verbal_conflict"]
    material = [i["score"] for i in table.values() if i["quad"] == "material_conflict"]
    assert max(material) < min(verbal)


def test_modes_match_the_manual(manual):
    found = sections(manual)
    assert set(found) == set(TYPES)
    for name, info in load_plover().items():
        assert set(info["modes"]) == manual_modes(found[name]), name


def test_quads_and_recipients_match_the_manual(manual):
    found = sections(manual)
    for name, info in load_plover().items():
        quad = re.search(r"Quad category: ([A-Z]+ [A-Z]+)", found[name]).group(1)
        assert info["quad"] == quad.lower().replace(" ", "_"), name
        needs = re.search(r"Requires recipient: (Yes|No)", found[name]).group(1)
        assert info["requires_recipient"] is (needs == "Yes"), name


def test_scores_match_the_printed_table(manual):
    printed = manual_scores(manual)
    assert len(printed) >= 80
    for name, info in load_plover().items():
        key = (name, None)
        assert printed[key] == PRINTED_EXCEPTIONS.get(key, info["score"]), name
        for mode, spec in info["modes"].items():
            if (name, mode) in NOT_PRINTED:
                assert (name, mode) not in printed
                continue
            assert printed[(name, mode)] == spec["score"], (name, mode)


def test_coder_reads_the_same_scores():
    from newsevents.coder.scores import Plover

    plover = Plover.load()
    assert plover.score("ASSAULT", "aerial") == -9.5
    assert plover.score("CONSULT", "phone") == 1.5
    assert plover.score("SANCTION") == -6.0
    assert plover.quad("AID") == "material_cooperation"


def test_the_gdelt_export_reads_the_same_scores():
    from newsevents.gdelt import plover_scores

    scores = plover_scores()
    table = load_plover()
    assert scores[("ACCUSE", "")] == table["ACCUSE"]["score"] == -3
    assert scores[("ASSAULT", "aerial")] == -9.5 and len(scores) > 80
