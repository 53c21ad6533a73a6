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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._checks import check_bool, check_int, describe
from .arabic import (
    _INVISIBLE_RE,
    SENTENCE_BREAK_RE,
    TOKEN_OR_BREAK_RE,
    _fold_token,
    stopwords as bundled_stopwords,
    tokenize_spans,
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
    "raw_stream",
    "token_stream",
    "vocabulary",
    "check_by",
    "resolve_stopwords",
]

#: Characters a sentence break is made of (the first character tells a break from a token).
_BREAK_CHARS = frozenset(".!?\u061f\u061b;\u2026\n\r\u06d4")
assert all(SENTENCE_BREAK_RE.fullmatch(c) for c in _BREAK_CHARS)


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False)
class RawStream:
    """Tokens of some documents as ids of their raw (unnormalized) strings.

    ``types`` (sorted) are the distinct raw token strings; ``ids`` has one entry
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
    if n_docs == 0:
        return RawStream(np.array([], dtype=object), empty, np.zeros(1, np.int64), np.zeros(1, np.int64))
    try:
        series = pl.Series("text", texts, dtype=pl.String)
    except Exception as exc:  # lone surrogates cannot become Arrow strings
        raise ValueError(f"a document is not valid Unicode text: {exc}") from None
    items = series.str.extract_all(TOKEN_OR_BREAK_RE.pattern)
    n_items = items.list.len().fill_null(0).to_numpy().astype(np.int64)
    flat = items.explode().drop_nulls()
    if len(flat) == 0:
        return RawStream(
            np.array([], dtype=object), empty, np.zeros(n_docs + 1, np.int64), np.zeros(1, np.int64)
        )
    phys = flat.cast(pl.Categorical).to_physical()
    pairs = pl.DataFrame({"p": phys, "t": flat}).unique("p")
    # dense ids in the sorted order of the strings
    pairs = pairs.sort("t")
    p_sorted = pairs["p"].to_numpy()
    strings = np.array(pairs["t"].to_list(), dtype=object)
    lookup = np.zeros(int(p_sorted.max()) + 1, dtype=np.int64)
    lookup[p_sorted] = np.arange(len(p_sorted))
    dense = lookup[phys.to_numpy()]
    type_is_break = np.fromiter((s[0] in _BREAK_CHARS for s in strings), dtype=bool, count=len(strings))
    is_break = type_is_break[dense]
    # a sentence starts at each document's first item and after each break
    item_starts = np.concatenate([[0], np.cumsum(n_items)])
    new_sentence = np.zeros(len(dense), dtype=bool)
    new_sentence[item_starts[:-1][n_items > 0]] = True
    new_sentence[1:] |= is_break[:-1]
    sentence_key = np.cumsum(new_sentence)
    keep = ~is_break
    token_types = np.flatnonzero(~type_is_break)
    remap = np.full(len(strings), -1, dtype=np.int64)
    remap[token_types] = np.arange(len(token_types))
    ids = remap[dense[keep]].astype(np.int32)
    key = sentence_key[keep]
    bounds = np.flatnonzero(np.diff(key)) + 1
    sent_starts = np.concatenate([[0], bounds, [len(ids)]]).astype(np.int64) if len(ids) else np.zeros(1, np.int64)
    doc_of_item = np.repeat(np.arange(n_docs), n_items)
    per_doc = np.bincount(doc_of_item[keep], minlength=n_docs)
    doc_starts = np.concatenate([[0], np.cumsum(per_doc)]).astype(np.int64)
    return RawStream(strings[token_types], ids, doc_starts, sent_starts)


def merge(parts: Sequence[RawStream]) -> RawStream:
    """Join partial streams (in document order) exactly: the merge step of counting.

    >>> a, b = map_chunk(["موسكو ودمشق"]), map_chunk(["دمشق. بيروت"])
    >>> m = merge([a, b])
    >>> list(m.types), m.ids.tolist(), m.doc_starts.tolist(), m.sent_starts.tolist()
    (['بيروت', 'دمشق', 'موسكو', 'ودمشق'], [2, 3, 1, 0], [0, 2, 4], [0, 2, 3, 4])
    """
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return map_chunk([])
    all_types = np.concatenate([p.types for p in parts]) if parts else np.array([], dtype=object)
    types, inverse = np.unique(all_types, return_inverse=True) if len(all_types) else (all_types, all_types)
    ids, doc_starts, sent_starts = [], [np.zeros(1, np.int64)], [np.zeros(1, np.int64)]
    offset_t = offset_tok = 0
    for p in parts:
        mapping = np.asarray(inverse[offset_t : offset_t + len(p.types)], dtype=np.int32)
        ids.append(mapping[p.ids] if len(p.ids) else p.ids)
        doc_starts.append(p.doc_starts[1:] + offset_tok)
        sent_starts.append(p.sent_starts[1:] + offset_tok)
        offset_t += len(p.types)
        offset_tok += len(p.ids)
    return RawStream(
        np.asarray(types, dtype=object),
        np.concatenate(ids).astype(np.int32),
        np.concatenate(doc_starts),
        np.concatenate(sent_starts),
    )


#: Documents per map chunk: bounds the memory of one polars call.
CHUNK_DOCS = 2000
CHUNK_CHARS = 20_000_000


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


def raw_stream(corpus: Corpus) -> RawStream:
    """The corpus's raw token stream (map over chunks + merge), cached on the corpus."""
    return corpus.cached(("raw_stream",), lambda: merge([map_chunk(c) for c in _chunks(corpus.documents["text"])]))


