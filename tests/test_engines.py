"""The Dask engine gives the same frames as the local one; progress bars only when asked or watched."""

import pandas as pd
import pytest

import corpusstats as cs
from corpusstats import counts

from .conftest import SEEDS


@pytest.fixture
def small_chunks(monkeypatch):
    # two documents a chunk: the seeds make three chunks, so the merge joins parts mapped apart
    monkeypatch.setattr(counts, "CHUNK_DOCS", 2)


def test_local_threads_equal_one_thread(small_chunks, seeds_corpus):
    texts = seeds_corpus.documents["text"]
    one, many = counts.map_merge(texts, workers=1), counts.map_merge(texts, workers=3)
    assert one.types.to_list() == many.types.to_list()
    assert one.ids.tolist() == many.ids.tolist()
    assert one.sent_starts.tolist() == many.sent_starts.tolist()


def test_dask_engine_equals_local(small_chunks):
    distributed = pytest.importorskip("distributed")
    local = cs.load_corpus(SEEDS)
    on_dask = cs.load_corpus(SEEDS)  # a second corpus: counts are cached per corpus, whatever the engine
    # Thread workers (processes=False): process workers take many seconds to start on a loaded CI machine.
    # protocol="tcp": the chunks and the partial streams are still serialized over TCP on 127.0.0.1,
    # to the workers and back, as on a real cluster.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        dask_freq = cs.word_frequencies(on_dask, by="source", engine="dask")
        dask_lex = cs.lexical_stats(on_dask, by="source", engine="dask")
        # the map ran on the cluster: one task per chunk
        assert len([k for k in client.run_on_scheduler(_task_prefixes) if k == "map_chunk"]) == 1
    pd.testing.assert_frame_equal(dask_freq, cs.word_frequencies(local, by="source", engine="local"))
    pd.testing.assert_frame_equal(dask_lex, cs.lexical_stats(local, by="source", engine="local"))
    # the general way: count once on the engine, then any statistic on the TermCounts
    assert len(dask_freq) > 100


def _task_prefixes(dask_scheduler=None):
    return list(dask_scheduler.task_prefixes)


def test_engine_is_checked(seeds_corpus):
    with pytest.raises(ValueError, match="engine must be one of"):
        cs.count_terms(seeds_corpus, engine="spark")
    with pytest.raises(TypeError, match="engine must be one of"):
        cs.word_frequencies(seeds_corpus, engine=None)


def test_progress_bar_when_asked_never_under_ci(capsys, monkeypatch):
    from corpusstats._progress import BIG_BYTES, show_progress

    monkeypatch.setenv("CI", "true")
    assert show_progress(None, 10 * BIG_BYTES) is False
    assert show_progress(True, 0) is True
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        show_progress("yes", 0)
    cs.count_terms(cs.load_corpus(SEEDS, progress=True), progress=True)
    err = capsys.readouterr().err
    assert "loading" in err and "counting" in err
    cs.count_terms(cs.load_corpus(SEEDS))  # default: small work under CI, no bar
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_dask_without_a_client_starts_a_local_cluster(small_chunks):
    distributed = pytest.importorskip("distributed")
    with pytest.raises(ValueError):
        distributed.get_client()  # no client around: the engine starts (and closes) a process LocalCluster
    got = cs.word_frequencies(cs.load_corpus(SEEDS), by="source", engine="dask")
    pd.testing.assert_frame_equal(got, cs.word_frequencies(cs.load_corpus(SEEDS), by="source"))


def test_date_extraction_progress_bar(capsys, monkeypatch, seeds_corpus):
    monkeypatch.setenv("CI", "true")
    with_bar = cs.date_mentions(seeds_corpus, progress=True)
    assert "dates" in capsys.readouterr().err
    pd.testing.assert_frame_equal(with_bar, cs.date_mentions(seeds_corpus))  # default: no bar under CI
    assert capsys.readouterr().err == ""
