"""GDELT-style export: PLOVER events as rows that existing GDELT tooling can read.

Each event gets a CAMEO code (from the PLOVER manual's CAMEO→PLOVER table, read in
reverse: the most general CAMEO code of the event's type and mode), its root code,
GDELT's QuadClass (1 verbal cooperation … 4 material conflict) and a Goldstein-style
score: the event's PLOVER score, which the PLOVER manual built from the Goldstein
scale and keeps on its -10..+10 range (the manual's type/mode table fills in when an
event has none). Columns and their order follow the GDELT 2.0 event table; fields
we cannot know (ethnic codes, FIPS geo codes, tone) are left empty, and geographic
country codes are ISO alpha-3 rather than GDELT's FIPS.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
           + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
           + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
              "NumMentions", "NumSources", "NumArticles", "AvgTone"]
           + [f"Actor1Geo_{f}" for f in GEO_FIELDS] + [f"Actor2Geo_{f}" for f in GEO_FIELDS]
           + [f"ActionGeo_{f}" for f in GEO_FIELDS] + ["DATEADDED", "SOURCEURL"])
QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}
# Where the table has no mode-less code of a type, the code analysts expect for it.
TYPE_DEFAULT = {"ACCUSE": "112"}
# Organisations and regions are not countries: they get no Actor CountryCode.
_COUNTRY = re.compile(r"^[A-Z]{3}$")


def _data(name: str) -> list[list[str]]:
    text = (resources.files("newsevents") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def cameo_table() -> list[tuple[str, str, str, str]]:
    """``(cameo, plover_type, mode, context)`` rows of the bundled conversion table."""
    return [(row[0], row[1], row[2], row[3]) for row in _data("cameo2plover.tsv")]


@lru_cache(maxsize=1)
def plover_scores() -> dict[tuple[str, str], float]:
    """``(type, mode) → score`` from the PLOVER manual's score table (mode "" = the type),
    as bundled once in ``data/plover.yaml`` for the coder too."""
    from .coder.scores import Plover

    scores = {}
    for kind, info in Plover.load().types.items():
        scores[(kind, "")] = float(info["score"])
        for mode, row in (info.get("modes") or {}).items():
            scores[(kind, mode)] = float(row["score"])
    return scores


def cameo_code(plover_type: str, mode: str | None = None, context=()) -> str:
    """The CAMEO code for a PLOVER type and mode: the shortest code the table maps there.

    Among equally general codes, one whose context matches the event's wins, then the
    first in the table. Unknown combinations fall back to the type's general code.
    """
    plover_type, mode = (plover_type or "").upper(), (mode or "").lower()
    rows = [r for r in cameo_table() if r[1] == plover_type]
    if not rows:
        return ""
    if not mode and plover_type in TYPE_DEFAULT:
        return TYPE_DEFAULT[plover_type]
    for wanted in ([mode] if mode else []) + [""]:
        candidates = [r for r in rows if r[2] == wanted]
        if candidates:
            best = min(candidates, key=lambda r: (len(r[0]), not set(context or ()) & set(r[3].split(";"))))
            return best[0]
    return min(rows, key=lambda r: len(r[0]))[0]


def goldstein(event: dict) -> float | None:
    """The event's PLOVER score, else the manual's score for its type and mode."""
    if event.get("score") is not None:
        return float(event["score"])
    scores = plover_scores()
    etype, mode = (event.get("type") or "").upper(), (event.get("mode") or "").lower()
    return scores.get((etype, mode), scores.get((etype, "")))


def _actor(entities, prefix: str) -> dict:
    entity = (entities or [{}])[0] if isinstance(entities, list) else (entities or {})
    code = entity.get("code") or ""
    return {f"{prefix}Code": code, f"{prefix}Name": (entity.get("text") or "").upper(),
            f"{prefix}CountryCode": code if _COUNTRY.match(code) else "",
            f"{prefix}KnownGroupCode": "" if _COUNTRY.match(code) else code,
            f"{prefix}Type1Code": entity.get("sector") or ""}


def gdelt_row(event: dict, number: int) -> dict:
    """One GDELT 2.0 event row (a dict over :data:`COLUMNS`) for a newsevents event."""
    date = ((event.get("date") or {}).get("start") or event.get("doc_date") or "")[:10]
    day = dt.date.fromisoformat(date) if len(date) == 10 else None
    code = cameo_code(event.get("type"), event.get("mode"), event.get("context") or ())
    where = event.get("where") or {}
    row = dict.fromkeys(COLUMNS, "")
    row.update(_actor(event.get("actor"), "Actor1"))
    row.update(_actor(event.get("recipient"), "Actor2"))
    score = goldstein(event)
    row.update({
        "GLOBALEVENTID": number, "IsRootEvent": 1 if event.get("sentence_index") == 0 else 0,
        "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": QUAD_CLASS.get(event.get("quad") or "", ""),
        "GoldsteinScale": "" if score is None else f"{score:g}",
        "NumMentions": event.get("mentions") or 1, "NumSources": 1, "NumArticles": 1,
        "DATEADDED": dt.datetime.now().strftime("%Y%m%d%H%M%S"), "SOURCEURL": event.get("url") or "",
    })
    if where.get("lat") is not None and where.get("lon") is not None:
        row.update({"ActionGeo_Type": 1 if where.get("text") == where.get("country") else 4,
                    "ActionGeo_FullName": where.get("text") or "", "ActionGeo_CountryCode": where.get("country") or "",
                    "ActionGeo_Lat": where["lat"], "ActionGeo_Long": where["lon"]})
    return row


def write_gdelt(records, out, header: bool = True) -> int:
    """Write events as tab-separated GDELT 2.0 rows to a text stream; returns the count."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    if header:
        writer.writeheader()
    count = 0
    for count, record in enumerate(records, 1):
        writer.writerow(gdelt_row(record, count))
    return count


def build_table(spec_path: str | Path) -> str:
    """Turn PLOVER's CAMEO2PLOVER-2021.txt into the bundled ``cameo2plover.tsv``."""
    lines = ["# CAMEO event code -> PLOVER type, mode, context.",
             "# Source: CAMEO2PLOVER-2021.txt, the CAMEO to PLOVER conversion table of the PLOVER manual",
             "# Draft 0.8 (17 September 2021, ed. Philip Schrodt), openeventdata/PLOVER, CC BY-SA 4.0.",
             "# Columns (tab-separated): cameo  plover_type  mode  context  description",
             "# Rebuild with: python -m newsevents.gdelt ../shared/spec/CAMEO2PLOVER-2021.txt"]
    for line in Path(spec_path).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if match:
            fields = ([f.strip().replace(" ", "") for f in match.group(2).split(",")] + ["", ""])[:3]
            lines.append("\t".join([match.group(1)] + fields + [(match.group(3) or "").strip()]))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(__file__).parent / "data" / "cameo2plover.tsv"
    target.write_text(build_table(sys.argv[1]), encoding="utf-8")
