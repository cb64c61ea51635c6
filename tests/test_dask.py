"""A Dask cluster on loopback (scheduler + 2 worker processes) codes a corpus exactly as local cores do."""
from __future__ import annotations

import pytest

from newsevents.runner import run
from runner_corpus import documents, read_events, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as local:
        yield local


@pytest.mark.slow
def test_dask_cluster_codes_the_same_events_as_the_local_run(tmp_path, cluster):
    corpus = write_jsonl(tmp_path / "in.jsonl", documents(16))
    local = run([corpus], output=tmp_path / "local.jsonl", workers=1, progress=False)
    remote = run([corpus], output=tmp_path / "dask.jsonl", scheduler=cluster.scheduler_address, chunk_size=3,
                 progress=False)
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    assert remote.coded == local.coded == 16 and remote.failed == 0
    assert read_events(tmp_path / "dask.jsonl") == read_events(tmp_path / "local.jsonl")
    # and it resumes like a local run: nothing is coded twice
    again = run([corpus], output=tmp_path / "dask.jsonl", scheduler=cluster.scheduler_address, progress=False)
    assert again.skipped == 16 and again.coded == 0


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    from newsevents.errors import NewsEventsError

    with pytest.raises(NewsEventsError) as err:
        run([write_jsonl(tmp_path / "in.jsonl", documents(1))], output=tmp_path / "o.jsonl",
            scheduler="tcp://127.0.0.1:9", progress=False)
    assert err.value.code == "E039" and "tcp://127.0.0.1:9" in str(err.value)
