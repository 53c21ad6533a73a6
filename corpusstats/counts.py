"""The counting core: term ids, a token-id stream with sentence bounds, document × term counts.

Every count-based statistic (frequencies, lexical statistics, collocations,
term usage, keyness, dispersion) reads what is made here, so the options
(normalization, clitics, stopwords, n) are chosen once, in :func:`count_terms`.

How it counts, with no Python object per token:

1. **Map** (:func:`map_chunk`): a chunk of documents goes through one regex in
   polars (Rust's regex engine), which yields every token and every sentence
   break; each distinct raw string gets an integer id. The result is a
   :class:`RawStream`: the chunk's raw types, an id per token, document and
   sentence bounds.
2. **Merge** (:func:`merge`): partial streams are joined exactly (types united,
   ids remapped), so chunks can be counted in any number of processes or on
   Dask workers and give the same result as one pass.
3. **Per type, once** (:func:`token_stream`): each distinct raw type is
   normalized (and, with ``clitics=True``, split into proclitics) once per
   corpus, and the id stream is rewritten in numpy. Term ids follow the sorted
   order of the term strings.
4. **Counts** (:func:`count_terms`): n-grams are id tuples inside one sentence,
   counted into a sparse document × term matrix (like quanteda's dfm); group
   counts are sums over it (:func:`group_matrix`).

Offsets are not stored here: :func:`corpusstats.tokenize_spans` is the path
that keeps them (concordances, dates, highlighting) and yields the same tokens.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._checks import check_bool, check_int, describe
from ._progress import progress_bar
from .arabic import (
    _INVISIBLE_RE,
    _SIMPLE_CHARS,
    _SIMPLE_MAP,
    INVISIBLES,
    SENTENCE_BREAK_RE,
    TOKEN_OR_BREAK_RE,
    fold_types,
    split_token,
)
from .arabic import (
    stopwords as bundled_stopwords,
)
from .corpus import Corpus

if TYPE_CHECKING:
    from scipy import sparse

__all__ = [
    "RawStream",
    "TokenStream",
    "TermCounts",
    "count_terms",
    "resolve_counts",
    "group_matrix",
    "map_chunk",
    "merge",
    "map_merge",
    "ENGINES",
    "check_engine",
    "raw_stream",
    "token_stream",
    "fold_types",
    "vocabulary",
    "check_by",
    "resolve_stopwords",
]

#: Characters a sentence break is made of (the first character tells a break from a token).
_BREAK_START = "^" + SENTENCE_BREAK_RE.pattern


#: A proclitic can only start a word with one of these letters (و ف ب ك ل س, ال).
_CLITIC_INITIALS = frozenset("وفبكلسا")


#: Elements per slice for whole-stream numpy work: numpy widens int32 indices to
#: int64 internally (bincount, take), so a slice at a time bounds that copy.
_SLICE = 1 << 20


def _bincount(ids: np.ndarray, n: int) -> np.ndarray:
    """``np.bincount(ids, minlength=n)`` one slice at a time (int64)."""
    out = np.zeros(n, dtype=np.int64)
    for i in range(0, len(ids), _SLICE):
        out += np.bincount(ids[i : i + _SLICE], minlength=n)
    return out


def _take_inplace(table: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``ids[:] = table[ids]``, one slice at a time."""
    for i in range(0, len(ids), _SLICE):
        part = ids[i : i + _SLICE]
        part[:] = table[part]
    return ids


