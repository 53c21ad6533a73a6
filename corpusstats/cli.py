"""The ``corpusstats`` command.

    corpusstats info PATH
    corpusstats freq PATH [--by source] [--top N] [--ngram N] [--stopwords] [--clitics] [--format table|csv|json]
    corpusstats collocations PATH [--node W] [--window N] [--measure llr] [--min-count N] [--top N] [--format ...]
    corpusstats kwic PATH QUERY [--window N] [--clitics] [--regex] [--sort left1|right1] [--format ...]
    corpusstats usage PATH TERM... [--by COL]     (TERM: a word, a phrase, or NAME=VARIANT,VARIANT)
    corpusstats keyness PATH --target LABEL [--reference LABEL...] [--top N] [--min-count N]
    corpusstats spelling PATH [--by COL]

Errors (a missing path, a bad option) print one line to stderr and exit with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

import pandas as pd

from .corpus import Corpus, load_corpus
from .frequency import word_frequencies

FORMATS = ("table", "csv", "json")


class CliError(Exception):
    """An error reported to the user as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {n}")
    return n


def write_table(df: pd.DataFrame, fmt: str, out=None) -> None:
    """Write a DataFrame as an aligned table, CSV, JSON (records) or JSON lines."""
    out = out or sys.stdout
    df = _dates_as_days(df)
    if fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        out.write(df.to_json(orient="records", force_ascii=False, indent=1, date_format="iso") + "\n")
    elif fmt == "jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        out.write(text if text.endswith("\n") else text + "\n")
    else:
        shown = df.copy()
        for col in shown.columns[shown.isna().any()]:
            shown[col] = shown[col].astype(object).where(shown[col].notna(), "")
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            out.write(shown.to_string(index=False) + "\n")


def _dates_as_days(df: pd.DataFrame) -> pd.DataFrame:
    """Datetime columns that hold whole days are written as ``YYYY-MM-DD``."""
    out = df
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            values = df[col]
            if (values.dropna() == values.dropna().dt.normalize()).all():
                out = out.copy() if out is df else out
                out[col] = values.dt.strftime("%Y-%m-%d").where(values.notna(), None)
    return out


def _load(path: str) -> Corpus:
    try:
        return load_corpus(path)
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from None


def cmd_info(args: argparse.Namespace) -> int:
    corpus = _load(args.path)
    write_table(corpus.report, args.format)
    return 0


def cmd_freq(args: argparse.Namespace) -> int:
    corpus = _load(args.path)
    df = word_frequencies(corpus, by=args.by, ngram=args.ngram, stopwords=args.stopwords, clitics=args.clitics)
    if args.top:
        df = df.groupby(args.by, sort=False).head(args.top) if args.by else df.head(args.top)
    write_table(df.reset_index(drop=True), args.format)
    return 0


#: Subcommands: name → (help, function adding arguments, handler). Other
#: modules add theirs here (see ``corpusstats dates``).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def _add_info(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table")


