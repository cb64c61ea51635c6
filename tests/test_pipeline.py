"""The pipeline's stages, language detection and its errors."""
import pytest

from newsevents import code_text
from newsevents.documents import Document
from newsevents.errors import NewsEventsError, UnsupportedLanguage
from newsevents.pipeline import DEFAULT_STAGES, STAGES, Coder, code_documents, detect_language


def test_stages_are_registered_by_name():
    assert DEFAULT_STAGES == ["detect_language", "split_sentences", "analyse_syntax", "recognise_actors",
                              "recognise_events", "finalise", "deduplicate"]
    assert set(DEFAULT_STAGES) <= set(STAGES)
    with pytest.raises(NewsEventsError) as err:
        Coder(stages=["detect_language", "no_such_stage"])
    assert err.value.code == "E016" and "no_such_stage" in str(err.value)


def test_language_is_detected():
    assert detect_language("De minister van Buitenlandse Zaken sprak vandaag met zijn Duitse collega over de oorlog.") == "nl"
    assert detect_language("The foreign minister spoke with his German colleague about the war today.") == "en"


def test_an_unsupported_language_is_refused_by_name_and_the_run_goes_on():
    docs = [Document(id="de", text="Der Außenminister sprach heute mit seinem französischen Amtskollegen über den Krieg in der Ukraine."),
            Document(id="nl", text="Rusland viel vrijdag Oekraïne aan.", language="nl")]
    results = list(code_documents(docs))
    assert isinstance(results[0].error, UnsupportedLanguage)
    message = str(results[0].error)
    assert results[0].error.code == "E008" and "'de'" in message and "en, nl" in message
    assert results[1].error is None and results[1].events[0]["type"] == "ASSAULT"


def test_a_text_too_short_to_tell_asks_for_the_language():
    with pytest.raises(UnsupportedLanguage) as err:
        code_text("Ja.")
    assert err.value.code == "E009"


def test_a_document_without_a_date_still_codes_with_no_invented_date():
    events = code_text("Russia attacked Ukraine.", language="en")
    assert events and events[0]["date"] is None and events[0]["doc_date"] is None


def test_repeated_mentions_are_linked_not_dropped():
    text = "Russia attacked Ukraine on Friday. On Friday, Russia attacked Ukraine."
    events = code_text(text, date="2023-03-11", language="en")
    assert len(events) == 2
    first, second = events
    assert first["mentions"] == 2 and "same_as" not in first and second["same_as"] == first["event_id"]


def test_documents_coded_together_give_what_each_gives_alone():
    texts = [("nl", "Rusland viel vrijdag Oekraïne aan. Het weer was goed."),
             ("en", "The United States imposed sanctions on Iran on Monday."),
             ("nl", "De Europese Unie legde Rusland nieuwe sancties op."),
             ("en", "It rained all day in Paris.")]
    docs = [Document(id=f"d{i}", text=text, language=lang) for i, (lang, text) in enumerate(texts)]
    together = list(code_documents(docs, batch=16))
    alone = [r for doc in docs for r in code_documents([doc], batch=1)]
    assert [r.document.id for r in together] == [d.id for d in docs]
    assert [[(e["type"], e["sentence_index"]) for e in r.events] for r in together] == \
           [[(e["type"], e["sentence_index"]) for e in r.events] for r in alone]
    assert [e["type"] for e in together[0].events] == ["ASSAULT"]
    assert together[1].events and together[2].events


def test_a_coder_failure_inside_a_batch_points_at_its_document():
    docs = [Document(id="ok", text="Rusland viel vrijdag Oekraïne aan.", language="nl"),
            Document(id="broken", text=None, language="en")]
    results = code_documents(docs, batch=16)
    assert next(results).document.id == "ok"
    with pytest.raises(Exception):
        next(results)  # the broken document raises on its own (the runner reports it as E037)