def _count_keys(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of an int64 key array (sorted) and how often each occurs; sorts ``key`` in place."""
    key.sort()
    if not len(key):
        return key, np.zeros(0, np.int64)
    edge = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    return key[edge], np.diff(np.r_[edge, len(key)]).astype(np.int64)


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False)
class RawStream:
    """Tokens of some documents as ids of their raw (unnormalized) strings.

    ``types`` (a sorted polars string Series: compact, no Python object per
    string) are the distinct raw token strings; ``ids`` has one entry
    per running token; ``doc_starts`` (n_docs + 1) and ``sent_starts``
    (n_sentences + 1) are offsets into ``ids``. Sentences never cross documents
    and are never empty.
    """

    types: np.ndarray
    ids: np.ndarray
    doc_starts: np.ndarray
    sent_starts: np.ndarray


@dataclass(frozen=True, eq=False)
class TokenStream:
    """The unigram token stream for one choice of ``normalize`` and ``clitics``.

    ``ids`` (int32) is the term id of every running token, documents in corpus
    order; ``doc_starts`` and ``sent_starts`` are offsets into it (document d is
    ``ids[doc_starts[d]:doc_starts[d + 1]]``). ``vocab`` maps id → term (sorted),
    ``forms`` id → the most frequent original spelling, ``counts`` id → frequency.
    """

    ids: np.ndarray
    doc_starts: np.ndarray
    sent_starts: np.ndarray
    vocab: np.ndarray
    forms: np.ndarray
    counts: np.ndarray
    normalize: bool
    clitics: bool

    def sentence_ids(self) -> np.ndarray:
        """The sentence number of every token."""
        return np.repeat(np.arange(len(self.sent_starts) - 1), np.diff(self.sent_starts))

    def doc_ids(self) -> np.ndarray:
        """The document number (row of the corpus) of every token."""
        return np.repeat(np.arange(len(self.doc_starts) - 1), np.diff(self.doc_starts))


@dataclass(frozen=True, eq=False)
class TermCounts:
    """Counts of terms (tokens, or n-grams joined by a space) per document.

    - ``docs``: the documents' metadata (every column but ``text``), row i ↔ row i of ``dtm``.
    - ``terms`` / ``forms``: column j of ``dtm`` ↔ the term and its most frequent
      original spelling (for an n-gram, its words' forms joined).
    - ``dtm``: scipy CSR matrix, documents × terms, int64. With stopwords, terms
      that are (n-grams containing) a stopword are not columns.
    - ``doc_tokens``: running n-gram positions per document before stopwords
      are removed (the denominator of ``per_10k``).
    - ``stream``: the unigram :class:`TokenStream` these counts come from;
      ``is_stop``: which of its ids are stopwords under this count's setting.

    Arrays are read-only; ``docs`` is handed out as a copy.
    """

    _docs: pd.DataFrame
    terms: np.ndarray
    forms: np.ndarray
    dtm: sparse.csr_matrix
    doc_tokens: np.ndarray
    ngram: int
    normalize: bool
    clitics: bool
    stopwords: frozenset[str] | None
    stream: TokenStream
    is_stop: np.ndarray

    @property
    def docs(self) -> pd.DataFrame:
        return self._docs.copy()

    def __repr__(self) -> str:
        n_docs, n_terms = self.dtm.shape
        opts = f"ngram={self.ngram}, normalize={self.normalize}, clitics={self.clitics}"
        opts += f", stopwords={'on' if self.stopwords else 'off'}"
        return f"<TermCounts: {n_docs} documents × {n_terms} terms, {int(self.doc_tokens.sum())} positions; {opts}>"


# --- map and merge --------------------------------------------------------------


def map_chunk(texts: Sequence[str]) -> RawStream:
    """Tokenize a chunk of documents in native code: the map step of counting.

    One regex (:data:`corpusstats.arabic.TOKEN_OR_BREAK_RE`) finds tokens and
    sentence breaks; polars runs it and gives each distinct string an id.
    """
    import polars as pl

    texts = list(texts)
    n_docs = len(texts)
    empty = np.zeros(0, dtype=np.int32)
    no_types = pl.Series("t", [], dtype=pl.String)
    if n_docs == 0:
        return RawStream(no_types, empty, np.zeros(1, np.int64), np.zeros(1, np.int64))
    # Hand polars bytes, not str: converting a str caches its UTF-8 copy on the
    # str object for as long as the corpus lives (a second copy of every text).
    try:
        encoded = [t.encode("utf-8") for t in texts]
    except UnicodeEncodeError as exc:  # lone surrogates
        raise ValueError(f"a document is not valid Unicode text: {exc}") from None
    series = pl.Series("text", encoded, dtype=pl.Binary).cast(pl.String)
    del encoded
    items = series.str.extract_all(TOKEN_OR_BREAK_RE.pattern)
    n_items = items.list.len().fill_null(0).to_numpy().astype(np.int64)
    flat = items.explode().drop_nulls()
    if len(flat) == 0:
        return RawStream(no_types, empty, np.zeros(n_docs + 1, np.int64), np.zeros(1, np.int64))
    phys = flat.cast(pl.Categorical).to_physical()
    pairs = pl.DataFrame({"p": phys, "t": flat}).unique("p").sort("t")
    p_sorted = pairs["p"].to_numpy()
    lookup = np.zeros(int(p_sorted.max()) + 1, dtype=np.int32)
    lookup[p_sorted] = np.arange(len(p_sorted), dtype=np.int32)
    dense = lookup[phys.to_numpy()]
    del phys, flat, items
    type_is_break = pairs["t"].str.contains(_BREAK_START).to_numpy()
    is_break = type_is_break[dense]
    # a sentence starts at each document's first item and after each break
    item_starts = np.concatenate([[0], np.cumsum(n_items)])
    new_sentence = np.zeros(len(dense), dtype=bool)
    new_sentence[item_starts[:-1][n_items > 0]] = True
    new_sentence[1:] |= is_break[:-1]
    sentence_key = np.cumsum(new_sentence, dtype=np.int64)
    keep = ~is_break
    token_types = np.flatnonzero(~type_is_break)
    remap = np.full(len(type_is_break), -1, dtype=np.int32)
    remap[token_types] = np.arange(len(token_types), dtype=np.int32)
    ids = remap[dense[keep]]
    if len(token_types) <= np.iinfo(np.uint16).max:  # a chunk's ids are small: halve what waits for the merge
        ids = ids.astype(np.uint16)
    key = sentence_key[keep]
    bounds = np.flatnonzero(np.diff(key)) + 1
    sent_starts = np.concatenate([[0], bounds, [len(ids)]]).astype(np.int64) if len(ids) else np.zeros(1, np.int64)
    doc_of_item = np.repeat(np.arange(n_docs, dtype=np.int32), n_items)
    per_doc = np.bincount(doc_of_item[keep], minlength=n_docs)
    doc_starts = np.concatenate([[0], np.cumsum(per_doc)]).astype(np.int64)
    # a fresh Series: a filtered one would keep views into the whole chunk's token buffers
    types = pl.Series("t", pairs["t"].filter(pl.Series(~type_is_break)).to_list(), dtype=pl.String)
    return RawStream(types, ids, doc_starts, sent_starts)


def merge(parts: Sequence[RawStream]) -> RawStream:
    """Join partial streams (in document order) exactly: the merge step of counting.

    >>> a, b = map_chunk(["موسكو ودمشق"]), map_chunk(["دمشق. بيروت"])
    >>> m = merge([a, b])
    >>> list(m.types), m.ids.tolist(), m.doc_starts.tolist(), m.sent_starts.tolist()
    (['بيروت', 'دمشق', 'موسكو', 'ودمشق'], [2, 3, 1, 0], [0, 2, 4], [0, 2, 3, 4])
    """
    parts = list(parts)
    if not parts:
        return map_chunk([])
    if len(parts) == 1:
        return parts[0]
    import polars as pl

    local = pl.concat(
        [pl.DataFrame({"part": np.full(len(p.types), i, dtype=np.int32), "t": p.types}) for i, p in enumerate(parts)]
    )
    types = local["t"].unique().sort()
    glob = pl.DataFrame({"t": types, "g": np.arange(len(types), dtype=np.int32)})
    mapped = local.join(glob, on="t", how="left", maintain_order="left")["g"].to_numpy()
    del local, glob
    ids = np.empty(sum(len(p.ids) for p in parts), dtype=np.int32)
    doc_starts, sent_starts = [np.zeros(1, np.int64)], [np.zeros(1, np.int64)]
    offset = start = 0
    for i in range(len(parts)):
        p = parts[i]
        mapping = mapped[start : start + len(p.types)]
        start += len(p.types)
        if len(p.ids):
            np.take(mapping, p.ids, out=ids[offset : offset + len(p.ids)])
        doc_starts.append(p.doc_starts[1:] + offset)
        sent_starts.append(p.sent_starts[1:] + offset)
        offset += len(p.ids)
        parts[i] = None  # type: ignore[call-overload]  # free each part once copied
    return RawStream(types, ids, np.concatenate(doc_starts), np.concatenate(sent_starts))


#: Documents per map chunk: bounds the memory of one polars call.
CHUNK_DOCS = 2000
CHUNK_CHARS = 1_000_000


def _chunks(texts: Sequence[str]) -> Iterable[list[str]]:
    chunk: list[str] = []
    size = 0
    n = 0
    for t in texts:
        n += 1
        chunk.append(t)
        size += len(t)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk or n == 0:
        yield chunk


def raw_stream(corpus: Corpus, *, engine: str = "local", progress: bool | None = None) -> RawStream:
    """The corpus's raw token stream (map over chunks + merge); not cached: the token streams made from it are."""
    return map_merge(corpus.documents["text"], engine=engine, progress=progress)


#: Threads of the local engine when ``map_merge`` is not given ``workers`` (None: every core).
WORKERS: int | None = None

#: Where the map step runs: ``"local"`` (threads in this process) or ``"dask"`` (a dask.distributed cluster).
ENGINES = ("local", "dask")


def check_engine(engine: Any) -> str:
    """Raise unless ``engine`` is one of :data:`ENGINES`."""
    if not isinstance(engine, str):
        raise TypeError(f"engine must be one of {list(ENGINES)} (str), got {describe(engine)}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {list(ENGINES)}, got {engine!r}")
    return engine


def map_merge(
    texts: Iterable[str], *, workers: int | None = None, engine: str = "local", progress: bool | None = None
) -> RawStream:
    """Map every chunk of ``texts`` and merge: the same map and merge whatever the engine.

    ``engine="local"``: on ``workers`` threads (default: every core); polars
    releases the GIL while its regex runs, so threads use all cores without
    copying the texts into other processes. ``engine="dask"``: the chunks are
    sent to the workers of the active ``dask.distributed`` client (or of a
    ``LocalCluster`` started for this call and closed after it) and mapped
    there; the merge runs here. The result is the same either way.
    """
    check_engine(engine)
    chunks = list(_chunks(texts))
    size = sum(len(t) for c in chunks for t in c)
    bar = progress_bar(progress, total=len(chunks), size=size, desc="counting", unit="chunk")
    try:
        if engine == "dask":
            return merge(_dask_map(chunks, bar))
        workers = min(len(chunks), workers or WORKERS or os.cpu_count() or 1)
        if workers <= 1:
            parts = []
            for c in chunks:
                parts.append(map_chunk(c))
                bar.update(1)
            return merge(parts)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = []
            for part in pool.map(map_chunk, chunks):
                parts.append(part)
                bar.update(1)
            return merge(parts)
    finally:
        bar.close()


def _dask_map(chunks: list[list[str]], bar: Any) -> list[RawStream]:
    """:func:`map_chunk` over ``chunks`` on dask.distributed workers, results in chunk order."""
    try:
        from distributed import Client, LocalCluster, as_completed, get_client
    except ImportError:
        raise ImportError(
            'engine="dask" needs dask.distributed: pip install "corpusstats[dask]" (or use engine="local")'
        ) from None
    own = None
    try:
        client = get_client()
    except ValueError:  # no client: a LocalCluster for this call, on this machine only
        cluster = LocalCluster(
            n_workers=os.cpu_count() or 1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)
        own = (client, cluster)
    try:
        futures = client.map(map_chunk, chunks, pure=False)  # pure=False: no hashing of the texts for keys
        for _ in as_completed(futures):
            bar.update(1)
        return client.gather(futures)
    finally:
        if own is not None:
            own[0].close()
            own[1].close()


# --- per type, once ---------------------------------------------------------------


def token_stream(
    corpus: Corpus,
    *,
    normalize: bool = True,
    clitics: bool = False,
    engine: str = "local",
    progress: bool | None = None,
) -> TokenStream:
    """The unigram :class:`TokenStream` of ``corpus`` (cached on the corpus, whichever engine made it)."""
    check_bool("normalize", normalize)
    check_bool("clitics", clitics)
    check_engine(engine)
    return corpus.cached(
        ("token_stream", normalize, clitics),
        lambda: _build_stream(  # the raw stream is used once
            raw_stream(corpus, engine=engine, progress=progress), normalize=normalize, clitics=clitics
        ),
    )


def fold_series(types: Any) -> Any:
    """:func:`~corpusstats.arabic.fold_types` over a polars string Series, vectorized where it can be.

    Types made only of letters that normalize one to one are mapped in polars;
    the rest (marks, tatweel, presentation forms, invisibles …) go through
    ``normalize`` one type at a time.
    """
    import polars as pl

    keys = [chr(k) for k in _SIMPLE_MAP]
    values = list(_SIMPLE_MAP.values())
    fast = types.str.replace_many(keys, values).str.to_lowercase()
    simple = types.str.contains(_SIMPLE_RE).to_numpy()
    hard = np.flatnonzero(~simple)
    if len(hard):
        folded = fold_types(types.gather(hard).to_list())
        fast = fast.scatter(hard, pl.Series(folded, dtype=pl.String))
    return fast


_SIMPLE_RE = "^[" + "".join(re.escape(c) for c in sorted(_SIMPLE_CHARS)) + "]*$"


def _term_ids(terms: Any) -> tuple[Any, np.ndarray]:
    """Sorted distinct terms (a polars Series) and, for each entry of ``terms``, its index among them."""
    import polars as pl

    vocab = terms.unique().sort()
    table = pl.DataFrame({"t": vocab, "i": np.arange(len(vocab), dtype=np.int32)})
    return vocab, pl.DataFrame({"t": terms}).join(table, on="t", how="left", maintain_order="left")["i"].to_numpy()


def _surfaces(types: Any) -> Any:
    """Raw token strings as a form shows them: invisible characters (bidi controls, ZWNJ …) removed."""
    return types.str.replace_all(f"[{INVISIBLES}]", "")


def _build_stream(raw: RawStream, *, normalize: bool, clitics: bool) -> TokenStream:
    """The token stream from a raw stream, which it consumes (its ids may be rewritten in place)."""
    import polars as pl

    n_types = len(raw.types)
    raw_counts = _bincount(raw.ids, n_types)
    surfaces = _surfaces(raw.types)
    folded = fold_series(raw.types) if (normalize or clitics) else raw.types
    if not clitics:  # one term per raw type: all in polars
        vocab_s, term_of_type = _term_ids(folded if normalize else raw.types)
        vocab = vocab_s.to_list()
        ids = raw.ids if raw.ids.dtype == np.int32 and raw.ids.flags.writeable else raw.ids.astype(np.int32)
        _take_inplace(term_of_type.astype(np.int32), ids)  # the raw ids are not kept: rewrite them in place
        doc_starts, sent_starts = raw.doc_starts, raw.sent_starts
        forms = _most_frequent_forms(vocab, term_of_type, surfaces, raw_counts)
    else:
        types, folded_l, surfaces_l = raw.types.to_list(), folded.to_list(), surfaces.to_list()
        vocab_counts: dict[str, int] = {}
        for w, n in zip(folded_l, raw_counts.tolist(), strict=True):
            vocab_counts[w] = vocab_counts.get(w, 0) + n
        pieces: list[list[str]] = []
        piece_surfaces: list[str] = []
        for t, w, surface in zip(types, folded_l, surfaces_l, strict=True):
            if not w or w[0] not in _CLITIC_INITIALS:  # nothing to split off: one piece
                pieces.append([w if normalize else t])
                piece_surfaces.append(surface)
                continue
            toks = split_token(t, w, vocab_counts, normalize=normalize)
            pieces.append([k[0] for k in toks])
            piece_surfaces.extend(_INVISIBLE_RE.sub("", t[a:b]) + ("+" if k.endswith("+") else "") for k, a, b in toks)
        vocab = sorted({w for ps in pieces for w in ps})
        index = {w: i for i, w in enumerate(vocab)}
        k = np.fromiter((len(ps) for ps in pieces), dtype=np.int64, count=len(pieces))
        flat_terms = np.fromiter((index[w] for ps in pieces for w in ps), dtype=np.int32, count=int(k.sum()))
        piece_start = np.concatenate([[0], np.cumsum(k)[:-1]]).astype(np.int64)
        k_tok = k[raw.ids]
        cum = np.concatenate([[0], np.cumsum(k_tok)]).astype(np.int64)
        idx = np.repeat(piece_start[raw.ids] - cum[:-1], k_tok) + np.arange(cum[-1])
        ids = flat_terms[idx] if len(idx) else np.zeros(0, np.int32)
        doc_starts, sent_starts = cum[raw.doc_starts], cum[raw.sent_starts]
        forms = _most_frequent_forms(
            vocab, flat_terms, pl.Series(piece_surfaces, dtype=pl.String), np.repeat(raw_counts, k)
        )
    counts = _bincount(ids, len(vocab))
    return TokenStream(
        ids=_readonly(np.asarray(ids, dtype=np.int32)),
        doc_starts=_readonly(np.array(doc_starts, dtype=np.int64)),
        sent_starts=_readonly(np.array(sent_starts, dtype=np.int64)),
        vocab=_readonly(np.array(vocab, dtype=object)),
        forms=_readonly(forms),
        counts=_readonly(counts),
        normalize=normalize,
        clitics=clitics,
    )


def _most_frequent_forms(vocab: list[str], term_ids: np.ndarray, surfaces: Any, weights: np.ndarray) -> np.ndarray:
    """For each term, its most frequent surface spelling (ties: the smaller string)."""
    import polars as pl

    forms = np.array(vocab, dtype=object)
    if not vocab:
        return forms
    best = (
        pl.DataFrame({"term": term_ids, "surface": surfaces, "n": weights})
        .group_by(["term", "surface"])
        .agg(pl.col("n").sum())
        .sort(["term", "n", "surface"], descending=[False, True, False])
        .unique("term", keep="first", maintain_order=True)
    )
    forms[best["term"].to_numpy()] = np.array(best["surface"].to_list(), dtype=object)
    return forms


def vocabulary(corpus: Corpus) -> dict[str, int]:
    """Normalized word → count over the whole corpus (the evidence for clitic splits).

    Read off the shared token stream, so the corpus is not tokenized again.
    """
    stream = token_stream(corpus)
    return dict(zip(stream.vocab.tolist(), stream.counts.tolist(), strict=True))


# --- options ----------------------------------------------------------------------


def resolve_stopwords(stopwords: Any, *, normalize: bool = True) -> frozenset[str] | None:
    """``False`` → None; ``True`` → the bundled list; an iterable of words → those words, normalized.

    >>> sorted(resolve_stopwords(["سوريا", "فى"]))
    ['سوريا', 'في']
    >>> resolve_stopwords("yes")
    Traceback (most recent call last):
    ...
    TypeError: stopwords must be False, True or an iterable of words (list, set ...), got str 'yes'
    """
    if stopwords is False or stopwords is None:
        return None
    if stopwords is True:
        return bundled_stopwords() if normalize else frozenset(bundled_stopwords())
    if isinstance(stopwords, (str, bytes)) or not isinstance(stopwords, Iterable):
        raise TypeError(
            f"stopwords must be False, True or an iterable of words (list, set ...), got {describe(stopwords)}"
        )
    words = list(stopwords)
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise TypeError(f"stopwords must contain strings, got {describe(bad[0])}")
    return frozenset(fold_types(words) if normalize else words)


def check_by(docs: pd.DataFrame | Corpus, by: Any) -> None:
    """Raise unless ``by`` is None or a metadata column (any column but ``text``)."""
    if by is None:
        return
    frame = docs.documents if isinstance(docs, Corpus) else docs
    allowed = [c for c in frame.columns if c != "text"]
    if not isinstance(by, str):
        raise TypeError(f"by must be None or a column name (str), got {describe(by)}")
    if by not in allowed:
        raise ValueError(f"by must be None or one of the metadata columns {allowed}, got {by!r}")


# --- counting -------------------------------------------------------------------


def count_terms(
    corpus: Corpus,
    *,
    ngram: int = 1,
    normalize: bool = True,
    clitics: bool = False,
    stopwords: Any = False,
    engine: str = "local",
    progress: bool | None = None,
) -> TermCounts:
    """Count terms per document: the one options stage every statistic reads.

    ``engine`` says where the map step (tokenizing chunks of documents) runs:
    ``"local"`` (default) on threads over all cores of this machine, ``"dask"``
    on the workers of the active ``dask.distributed`` client, or of a
    ``LocalCluster`` started when there is none (``pip install
    "corpusstats[dask]"``). The result is the same with either, so it is cached
    once: a corpus already counted is not counted again on another engine.
    ``progress`` shows a bar over the chunks (None: only for big corpora, in a
    terminal or notebook, never under CI).

    ``ngram`` n > 1 counts n-grams inside sentences (never across a sentence
    break or a document). ``stopwords`` is ``False``, ``True`` (the bundled list)
    or an iterable of words (normalized like the text): a unigram that is a
    stopword, or an n-gram with one in it, is not a column of ``dtm`` but still
    counts in ``doc_tokens``. Cached on the corpus, keyed on its documents as
    they read now.

    >>> import pandas as pd
    >>> c = Corpus.from_dataframe(pd.DataFrame({"text": ["زار الأسد موسكو. الأسد في موسكو"]}))
    >>> tc = count_terms(c)
    >>> list(tc.terms), tc.dtm.toarray().tolist(), list(tc.forms)
    (['الاسد', 'زار', 'في', 'موسكو'], [[2, 1, 1, 2]], ['الأسد', 'زار', 'في', 'موسكو'])
    >>> list(count_terms(c, ngram=2).terms)
    ['الاسد في', 'الاسد موسكو', 'زار الاسد', 'في موسكو']
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected a Corpus (see load_corpus), got {describe(corpus)}")
    ngram = check_int("ngram", ngram, minimum=1)
    check_bool("normalize", normalize)
    check_bool("clitics", clitics)
    check_engine(engine)
    stopset = resolve_stopwords(stopwords, normalize=normalize)
    key = ("count_terms", ngram, normalize, clitics, stopset)
    run = {"engine": engine, "progress": progress}
    return corpus.cached(key, lambda: _count(corpus, ngram, normalize, clitics, stopset, run))


def _count(
    corpus: Corpus, ngram: int, normalize: bool, clitics: bool, stopset: frozenset[str] | None, run: dict[str, Any]
) -> TermCounts:
    stream = token_stream(corpus, normalize=normalize, clitics=clitics, **run)
    docs = corpus.documents.drop(columns="text").reset_index(drop=True)
    vocab = stream.vocab
    if stopset:
        match = vocab if normalize else np.array(fold_types(vocab.tolist()), dtype=object)
        is_stop = np.fromiter((w in stopset for w in match), dtype=bool, count=len(vocab))
    else:
        is_stop = np.zeros(len(vocab), dtype=bool)
    if ngram == 1:
        dtm, doc_tokens = _unigram_matrix(stream, is_stop)
        keep_cols = np.flatnonzero(~is_stop)
        terms, forms = vocab[keep_cols], stream.forms[keep_cols]
    else:
        dtm, doc_tokens, words = _ngram_matrix(stream, is_stop, ngram)
        terms, forms = _join(vocab, words), _join(stream.forms, words)
    for a in (dtm.data, dtm.indices, dtm.indptr):
        a.flags.writeable = False
    return TermCounts(
        _docs=docs,
        terms=_readonly(np.asarray(terms, dtype=object)),
        forms=_readonly(np.asarray(forms, dtype=object)),
        dtm=dtm,
        doc_tokens=_readonly(doc_tokens),
        ngram=ngram,
        normalize=normalize,
        clitics=clitics,
        stopwords=stopset,
        stream=stream,
        is_stop=_readonly(is_stop),
    )


#: Tokens per block when counting unigrams: bounds the temporary arrays.
BLOCK_TOKENS = 1_000_000


def _unigram_matrix(stream: TokenStream, is_stop: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Documents × (non-stopword) unigrams, counted in blocks of whole documents."""
    from scipy import sparse

    n_docs, V = len(stream.doc_starts) - 1, max(len(stream.vocab), 1)
    col_of = np.cumsum(~is_stop) - 1  # vocab id -> column (stopwords have none)
    n_cols = int((~is_stop).sum())
    data, indices, per_doc = [], [], np.zeros(n_docs, dtype=np.int64)
    d0 = 0
    while d0 < n_docs:
        t0 = stream.doc_starts[d0]
        d1 = max(int(np.searchsorted(stream.doc_starts, t0 + BLOCK_TOKENS, side="right")) - 1, d0 + 1)
        d1 = min(d1, n_docs)
        ids = stream.ids[t0 : stream.doc_starts[d1]]
        docs = np.repeat(np.arange(d0, d1, dtype=np.int64), np.diff(stream.doc_starts[d0 : d1 + 1]))
        if is_stop.any():
            keep = ~is_stop[ids]
            ids, docs = ids[keep], docs[keep]
        uniq, n = _count_keys(docs * V + ids)
        if len(uniq):
            data.append(n)
            doc = uniq // V
            indices.append(col_of[uniq - doc * V].astype(np.int32))
            per_doc += np.bincount(doc, minlength=n_docs)
        d0 = d1
    indptr = np.concatenate([[0], np.cumsum(per_doc)]).astype(np.int64)
    dtm = sparse.csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0, np.int64),
            np.concatenate(indices) if indices else np.zeros(0, np.int32),
            indptr,
        ),
        shape=(n_docs, n_cols),
    )
    return dtm, np.diff(stream.doc_starts).astype(np.int64)