def _add_freq(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", choices=["source", "doc_id"], default=None, help="count within each source or document")
    p.add_argument("--top", type=_positive, default=None, help="show the N most frequent terms (per group)")
    p.add_argument("--ngram", type=_positive, default=1, help="count n-grams of N words (default 1)")
    p.add_argument("--stopwords", action="store_true", help="leave out Arabic stopwords")
    p.add_argument("--clitics", action="store_true", help="split proclitics (و ف ب ك ل ال س) first")
    p.add_argument("--format", choices=FORMATS, default="table")


COMMANDS["info"] = ("the load report: every file, loaded or skipped and why", _add_info, cmd_info)
COMMANDS["freq"] = ("word (or n-gram) frequencies", _add_freq, cmd_freq)


def _add_dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")
    p.add_argument("--reference-date", default=None, help="anchor for documents without a date (YYYY-MM-DD)")


def cmd_dates(args: argparse.Namespace) -> int:
    from .dates import date_mentions

    df = date_mentions(_load(args.path), reference_date=args.reference_date)
    write_table(df, args.format)
    return 0


COMMANDS["dates"] = ("date mentions (TIMEX3 values) with offsets into each text", _add_dates, cmd_dates)


# --- collocations and concordance (issue 8) ---------------------------------------------


def _add_collocations(p: argparse.ArgumentParser) -> None:
    from .collocations import MEASURES

    p.add_argument("--node", default=None, help="collocates of this word (default: all adjacent pairs)")
    p.add_argument("--window", type=_positive, default=None, help="span in tokens (default 1; 5 with --node)")
    p.add_argument("--measure", choices=list(MEASURES), default="llr", help="association measure to sort by")
    p.add_argument("--min-count", type=_positive, default=2, help="leave out pairs seen fewer times (default 2)")
    p.add_argument("--top", type=_positive, default=None, help="show the N strongest pairs")
    p.add_argument("--stopwords", action="store_true", help="leave out pairs with an Arabic stopword")
    p.add_argument("--clitics", action="store_true", help="split proclitics (و ف ب ك ل ال س) first")
    p.add_argument("--format", choices=FORMATS, default="table")


def cmd_collocations(args: argparse.Namespace) -> int:
    from .collocations import collocations

    window = args.window or (5 if args.node else 1)
    df = collocations(
        _load(args.path),
        node=args.node,
        window=window,
        min_count=args.min_count,
        measures=[args.measure],
        sort=args.measure,
        stopwords=args.stopwords,
        clitics=args.clitics,
    )
    write_table(df.head(args.top) if args.top else df, args.format)
    return 0


def _add_kwic(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY", help="a word or phrase (matched after normalization)")
    p.add_argument("--window", type=_positive, default=5, help="words of context on each side (default 5)")
    p.add_argument("--clitics", action="store_true", help="also find the word with proclitics (والأسد, بالأسد)")
    p.add_argument("--regex", action="store_true", help="each word of QUERY is a regular expression")
    p.add_argument("--sort", default=None, help="left1, right1, left2 ...: sort by a context word")
    p.add_argument("--format", choices=FORMATS, default="table")


def cmd_kwic(args: argparse.Namespace) -> int:
    from .collocations import kwic

    df = kwic(_load(args.path), args.query, window=args.window, clitics=args.clitics, regex=args.regex, sort=args.sort)
    write_table(pd.DataFrame(df), args.format)
    return 0


COMMANDS["collocations"] = (
    "word pairs and a node's collocates, with association measures",
    _add_collocations,
    cmd_collocations,
)
COMMANDS["kwic"] = ("concordance: every match of a word or phrase in its context", _add_kwic, cmd_kwic)


# --- sources (issue 9) ---------------------------------------------------------


def _add_usage(p: argparse.ArgumentParser) -> None:
    p.add_argument("terms", nargs="+", metavar="TERM", help="a word or phrase, or NAME=VARIANT,VARIANT,... (a group)")
    p.add_argument("--by", default="source", help="metadata column to group by (default source)")
    p.add_argument("--format", choices=FORMATS, default="table")


def cmd_usage(args: argparse.Namespace) -> int:
    from .sources import term_usage

    groups: dict[str, list[str]] = {}
    for t in args.terms:
        name, _, rest = t.partition("=")
        groups[name.strip()] = [v.strip() for v in rest.split(",") if v.strip()] if rest else [t]
    write_table(term_usage(_load(args.path), groups, by=args.by), args.format)
    return 0


def _add_keyness(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", required=True, nargs="+", help="group(s) of --by (a source, or its label)")
    p.add_argument("--reference", nargs="+", default=None, help="group(s) to compare with (default: the rest)")
    p.add_argument("--by", default="source", help="metadata column to group by (default source)")
    p.add_argument("--top", type=_positive, default=None, help="show the N most key terms")
    p.add_argument("--min-count", type=_positive, default=3, help="test terms seen at least N times (default 3)")
    p.add_argument("--format", choices=FORMATS, default="table")


def cmd_keyness(args: argparse.Namespace) -> int:
    from .sources import keyness

    corpus = _load(args.path)
    docs = corpus.documents
    names = dict(zip(docs["label"].astype(str), docs[args.by], strict=True)) if "label" in docs else {}
    known = set(docs[args.by].astype(str)) if args.by in docs else set()

    def resolve(values: list[str] | None) -> list[str] | None:  # a label stands for its group
        return None if values is None else [v if v in known else names.get(v, v) for v in values]

    df = keyness(corpus, resolve(args.target), by=args.by, reference=resolve(args.reference), min_count=args.min_count)
    write_table(df.head(args.top) if args.top else df, args.format)
    return 0


def _add_spelling(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", default="source", help="metadata column to group by (default source)")
    p.add_argument("--format", choices=FORMATS, default="table")


def cmd_spelling(args: argparse.Namespace) -> int:
    from .sources import spelling_variants

    write_table(spelling_variants(_load(args.path), by=args.by), args.format)
    return 0


COMMANDS["usage"] = ("how often each group uses terms or named term groups", _add_usage, cmd_usage)
COMMANDS["keyness"] = ("key terms of a group against the rest (signed G2, log ratio)", _add_keyness, cmd_keyness)
COMMANDS["spelling"] = (
    "written variants per group (final ى/ي, hamza, ة/ه, tanween, digits, quotes)",
    _add_spelling,
    cmd_spelling,
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="corpusstats", description="Arabic corpus statistics.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (help_text, add_args, handler) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("path", metavar="PATH", help="a directory of .txt files (with sources.csv) or one file")
        add_args(p)
        p.set_defaults(handler=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            raise CliError(f"choose a command: {', '.join(COMMANDS)} (see corpusstats --help)")
        return args.handler(args)
    except BrokenPipeError:  # e.g. `corpusstats freq seeds | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (CliError, ValueError, OSError) as exc:
        print(f"corpusstats: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