# --- per type, once ---------------------------------------------------------------

#: Characters whose normalization is a plain one-to-one map (no marks, no
#: presentation forms, no invisibles): the fast path of :func:`fold_types`.
_SIMPLE_MAP = str.maketrans(
    {
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0649": "\u064a",
        "\u06cc": "\u064a",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_SIMPLE_CHARS = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)]
    + [chr(c) for c in range(0x0641, 0x064B)]
    + [chr(c) for c in range(0x0660, 0x066A)]
    + [chr(c) for c in range(0x06F0, 0x06FA)]
    + ["\u0671", "\u06cc", ".", ",", "\u066b", "\u066c"]
    + list("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
)


def fold_types(types: Iterable[str]) -> list[str]:
    """``normalize(t).lower()`` for each distinct token string, with a fast path.

    >>> fold_types(["فى", "الأسدُ", "Moscow", "٢٠١٥"])
    ['في', 'الاسد', 'moscow', '2015']
    """
    simple = _SIMPLE_CHARS.issuperset
    return [t.translate(_SIMPLE_MAP).lower() if simple(t) else _fold_token(t) for t in types]


def token_stream(corpus: Corpus, *, normalize: bool = True, clitics: bool = False) -> TokenStream:
    """The unigram :class:`TokenStream` of ``corpus`` (cached on the corpus)."""
    check_bool("normalize", normalize)
    check_bool("clitics", clitics)
    return corpus.cached(
        ("token_stream", normalize, clitics),
        lambda: _build_stream(raw_stream(corpus), normalize=normalize, clitics=clitics),
    )


def _build_stream(raw: RawStream, *, normalize: bool, clitics: bool) -> TokenStream:
    types = raw.types.tolist()
    raw_counts = np.bincount(raw.ids, minlength=len(types)).astype(np.int64)
    folded = fold_types(types) if (normalize or clitics) else types
    surfaces = [_INVISIBLE_RE.sub("", t) for t in types]
    if clitics:
        vocab_counts: dict[str, int] = {}
        for w, n in zip(folded, raw_counts.tolist(), strict=True):
            vocab_counts[w] = vocab_counts.get(w, 0) + n
        pieces: list[list[str]] = []
        piece_surfaces: list[list[str]] = []
        for t in types:
            toks = tokenize_spans(t, normalize=normalize, clitics=True, vocabulary=vocab_counts)
            pieces.append([k.text for k in toks])
            piece_surfaces.append(
                [_INVISIBLE_RE.sub("", t[k.start : k.end]) + ("+" if k.text.endswith("+") else "") for k in toks]
            )
    else:
        pieces = [[w] for w in (folded if normalize else types)]
        piece_surfaces = [[s] for s in surfaces]
    vocab = sorted({w for ps in pieces for w in ps})
    index = {w: i for i, w in enumerate(vocab)}
    k = np.fromiter((len(ps) for ps in pieces), dtype=np.int64, count=len(pieces))
    flat_terms = np.fromiter((index[w] for ps in pieces for w in ps), dtype=np.int32, count=int(k.sum()))
    if len(types) == 0 or (k == 1).all():
        ids = flat_terms[raw.ids] if len(raw.ids) else np.zeros(0, np.int32)
        doc_starts, sent_starts = raw.doc_starts.copy(), raw.sent_starts.copy()
    else:
        piece_start = np.concatenate([[0], np.cumsum(k)[:-1]])
        k_tok = k[raw.ids]
        cum = np.concatenate([[0], np.cumsum(k_tok)])
        idx = np.repeat(piece_start[raw.ids] - cum[:-1], k_tok) + np.arange(cum[-1])
        ids = flat_terms[idx]
        doc_starts, sent_starts = cum[raw.doc_starts], cum[raw.sent_starts]
    counts = np.bincount(ids, minlength=len(vocab)).astype(np.int64)
    forms = _most_frequent_forms(vocab, flat_terms, piece_surfaces, np.repeat(raw_counts, k))
    return TokenStream(
        ids=_readonly(ids.astype(np.int32)),
        doc_starts=_readonly(np.asarray(doc_starts, dtype=np.int64)),
        sent_starts=_readonly(np.asarray(sent_starts, dtype=np.int64)),
        vocab=_readonly(np.array(vocab, dtype=object)),
        forms=_readonly(forms),
        counts=_readonly(counts),
        normalize=normalize,
        clitics=clitics,
    )


