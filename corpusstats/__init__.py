"""corpusstats: corpus statistics for Arabic text, as tidy pandas DataFrames.

>>> import corpusstats as cs
>>> corpus = cs.load_corpus("seeds")          # doctest: +SKIP
>>> cs.word_frequencies(corpus).head()        # doctest: +SKIP

Importing this package is fast and offline: it does not import matplotlib,
jupyter or dask (charts live in ``corpusstats.plot``), and the date extractor
(``corpusstats.dates``, with its word tables) loads on first use of
``date_mentions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arabic import Token, is_stopword, normalize, split_proclitics, stopwords, tokenize, tokenize_spans
from .collocations import clusters, collocations, kwic
from .corpus import Corpus, load_corpus
from .counts import TermCounts, TokenStream, count_terms
from .frequency import lexical_stats, word_frequencies, zipf_fit
from .readers import CorpusScan, scan_corpus
from .sources import dispersion, keyness, positions, spelling_variants, term_usage

if TYPE_CHECKING:  # loaded lazily by __getattr__ below
    from .dates import date_mentions

__version__ = "0.1.0"


__all__ = [
    "Corpus",
    "CorpusScan",
    "TermCounts",
    "Token",
    "TokenStream",
    "clusters",
    "collocations",
    "count_terms",
    "date_mentions",
    "dispersion",
    "keyness",
    "is_stopword",
    "kwic",
    "lexical_stats",
    "load_corpus",
    "normalize",
    "positions",
    "spelling_variants",
    "scan_corpus",
    "split_proclitics",
    "stopwords",
    "tokenize",
    "term_usage",
    "tokenize_spans",
    "word_frequencies",
    "zipf_fit",
    "__version__",
]


def __getattr__(name: str):  # PEP 562: load the date extractor on first use
    if name == "date_mentions":
        from .dates import date_mentions

        return date_mentions
    raise AttributeError(f"module 'corpusstats' has no attribute {name!r}")