def _ngram_matrix(
    stream: TokenStream, is_stop: np.ndarray, n: int
) -> tuple[sparse.csr_matrix, np.ndarray, list[np.ndarray]]:
    """Documents × n-grams inside sentences; returns the matrix, positions per document, the n-grams' word ids.

    N-gram ids are built a word at a time (``id(k+1 words) = rank of (id(k words), next word)``),
    so they never overflow and follow the lexicographic order of the n-grams.
    """
    n_docs, V = len(stream.doc_starts) - 1, max(len(stream.vocab), 1)
    ids = stream.ids.astype(np.int64)
    m = max(len(ids) - n + 1, 0)
    sid = stream.sentence_ids()
    valid = sid[:m] == sid[n - 1 : n - 1 + m]
    del sid
    doc_pos = stream.doc_ids()[:m]
    doc_tokens = np.bincount(doc_pos[valid], minlength=n_docs).astype(np.int64)
    keep = valid
    if is_stop.any():
        for k in range(n):
            keep &= ~is_stop[ids[k : k + m]]
    gid = ids[:m]
    for k in range(1, n):
        _, gid = np.unique(gid * V + ids[k : k + m], return_inverse=True)
        gid = gid.reshape(-1).astype(np.int64)
    positions = np.flatnonzero(keep)
    uniq, first, cols = np.unique(gid[positions], return_index=True, return_inverse=True)
    starts = positions[first]
    words = [ids[starts + k] for k in range(n)]
    dtm = _doc_term_matrix(doc_pos[positions], cols.reshape(-1), n_docs, len(uniq))
    return dtm, doc_tokens, words