def _most_frequent_forms(
    vocab: list[str], flat_terms: np.ndarray, piece_surfaces: list[list[str]], weights: np.ndarray
) -> np.ndarray:
    """For each term, its most frequent surface spelling (ties: the smaller string)."""
    if not vocab:
        return np.array([], dtype=object)
    table = pd.DataFrame(
        {
            "term": flat_terms,
            "surface": [s for ss in piece_surfaces for s in ss],
            "n": weights,
        }
    )
    table = table.groupby(["term", "surface"], sort=False, as_index=False)["n"].sum()
    table = table.sort_values(["term", "n", "surface"], ascending=[True, False, True], kind="stable")
    best = table.drop_duplicates("term")
    forms = np.array(vocab, dtype=object)
    forms[best["term"].to_numpy()] = best["surface"].to_numpy()
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
) -> TermCounts:
    """Count terms per document: the one options stage every statistic reads.

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
    stopset = resolve_stopwords(stopwords, normalize=normalize)
    key = ("count_terms", ngram, normalize, clitics, stopset)
    return corpus.cached(key, lambda: _count(corpus, ngram, normalize, clitics, stopset))


def _count(corpus: Corpus, ngram: int, normalize: bool, clitics: bool, stopset: frozenset[str] | None) -> TermCounts:
    from scipy import sparse

    stream = token_stream(corpus, normalize=normalize, clitics=clitics)
    docs = corpus.documents.drop(columns="text").reset_index(drop=True)
    n_docs = len(docs)
    vocab = stream.vocab
    if stopset:
        match = vocab if normalize else np.array(fold_types(vocab.tolist()), dtype=object)
        is_stop = np.fromiter((w in stopset for w in match), dtype=bool, count=len(vocab))
    else:
        is_stop = np.zeros(len(vocab), dtype=bool)
    ids = stream.ids.astype(np.int64)
    doc_of = stream.doc_ids()
    if ngram == 1:
        doc_tokens = np.diff(stream.doc_starts).astype(np.int64)
        keep_cols = np.flatnonzero(~is_stop)
        col_of = np.full(len(vocab), -1, dtype=np.int64)
        col_of[keep_cols] = np.arange(len(keep_cols))
        keep = ~is_stop[ids] if stopset else np.ones(len(ids), dtype=bool)
        rows, cols = doc_of[keep], col_of[ids[keep]]
        terms, forms = vocab[keep_cols], stream.forms[keep_cols]
    else:
        m = max(len(ids) - ngram + 1, 0)
        sid = stream.sentence_ids()
        valid = sid[:m] == sid[ngram - 1 : ngram - 1 + m]
        parts = [ids[k : k + m] for k in range(ngram)]
        doc_pos = doc_of[:m]
        doc_tokens = np.bincount(doc_pos[valid], minlength=n_docs).astype(np.int64)
        keep = valid.copy()
        if stopset:
            for p in parts:
                keep &= ~is_stop[p]
        V = max(len(vocab), 1)
        kept = [p[keep] for p in parts]
        if float(V) ** ngram < 2**62:
            code = np.zeros(int(keep.sum()), dtype=np.int64)
            for p in kept:
                code = code * V + p
            uniq, cols = np.unique(code, return_inverse=True)
            digits = []
            for k in range(ngram):
                digits.append((uniq // V ** (ngram - 1 - k)) % V)
        else:
            stacked = np.stack(kept, axis=1) if kept else np.zeros((0, ngram), np.int64)
            uniq_rows, cols = np.unique(stacked, axis=0, return_inverse=True)
            digits = [uniq_rows[:, k] for k in range(ngram)]
        cols = np.asarray(cols).reshape(-1)
        terms = _join(vocab, digits)
        forms = _join(stream.forms, digits)
        rows = doc_pos[keep]
    n_terms = len(terms)
    dtm = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n_docs, n_terms), dtype=np.int64
    )
    dtm.sum_duplicates()
    dtm.sort_indices()
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


def resolve_counts(data: Any, **options: Any) -> TermCounts:
    """The :class:`TermCounts` a statistic works on: ``data`` is a Corpus or a TermCounts.

    A Corpus is counted with ``options`` (``ngram``, ``normalize``, ``clitics``,
    ``stopwords``). A TermCounts is used as it is: its options are its own, and
    an option given with a value other than its default and the counts' own
    raises ``ValueError`` (count again with :func:`count_terms`).
    """
    unknown = set(options) - set(_DEFAULTS)
    if unknown:
        raise TypeError(f"unknown counting options {sorted(unknown)}; expected {sorted(_DEFAULTS)}")
    if isinstance(data, Corpus):
        return count_terms(data, **options)
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

