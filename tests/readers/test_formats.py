"""The built-in readers, and the specific errors for bad input (issue 2, "Bad input")."""
import json

from newsevents.documents import Document
from newsevents.errors import InputError
from newsevents.readers import iter_documents


def read(*paths, **kw):
    items = list(iter_documents([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_dated_text_file(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text(" date 2023-03 De minister sprak.\n\nTweede alinea.", encoding="utf-8")
    docs, errors = read(path)
    assert not errors
    assert docs[0].id == "artikel.txt" and str(docs[0].date) == "2023-03"
    assert docs[0].text.startswith("De minister sprak.") and "\n\nTweede alinea." in docs[0].text


def test_plain_text_takes_date_option(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("The minister spoke.", encoding="utf-8")
    docs, _ = read(path, date="2021-05-04", language="en")
    assert str(docs[0].date) == "2021-05-04" and docs[0].language == "en"


def test_plain_text_without_date_has_none(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("The minister spoke.", encoding="utf-8")
    docs, _ = read(path)
    assert docs[0].date is None


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "a", "date": "2022-01-02", "text": "Eerste."}), "{not json",
             json.dumps(["a", "list"]), json.dumps({"id": "d", "date": "next tuesday", "text": "Datum fout."}),
             json.dumps({"id": "e", "date": "2022-01", "text": ""}),
             json.dumps({"id": "f", "text": "Geen datum.", "language": "nl"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read(path)
    assert [d.id for d in docs] == ["a", "f"]
    assert docs[1].date is None and docs[1].language == "nl"
    codes = {(e.code, e.fields.get("line")) for e in errors}
    assert codes == {("E004", 2), ("E005", 3), ("E006", 4), ("E007", 5)}
    assert all(str(path) in str(e) for e in errors)
    assert "next tuesday" in str([e for e in errors if e.code == "E006"][0])


def test_csv(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,date,text,language\n1,2022-01,"Eerste, met komma.",nl\n2,2022-02-03,Tweede.,\n', encoding="utf-8")
    docs, errors = read(path)
    assert not errors and [(d.id, str(d.date), d.language) for d in docs] == [("1", "2022-01", "nl"), ("2", "2022-02-03", None)]


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("id,date,body\n1,2022-01,x\n", encoding="utf-8")
    _, errors = read(path)
    assert errors[0].code == "E010" and "body" in str(errors[0])


def test_empty_binary_and_misencoded_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("date 2022-01 Het is een caf\xe9.\nTweede regel".encode("utf-8").replace(b"\\xe9", b"\xe9"))
    latin.write_bytes(b"date 2022-01 Eerste regel.\nHet caf\xe9 is dicht.")
    good = tmp_path / "good.txt"
    good.write_text("date 2022-01 Goed.", encoding="utf-8")
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    by_code = {e.code: e for e in errors}
    assert set(by_code) == {"E001", "E002", "E003"}
    assert by_code["E003"].fields["line"] == 2 and "latin.txt" in str(by_code["E003"])


def test_missing_path_and_unknown_suffix(tmp_path):
    odd = tmp_path / "data.xyz"
    odd.write_text("x", encoding="utf-8")
    _, errors = read(tmp_path / "nope.txt", odd)
    assert [e.code for e in errors] == ["E011", "E012"]


def test_very_long_article_is_refused_above_the_limit_only(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("date 2022-01 " + "Woord " * 1000, encoding="utf-8")
    docs, errors = read(path, max_chars=100)
    assert not docs and errors[0].code == "E014"
    docs, errors = read(path)
    assert docs and not errors
