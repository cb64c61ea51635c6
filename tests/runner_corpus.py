"""A small two-language news corpus written for the runner tests (not taken from ../shared).

Sentences are built from templates so that there are enough documents to interrupt a run
part-way, and every document holds at least one codable event.
"""
from __future__ import annotations

import json
from pathlib import Path

EN = [("France", "Germany", "Lyon"), ("Poland", "Lithuania", "Warsaw"), ("Japan", "South Korea", "Osaka"),
      ("Kenya", "Tanzania", "Arusha"), ("Brazil", "Argentina", "Rio de Janeiro"), ("Canada", "Mexico", "Ottawa")]
NL = [("Frankrijk", "Duitsland", "Lyon"), ("Polen", "Litouwen", "Warschau"), ("Japan", "Zuid-Korea", "Osaka"),
      ("Kenia", "Tanzania", "Arusha"), ("Brazilië", "Argentinië", "Rio de Janeiro"), ("België", "Nederland", "Gent")]

EN_TEXT = (
    "The foreign minister of {a} met her counterpart from {b} in {city} on Tuesday. "
    "{a} accused {b} of breaking the fishing agreement signed last year. "
    "Police in {city} arrested {n} protesters outside the conference centre.\n\n"
    "Officials from {b} said they would answer the complaint within a week."
)
NL_TEXT = (
    "De minister van Buitenlandse Zaken van {a} ontmoette dinsdag in {city} haar collega uit {b}. "
    "{a} beschuldigde {b} van het schenden van het visserijakkoord van vorig jaar. "
    "De politie in {city} arresteerde {n} demonstranten bij het congrescentrum.\n\n"
    "Volgens ambtenaren uit {b} komt er binnen een week een antwoord op de klacht."
)


def documents(count: int, start_day: int = 1) -> list[dict]:
    """``count`` JSON-Lines records, alternating English and Dutch, each text different."""
    records = []
    for i in range(count):
        dutch = i % 2 == 1
        a, b, city = (NL if dutch else EN)[(i // 2) % 6]
        text = (NL_TEXT if dutch else EN_TEXT).format(a=a, b=b, city=city, n=10 + i)
        day = (start_day + i) % 28 + 1
        records.append({"id": f"doc-{i:04d}", "date": f"2023-03-{day:02d}", "language": "nl" if dutch else "en",
                        "text": text})
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_events(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