def _doc_term_matrix(rows: np.ndarray, cols: np.ndarray, n_docs: int, n_terms: int) -> sparse.csr_matrix:
    """CSR counts of (document, term) pairs, by one sort of their combined keys (no COO copies)."""
    from scipy import sparse

    width = max(n_terms, 1)
    uniq, data = _count_keys(rows.astype(np.int64) * width + cols)
    doc = uniq // width
    indices = (uniq - doc * width).astype(np.int32)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(doc, minlength=n_docs))]).astype(np.int64)
    return sparse.csr_matrix((data, indices, indptr), shape=(n_docs, n_terms))


def _join(words: np.ndarray, digits: list[np.ndarray]) -> np.ndarray:
    """The n-gram strings of id columns: words joined by one space (vectorized over types)."""
    if not len(digits) or not len(digits[0]):
        return np.array([], dtype=object)
    out = words[digits[0]].copy()
    for d in digits[1:]:
        out = out + " " + words[d]
    return out


# --- what statistics call -------------------------------------------------------------

_DEFAULTS = {"ngram": 1, "normalize": True, "clitics": False, "stopwords": False}


def resolve_counts(data: Any, *, engine: str = "local", progress: bool | None = None, **options: Any) -> TermCounts:
    """The :class:`TermCounts` a statistic works on: ``data`` is a Corpus or a TermCounts.

    A Corpus is counted with ``options`` (``ngram``, ``normalize``, ``clitics``,
    ``stopwords``) on ``engine`` (see :func:`count_terms`). A TermCounts is used
    as it is: its options are its own (``engine`` has nothing left to do), and
    an option given with a value other than its default and the counts' own
    raises ``ValueError`` (count again with :func:`count_terms`).
    """
    check_engine(engine)
    unknown = set(options) - set(_DEFAULTS)
    if unknown:
        raise TypeError(f"unknown counting options {sorted(unknown)}; expected {sorted(_DEFAULTS)}")
    if isinstance(data, Corpus):
        return count_terms(data, engine=engine, progress=progress, **options)
    if isinstance(data, TermCounts):
        for name, value in options.items():
            if name == "stopwords":
                own = data.stopwords
                if value is _DEFAULTS[name] or value is None:
                    continue
                if resolve_stopwords(value, normalize=data.normalize) != own:
                    raise ValueError(
                        "stopwords differ from those of the TermCounts passed; "
                        "count again with count_terms(corpus, stopwords=...)"
                    )
                continue
            if isinstance(value, bool) is not isinstance(_DEFAULTS[name], bool) and name != "ngram":
                raise TypeError(f"{name} must be True or False, got {describe(value)}")
            if value != _DEFAULTS[name] and value != getattr(data, name):
                raise ValueError(
                    f"{name}={value!r} differs from the TermCounts passed ({name}={getattr(data, name)!r}); "
                    f"count again with count_terms(corpus, {name}={value!r})"
                )
        return data
    raise TypeError(f"expected a Corpus or a TermCounts (see count_terms), got {describe(data)}")


