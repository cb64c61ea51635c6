"""`newsevents dedup` merges the records of a coded run into distinct, counted events."""
import json

from click.testing import CliRunner

from newsevents.cli import cli


def record(doc_id, story_id, sentence_index, start, **extra):
    return {"event_id": f"{doc_id}-{sentence_index}", "doc_id": doc_id, "story_id": story_id, "doc_date": "2023-05-02",
            "sentence_index": sentence_index, "type": "SANCTION", "aux": None, "mentions": 1,
            "actor": [{"code": "EU"}], "recipient": [{"code": "BLR"}], "date": {"start": "2023-05-02", "end": "2023-05-02"},
            "trigger": {"text": "sanctions", "start": start, "end": start + 9}, **extra}


def test_dedup_command(tmp_path):
    lines = [record("a", "a", 0, 10), record("b", "a", 0, 30), record("c", "c", 3, 5),
             record("c", "c", 4, 90) | {"aux": "negated"}]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    out = tmp_path / "distinct.jsonl"
    result = CliRunner().invoke(cli, ["dedup", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    merged = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(m["event_id"], m["mentions"], m["sources"]) for m in merged] == [("a-0", 3, 3), ("c-4", 1, 1)]
    assert "4 records, 2 distinct events" in result.output


def test_dedup_names_the_bad_line(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(record("a", "a", 0, 1)) + "\n{oops\n")
    result = CliRunner().invoke(cli, ["dedup", str(path)])
    assert result.exit_code != 0 and "events.jsonl:2" in result.output
