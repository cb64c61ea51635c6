"""The store on DuckDB and PostgreSQL: same tests, same answers."""
from __future__ import annotations

import datetime as dt

import pytest

from newsevents.documents import DocDate, Document
from newsevents.store import EventFilter, StoreError, open_store
from newsevents.store.synthetic import make_document


def test_migrations_are_numbered_and_applied(store):
    numbers = [number for number, _, _ in store.migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1
    assert store.schema_version() == numbers[-1]


def test_reopening_does_not_migrate_twice(store_url):
    open_store(store_url).close()
    with open_store(store_url) as again:
        assert again.schema_version() == len(again.migrations())


def test_add_document_is_idempotent(store, small_corpus):
    doc, sentences, events = small_corpus[0]
    assert store.add_document(doc, sentences, events) is True
    assert store.has_document(doc.content_hash)
    assert store.add_document(doc, sentences, events) is False
    stats = store.stats()
    assert (stats["documents"], stats["events"]) == (1, 3)


def test_same_content_under_another_object_is_still_one_document(store, small_corpus):
    doc, sentences, events = small_corpus[0]
    store.add_document(doc, sentences, events)
    copy = Document(id=doc.id, text=doc.text, date=doc.date, language=doc.language, title=doc.title)
    assert store.add_document(copy, sentences, events) is False


def test_changed_document_replaces_old_version(store, small_corpus):
    store.add_document(*small_corpus[0])
    new_doc, sentences, events = make_document("d1", dt.date(2022, 2, 21), [("RUS", "ASSAULT", "UKR")])
    assert store.add_document(new_doc, sentences, events) is True
    assert store.count_events(EventFilter(doc_id="d1")) == 1
    assert store.stats()["documents"] == 1


def test_add_documents_batches_and_skips_known(store, small_corpus):
    assert store.add_documents(small_corpus) == 3
    assert store.add_documents(small_corpus + small_corpus) == 0
    assert store.stats()["events"] == 9


def test_event_without_type_is_refused(store):
    doc = Document(id="bad", text="Some text.", date=DocDate.parse("2022-01"))
    with pytest.raises(StoreError) as err:
        store.add_document(doc, [], [{"event_id": "x1"}])
    assert err.value.code == "E305"
    assert not store.has_document(doc.content_hash)


def test_provenance_offsets_point_into_the_text(store, small_corpus):
    store.add_documents(small_corpus)
    event = store.events(EventFilter(actor="RUS", recipient="UKR", types=["MOBILIZE"]))[0]
    detail = store.event(event["event_id"])
    sentence = detail["sentence"]
    spans = {h["role"]: sentence[h["start"]:h["end"]] for h in detail["highlights"]}
    assert spans == {"actor": "Russia", "trigger": "massed troops near", "recipient": "Ukraine"}
    doc = store.document("d1")
    text = doc["text"]
    assert {text[h["start"]:h["end"]] for h in doc["highlights"] if h["role"] == "recipient"} >= {"Ukraine"}
    assert [s["index"] for s in doc["sentences"]] == [0, 1, 2]


def test_filters_by_dyad_type_aux_date_place_and_text(store, small_corpus):
    store.add_documents(small_corpus)
    count = lambda **kw: store.count_events(EventFilter(**kw))  # noqa: E731
    assert count(actor="RUS", recipient="UKR") == 3
    assert count(actor="UKR", recipient="RUS") == 1
    assert count(actor="UKR", recipient="RUS", undirected=True) == 4
    assert count(involving="NATO") == 1
    assert count(types=["ASSAULT"]) == 2
    assert count(aux=["real"]) == 8
    assert count(aux=["future"]) == 1
    assert count(start="2022-02-24", end="2022-02-28") == 3
    assert count(place="Kyiv") == 2
    assert count(place="usa") == 3
    assert count(q="sanctions") == 1
    assert count(actor="RUS", types=["ASSAULT"], start="2022-03-01") == 1


def test_events_come_with_sentence_and_codes(store, small_corpus):
    store.add_documents(small_corpus)
    rows = store.events(EventFilter(types=["AID"]))
    assert rows[0]["actor_codes"] == ["USA"] and rows[0]["recipient_codes"] == ["UKR"]
    assert rows[0]["sentence"] == "The United States sent aid to Ukraine in Washington."
    assert rows[0]["event_date"] == "2022-03-08"


def test_series_counts_scores_and_quads(store, small_corpus):
    store.add_documents(small_corpus)
    weeks = store.series(EventFilter(actor="RUS", recipient="UKR"), freq="week")
    assert [w["period"] for w in weeks] == ["2022-02-21", "2022-03-07"]
    assert weeks[0]["events"] == 2 and weeks[0]["material_conflict"] == 2
    assert weeks[0]["score"] == pytest.approx(-14.5) and weeks[0]["conflict"] == pytest.approx(14.5)
    months = store.series(EventFilter(involving="RUS", aux=["real"]), freq="month", role="any")
    assert [m["period"] for m in months] == ["2022-02-01", "2022-03-01"]
    assert months[0]["events"] == 4  # the EU's future threat is left out
    with pytest.raises(StoreError):
        store.series(freq="fortnight")


def test_dyads_actors_places(store, small_corpus):
    store.add_documents(small_corpus)
    top = store.dyads(limit=1)[0]
    assert (top["source"], top["target"], top["events"]) == ("RUS", "UKR", 3)
    undirected = {(d["source"], d["target"]): d["events"] for d in store.dyads(undirected=True)}
    assert undirected[("RUS", "UKR")] == 4
    actors = {a["code"]: a for a in store.actors()}
    assert actors["RUS"]["as_actor"] == 3 and actors["RUS"]["as_recipient"] == 4
    places = {p["place"]: p["events"] for p in store.places()}
    assert places["Moscow"] == 3 and places["Washington"] == 3


def test_delete_document_removes_its_rows(store, small_corpus):
    store.add_documents(small_corpus)
    assert store.delete_document("d2") is True
    assert store.stats()["events"] == 6
    assert store.count_events(EventFilter(types=["SANCTION"])) == 0
    assert store.delete_document("d2") is False


def test_records_round_trip_the_coder_output(store, small_corpus):
    store.add_documents(small_corpus)
    records = list(store.records(EventFilter(doc_id="d2")))
    originals = {e["event_id"]: e for e in small_corpus[1][2]}
    assert len(records) == 3
    for record in records:
        assert {k: v for k, v in record.items() if k != "url"} == originals[record["event_id"]]


def test_read_only_store_refuses_writes(store_url, small_corpus):
    open_store(store_url).close()
    with open_store(store_url, read_only=True) as ro:
        assert ro.stats()["events"] == 0
        with pytest.raises(Exception):
            ro.add_document(*small_corpus[0])


def test_missing_duckdb_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "E300"


def test_reciprocal_event_links_its_actors_both_ways(store):
    doc, sentences, events = make_document("r1", dt.date(2022, 5, 2), [("FRA", "CONSULT", "DEU")])
    event = events[0]
    event["actor"] = event["actor"] + [dict(event["recipient"][0])]
    event["recipient"] = []
    store.add_document(doc, sentences, events)
    assert store.count_events(EventFilter(actor="FRA", recipient="DEU")) == 1
    assert store.count_events(EventFilter(actor="DEU", recipient="FRA")) == 1
    assert store.series(EventFilter(actor="DEU", recipient="FRA", undirected=True))[0]["events"] == 1
    assert store.count_events(EventFilter(involving="DEU")) == 1


def test_far_off_event_dates_count_on_the_document_date(store):
    doc, sentences, events = make_document("h1", dt.date(2022, 3, 10), [("RUS", "ASSAULT", "UKR"),
                                                                        ("RUS", "COERCE", "UKR")])
    events[0]["date"] = {"start": "2014-02-27", "end": "2014-03-18", "text": "in 2014", "precision": "day"}
    events[1]["date"] = {"start": "2022-03-01", "end": "2022-03-01", "text": "last week", "precision": "day"}
    store.add_document(doc, sentences, events)
    dates = {e["type"]: e["event_date"] for e in store.events()}
    assert dates == {"ASSAULT": "2022-03-10", "COERCE": "2022-03-01"}
    assert store.records().__next__()["date"]["start"] in ("2014-02-27", "2022-03-01")


def test_a_new_numbered_migration_is_applied_once(store_url, monkeypatch):
    from newsevents.store.store import Store

    open_store(store_url).close()
    shipped = Store.migrations()
    extra = (len(shipped) + 1, f"{len(shipped) + 1:03d}_notes.sql",
             "-- test migration\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
             "CREATE INDEX notes_body ON notes (body);\n")
    monkeypatch.setattr(Store, "migrations", staticmethod(lambda: shipped + [extra]))
    with pytest.raises(StoreError) as err:
        open_store(store_url, read_only=True)
    assert err.value.code == "E301"
    with open_store(store_url) as store:
        assert store.schema_version() == extra[0]
        store.db.execute("INSERT INTO notes VALUES (1, 'x')")
    with open_store(store_url) as again:  # not applied twice (the table would already exist)
        assert again.schema_version() == extra[0]
    monkeypatch.setattr(Store, "migrations", staticmethod(lambda: shipped))
    with pytest.raises(StoreError) as err:
        open_store(store_url)
    assert err.value.code == "E302"