def group_matrix(tc: TermCounts, by: str | None) -> tuple[pd.Index, sparse.csr_matrix]:
    """Group labels and the groups × documents indicator matrix for ``by``.

    ``by=None``: one group (label ``None``). Otherwise any metadata column;
    labels are sorted, keep the column's dtype, and a missing value is a group
    of its own. Group × term counts are ``G @ tc.dtm``.
    """
    from scipy import sparse

    docs = tc._docs
    check_by(docs, by)
    n_docs = len(docs)
    if by is None:
        labels = pd.Index([None], dtype=object)
        codes = np.zeros(n_docs, dtype=np.int64)
    else:
        codes, uniques = pd.factorize(docs[by], sort=True, use_na_sentinel=False)
        labels = pd.Index(uniques, name=by)
    G = sparse.csr_matrix(
        (np.ones(n_docs, dtype=np.int64), (codes, np.arange(n_docs))), shape=(len(labels), n_docs), dtype=np.int64
    )
    return labels, G


# --- counting a corpus that is iterated, not held ------------------------------------


def _map_groups(texts: list[str], groups: np.ndarray, normalize: bool) -> tuple[Any, Any, np.ndarray]:
    """One chunk reduced to what frequencies need: (group, term) counts and document frequencies,
    (term, surface) counts for the forms, and running tokens per group. Exact when summed over chunks."""
    import polars as pl

    raw = map_chunk(texts)
    n_docs, n_groups = len(texts), int(groups.max()) + 1 if len(groups) else 0
    per_doc = np.diff(raw.doc_starts)
    tokens = np.bincount(groups, weights=per_doc, minlength=n_groups).astype(np.int64)
    if not len(raw.types):
        empty = pl.DataFrame(schema={"g": pl.Int64, "term": pl.String, "count": pl.Int64, "docfreq": pl.Int64})
        return empty, pl.DataFrame(schema={"term": pl.String, "surface": pl.String, "n": pl.Int64}), tokens
    terms = fold_series(raw.types) if normalize else raw.types
    vocab, term_of_type = _term_ids(terms)
    T = len(vocab)
    tid = term_of_type[raw.ids].astype(np.int64)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), per_doc)
    # sparse (group, term) keys: a dense groups × terms array would grow with every new group
    keys, counts = _count_keys(groups[doc].astype(np.int64) * T + tid)
    pairs, _ = _count_keys(doc * T + tid)  # each (document, term) once
    _, docfreq = _count_keys(groups[pairs // T].astype(np.int64) * T + pairs % T)
    # every (group, term) with a count has a document frequency: the two key lists are the same
    part = pl.DataFrame(
        {"g": keys // T, "term": vocab.gather(keys % T), "count": counts, "docfreq": docfreq},
    )
    surfaces = pl.DataFrame({"term": terms, "surface": _surfaces(raw.types), "n": _bincount(raw.ids, len(raw.types))})
    return part, surfaces, tokens


def scan_counts(
    chunks: Iterable[list[dict[str, Any]]],
    *,
    by: str | None = None,
    normalize: bool = True,
    workers: int | None = None,
    progress: bool | None = None,
) -> tuple[pd.Index, pd.DataFrame, np.ndarray]:
    """Unigram counts per group of a corpus given as chunks of document dicts, never held whole.

    Each chunk is mapped on a thread (at most two chunks per thread in memory),
    reduced to (group, term) counts and document frequencies, and added to a
    running total, so the texts are never held together (the running totals
    still grow with the vocabulary and the groups: see the README's Scale
    table). Returns the sorted group labels, a frame ``g, term, form, count,
    docfreq`` (``g`` indexes the labels; ``term`` in sorted order within a
    group) and running tokens per group. The same numbers as
    :func:`count_terms` on the loaded corpus.
    """
    import polars as pl

    check_bool("normalize", normalize)
    codes: dict[Any, int] = {}
    acc: Any = None
    forms_acc: Any = None
    tokens = np.zeros(0, dtype=np.int64)
    workers = workers or WORKERS or os.cpu_count() or 1
    size = int(getattr(chunks, "size", 0))  # a CorpusScan knows its bytes on disk
    bar = progress_bar(progress, total=None, size=size, desc="counting", unit="doc")

    def prepare(docs: list[dict[str, Any]]) -> tuple[list[str], np.ndarray]:
        if by is not None and docs and by not in docs[0] and any(by not in d for d in docs):
            raise ValueError(f"by={by!r} is not a field of the records; they have {sorted(docs[0])}")
        keys = [None if by is None else d.get(by) for d in docs]
        groups = np.fromiter((codes.setdefault(k, len(codes)) for k in keys), dtype=np.int64, count=len(keys))
        return [d["text"] for d in docs], groups

    def add(result: tuple[Any, Any, np.ndarray], n_docs: int) -> None:
        nonlocal acc, forms_acc, tokens
        part, surfaces, tok = result
        if len(tok) > len(tokens):
            tokens = np.concatenate([tokens, np.zeros(len(tok) - len(tokens), dtype=np.int64)])
        tokens[: len(tok)] += tok
        acc = (
            part
            if acc is None
            else pl.concat([acc, part]).group_by(["g", "term"]).agg(pl.col("count", "docfreq").sum())
        )
        forms_acc = (
            surfaces
            if forms_acc is None
            else pl.concat([forms_acc, surfaces]).group_by(["term", "surface"]).agg(pl.col("n").sum())
        )
        bar.update(n_docs)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending: list[Any] = []
            for docs in chunks:
                texts, groups = prepare(docs)
                pending.append((pool.submit(_map_groups, texts, groups, normalize), len(texts)))
                if len(pending) >= 2 * workers:
                    fut, n = pending.pop(0)
                    add(fut.result(), n)
            for fut, n in pending:
                add(fut.result(), n)
    finally:
        bar.close()
    if acc is None:
        acc = _map_groups([], np.zeros(0, np.int64), normalize)[0]
        forms_acc = pl.DataFrame(schema={"term": pl.String, "surface": pl.String, "n": pl.Int64})
    # groups in sorted order of their labels (a missing label last), like group_matrix
    keys = list(codes)
    if by is None:
        labels = pd.Index([None], dtype=object)
        order = np.zeros(max(len(keys), 1), dtype=np.int64)
    else:
        lab_codes, uniques = pd.factorize(pd.Series(keys, dtype=object), sort=True, use_na_sentinel=False)
        labels = pd.Index(uniques, name=by)
        order = np.asarray(lab_codes, dtype=np.int64)
    new_tokens = np.zeros(len(labels), dtype=np.int64)
    np.add.at(new_tokens, order[: len(tokens)], tokens)
    best = (
        forms_acc.sort(["term", "n", "surface"], descending=[False, True, False])
        .unique("term", keep="first", maintain_order=True)
        .select("term", pl.col("surface").alias("form"))
    )
    acc = acc.with_columns(pl.Series("g", order[acc["g"].to_numpy()]) if len(acc) else pl.col("g"))
    if by is None and len(acc):
        acc = acc.group_by(["g", "term"]).agg(pl.col("count", "docfreq").sum())
    out = acc.join(best, on="term", how="left").sort(["g", "term"]).select("g", "term", "form", "count", "docfreq")
    frame = pd.DataFrame(
        {
            "g": out["g"].to_numpy().astype(np.int64),
            "term": np.array(out["term"].to_list(), dtype=object),
            "form": np.array(out["form"].to_list(), dtype=object),
            "count": out["count"].to_numpy().astype(np.int64),
            "docfreq": out["docfreq"].to_numpy().astype(np.int64),
        }
    )
    return labels, frame, new_tokens
