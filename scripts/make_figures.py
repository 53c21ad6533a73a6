"""Regenerate every figure in figures/ from the seed corpus (``make figures``).

Uses only the public API (corpusstats, corpusstats.plot, matplotlib).  Two runs
write byte-identical files: the PNG and SVG metadata carry no date or version,
SVG ids come from a fixed ``svg.hashsalt``, the word cloud has a fixed seed, and
the font is pinned to DejaVu Sans, which ships with matplotlib, so the files do
not depend on the fonts a machine has installed.  They do depend on the
matplotlib version (text layout changed in 3.11); figures/README.md records the
one that wrote the committed files.

    python scripts/make_figures.py [--out DIR] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import corpusstats  # noqa: E402
from corpusstats import dates, plot  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

#: The words whose collocates make the network figure.
NETWORK_NODES = ("موسكو", "الأسد", "بوتين")

#: How the outlets name the actors: each group counts a running-text mention once.
ACTORS = {
    "الأسد": ["الأسد", "بشار الأسد", "الرئيس السوري", "الرئيس الأسد", "رأس النظام"],
    "بوتين": ["بوتين", "الرئيس الروسي", "فلاديمير بوتين"],
    "داعش": ["داعش", "تنظيم الدولة", "الدولة الإسلامية"],
    "المعارضة": ["المعارضة", "المعارضة السورية", "المعارضة المسلحة"],
    "الإرهاب": ["الإرهاب", "الإرهابية", "الإرهابيين", "الإرهابيون"],
}

RC = {
    "svg.hashsalt": "corpusstats-figures",
    "svg.fonttype": "path",
    "figure.dpi": 100,
    "savefig.dpi": 100,
}
METADATA = {
    "png": {"Software": "corpusstats scripts/make_figures.py"},
    "svg": {"Date": None, "Creator": "corpusstats scripts/make_figures.py"},
}


def _save(fig, out: Path, name: str) -> list[Path]:  # type: ignore[no-untyped-def]
    paths = []
    for fmt in ("png", "svg"):
        path = out / f"{name}.{fmt}"
        fig.savefig(path, format=fmt, metadata=METADATA[fmt])
        paths.append(path)
    plt.close(fig)
    return paths


def figures(corpus: corpusstats.Corpus) -> dict[str, object]:
    """name -> Figure, for every figure in figures/ (see figures/README.md)."""
    freq = corpusstats.word_frequencies(corpus)
    content = corpusstats.word_frequencies(corpus, stopwords=True)
    by_source = corpusstats.word_frequencies(corpus, by="source", stopwords=True)
    by_source_all = corpusstats.word_frequencies(corpus, by="source")
    bigrams = corpusstats.word_frequencies(corpus, ngram=2, stopwords=True)
    figs: dict[str, object] = {}

    fig, ax = plt.subplots(figsize=(7, 5.5), layout="constrained")
    plot.frequencies(content, n=12, ax=ax, title="أكثر 12 كلمة تكرارا في المدوّنة (دون كلمات الوقف)")
    figs["top_words"] = fig

    fig, ax = plt.subplots(figsize=(7, 6.5), layout="constrained")
    plot.frequencies(freq, n=20, ax=ax, color="C2", title="أكثر 20 كلمة تكرارا في المدوّنة")
    figs["word_frequencies"] = fig

    fig, ax = plt.subplots(figsize=(7, 5.5), layout="constrained")
    plot.frequencies(bigrams, n=12, ax=ax, color="C4", title="أكثر الثنائيات اللفظية تكرارا")
    figs["top_bigrams"] = fig

    fig, ax = plt.subplots(figsize=(7, 5), layout="constrained")
    plot.zipf(freq, ax=ax)
    figs["zipf"] = fig

    fig, ax = plt.subplots(figsize=(7, 5), layout="constrained")
    plot.zipf(by_source_all, ax=ax, title="قانون زيبف في كل مصدر")
    figs["zipf_by_source"] = fig

    fig, ax = plt.subplots(figsize=(8, 6.5), layout="constrained")
    plot.compare_sources(by_source, n=8, ax=ax)
    figs["compare_sources"] = fig

    fig, ax = plt.subplots(figsize=(8, 4.4), layout="constrained")
    plot.wordcloud(content, n=120, ax=ax, width=800, height=420)
    figs["wordcloud"] = fig

    moscow = corpusstats.collocations(corpus, node="موسكو", window=5, stopwords=True)
    fig, ax = plt.subplots(figsize=(8, 6.5), layout="constrained")
    plot.collocates(moscow, n=12, ax=ax)
    figs["collocates_moscow"] = fig

    hubs = pd.concat(
        [corpusstats.collocations(corpus, node=w, window=5, stopwords=True, min_count=3) for w in NETWORK_NODES],
        ignore_index=True,
    )
    fig, ax = plt.subplots(figsize=(9, 7.5), layout="constrained")
    plot.collocation_network(hubs, n=40, ax=ax, title="شبكة الكلمات المصاحبة لـ«موسكو» و«الأسد» و«بوتين»")
    figs["collocation_network"] = fig

    mentions = corpusstats.date_mentions(corpus)
    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    plot.timeline(mentions, ax=ax)
    figs["dates_timeline"] = fig

    fig, ax = plt.subplots(figsize=(9, 3.8), layout="constrained")
    plot.month_heatmap(dates.month_source_counts(mentions, granularity="month"), ax=ax)
    figs["dates_by_month"] = fig

    labels = corpus.documents.drop_duplicates("source").set_index("source")["label"]
    fig, ax = plt.subplots(figsize=(8, 4.6), layout="constrained")
    plot.term_heatmap(
        corpusstats.term_usage(corpus, ACTORS), ax=ax, title="كيف تسمّي المصادر الفاعلين (لكل 10 آلاف كلمة)"
    )
    figs["sources_terms"] = fig

    fig, ax = plt.subplots(figsize=(7, 7), layout="constrained")
    plot.keyness(
        corpusstats.keyness(corpus, "youm7"),
        n=10,
        target=labels["youm7"],
        reference="المصادر الأخرى",
        ax=ax,
        title=f"الكلمات المفتاحية في {labels['youm7']} مقابل المصادر الأخرى",
    )
    figs["sources_keyness"] = fig

    fig, ax = plt.subplots(figsize=(9, 4.2), layout="constrained")
    plot.dispersion(corpusstats.positions(corpus, {k: ACTORS[k] for k in ("الأسد", "بوتين", "داعش")}), ax=ax)
    figs["sources_dispersion"] = fig

    fig, ax = plt.subplots(figsize=(8, 10), layout="constrained")
    plot.spelling(corpusstats.spelling_variants(corpus), ax=ax)
    figs["sources_spelling"] = fig
    return figs


def pinned_versions(constraints: Path = ROOT / "ci" / "constraints.txt") -> dict[str, str]:
    """``name -> version`` pinned in ci/constraints.txt for this Python (lines ``name==version; marker``)."""
    pins: dict[str, str] = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        spec, _, marker = line.partition("#")[0].partition(";")
        name, sep, version = spec.strip().partition("==")
        if not sep:
            continue
        m = re.fullmatch(r'\s*python_version\s*>=\s*"(\d+)\.(\d+)"\s*', marker)
        if marker.strip() and not m:
            continue  # a marker this simple reader does not understand: not checked
        if m and sys.version_info[:2] < (int(m[1]), int(m[2])):
            continue
        pins[name.strip().lower()] = version.strip()
    return pins


def version_mismatches(pins: dict[str, str] | None = None) -> list[str]:
    """``"name: pinned X, used Y"`` for every pinned drawing library whose installed version differs."""
    from importlib.metadata import PackageNotFoundError, version

    pins = pinned_versions() if pins is None else pins
    out = []
    for name, pinned in sorted(pins.items()):
        try:
            used = version(name)
        except PackageNotFoundError:
            used = "not installed"
        if used != pinned:
            out.append(f"{name}: pinned {pinned}, used {used}")
    return out


def warn_if_unpinned() -> None:
    """Say so when this Python's libraries differ from the versions the committed figures were made with."""
    pins = pinned_versions()
    if not pins:
        print(
            f"make_figures: warning: ci/constraints.txt pins nothing for Python "
            f"{sys.version_info.major}.{sys.version_info.minor}; the figures may differ from the committed ones",
            file=sys.stderr,
        )
        return
    diff = version_mismatches(pins)
    if diff:
        print(
            "make_figures: warning: the committed figures were made with the versions pinned in "
            "ci/constraints.txt; this run uses others, so the files written may differ from the committed ones "
            "(`make clean figures` installs the pinned ones):\n  " + "\n  ".join(diff),
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "figures")
    p.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = p.parse_args(argv)
    warn_if_unpinned()
    args.out.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(RC):
        plot.use_font("DejaVu Sans")
        try:
            corpus = corpusstats.load_corpus(args.seeds)
            written = []
            for name, fig in figures(corpus).items():
                written += _save(fig, args.out, name)
        finally:
            plot.use_font()
    for path in written:
        print(path.relative_to(args.out.parent) if args.out.parent in path.parents else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
