"""The ``corpusstats`` command.

    corpusstats --version
    corpusstats info  PATH                      the load report: every file, loaded or skipped and why
    corpusstats freq  PATH [--by COL] [--top N] [--ngram N] [--stopwords] [--clitics] [--min-count N]
    corpusstats stats PATH [--by COL]           tokens, types, TTR, hapax, Zipf fit
    corpusstats dates PATH [--reference-date YYYY-MM-DD]
    corpusstats collocations PATH [--node W] [--window N] [--measure llr] [--min-count N] [--top N]
    corpusstats kwic PATH QUERY [--window N] [--clitics] [--regex] [--sort left1|right1]
    corpusstats usage PATH TERM... [--by COL]     (TERM: a word, a phrase, or NAME=VARIANT,VARIANT)
    corpusstats keyness PATH --target LABEL [--reference LABEL...] [--top N] [--min-count N]
    corpusstats spelling PATH [--by COL]

Every command takes ``--format table|csv|json|jsonl`` (default: from the
``--output`` file's extension, else ``table``), ``--output FILE`` and
``--encoding ENC``; the counting commands take ``--by COL`` (any metadata
column) and ``--min-count N``.

Errors (a missing path, a bad option, a path with no loadable documents)
print one line to stderr and exit with 2; Ctrl-C exits with 130.

Adding a command: write ``add_arguments(parser)`` for its own options and
``run(args) -> DataFrame``, and register them in :data:`COMMANDS` with the
shared options it takes (see :func:`add_shared_options`).
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus

FORMATS = ("table", "csv", "json", "jsonl")
_EXTENSIONS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "table"}

#: decimals written for float columns (CSV, JSON and table alike); other float columns get DEFAULT_DECIMALS
DECIMALS = {"per_10k": 2, "ttr": 4, "zipf_exponent": 3, "zipf_r_squared": 3}
DEFAULT_DECIMALS = 4


class CliError(Exception):
    """An error reported to the user as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


# ---------------------------------------------------------------------------
# option types


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {n}")
    return n


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: str) -> str:
    """A calendar day written ``YYYY-MM-DD``."""
    import datetime

    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD (e.g. 2015-10-22), got {value!r}") from None
    return value


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r} (e.g. utf-8, cp1256, utf-16)") from None


# ---------------------------------------------------------------------------
# shared options


#: name -> function adding that option to a subcommand's parser
SHARED_OPTIONS: dict[str, Callable[[argparse.ArgumentParser], Any]] = {
    "format": lambda p: p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the --output file's extension, else table)",
    ),
    "output": lambda p: p.add_argument(
        "--output", "-o", metavar="FILE", default=None, help="write to FILE (UTF-8) instead of the screen"
    ),
    "encoding": lambda p: p.add_argument(
        "--encoding",
        type=_encoding,
        default=None,
        metavar="ENC",
        help="decode every file as ENC (default: detected per file: UTF-8, UTF-16/32 with BOM, Windows-1256)",
    ),
    "by": lambda p: p.add_argument(
        "--by",
        metavar="COL",
        default=None,
        help="one result per value of a metadata column: source, doc_id, date or a column of sources.csv",
    ),
    "min_count": lambda p: p.add_argument(
        "--min-count", type=_positive, default=1, metavar="N", help="leave out terms seen fewer than N times"
    ),
}

#: the options every command takes
COMMON = ("format", "output", "encoding")


def add_shared_options(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """Add the named shared options (keys of :data:`SHARED_OPTIONS`) to a subcommand's parser."""
    for name in names:
        if name not in SHARED_OPTIONS:
            raise ValueError(f"unknown shared option {name!r}; expected one of {sorted(SHARED_OPTIONS)}")
        SHARED_OPTIONS[name](parser)


@dataclass(frozen=True)
class Command:
    """One subcommand: its help line, its own options, what it computes, and the shared options it takes."""

    help: str
    run: Callable[[argparse.Namespace], pd.DataFrame]
    add_arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None
    options: tuple[str, ...] = COMMON


#: Subcommands by name, in the order ``--help`` lists them. Other modules add theirs here.
COMMANDS: dict[str, Command] = {}


# ---------------------------------------------------------------------------
# loading and writing


def load(args: argparse.Namespace, *, needs_documents: bool = True) -> Corpus:
    """The corpus at ``args.path``; with ``needs_documents``, a corpus without documents is an error."""
    from .corpus import load_corpus

    try:
        corpus = load_corpus(args.path, encoding=getattr(args, "encoding", None))
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from None
    if needs_documents and len(corpus) == 0:
        report = corpus.report
        # files looked at: not the hidden directories (one row each) nor files only named in the manifest
        looked = report[(report["status"] != "missing") & ~report["path"].str.endswith("/")] if len(report) else report
        files = len(looked)
        counts = looked["status"].value_counts() if len(looked) else {}
        parts = [f"{int(counts.get(s, 0))} {s}" for s in ("skipped", "empty", "missing") if counts.get(s, 0)]
        detail = f" ({', '.join(parts)})" if parts else ""
        raise CliError(
            f"no loadable documents in {args.path!r}: {files} files found{detail}; "
            f"see `corpusstats info {args.path}` for the reasons"
        )
    return corpus


def rounded(df: pd.DataFrame) -> pd.DataFrame:
    """Float columns rounded to :data:`DECIMALS` (``per_10k`` to 2 decimals, others to 4)."""
    import pandas as pd

    out = df
    for col in df.columns:
        if pd.api.types.is_float_dtype(df[col]):
            out = out.copy() if out is df else out
            out[col] = df[col].round(DECIMALS.get(col, DEFAULT_DECIMALS))
    return out


def write_table(df: pd.DataFrame, fmt: str, out=None) -> None:
    """Write a DataFrame as an aligned table, CSV, JSON (records) or JSON lines.

    Floats are rounded (:func:`rounded`), whole-day datetimes written ``YYYY-MM-DD``,
    missing values left blank (CSV, table) or ``null`` (JSON).
    """
    import pandas as pd

    out = out or sys.stdout
    df = _dates_as_days(rounded(df))
    if fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        out.write(df.to_json(orient="records", force_ascii=False, indent=1, date_format="iso") + "\n")
    elif fmt == "jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso") if len(df) else ""
        out.write(text if not text or text.endswith("\n") else text + "\n")
    elif fmt == "table":
        shown = df.copy()
        for col in shown.columns[shown.isna().any()]:
            shown[col] = shown[col].astype(object).where(shown[col].notna(), "")
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            out.write(shown.to_string(index=False) + "\n")
    else:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")


def _dates_as_days(df: pd.DataFrame) -> pd.DataFrame:
    """Datetime columns that hold whole days are written as ``YYYY-MM-DD``."""
    import pandas as pd

    out = df
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            values = df[col]
            if (values.dropna() == values.dropna().dt.normalize()).all():
                out = out.copy() if out is df else out
                out[col] = values.dt.strftime("%Y-%m-%d").where(values.notna(), None)
    return out


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output:
        return _EXTENSIONS.get(os.path.splitext(args.output)[1].lower(), "table")
    return "table"


def _write(df: pd.DataFrame, args: argparse.Namespace) -> None:
    fmt = _output_format(args)
    if not args.output:
        write_table(df, fmt)
        return
    buf = io.StringIO()  # written whole, so that a failed run leaves no half file
    write_table(df, fmt, buf)
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(buf.getvalue())
    except OSError as exc:
        raise CliError(f"cannot write {args.output!r}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------------------
# the commands


def run_info(args: argparse.Namespace) -> pd.DataFrame:
    return load(args, needs_documents=False).report


def run_freq(args: argparse.Namespace) -> pd.DataFrame:
    from .frequency import word_frequencies

    corpus = load(args)
    df = word_frequencies(
        corpus,
        by=args.by,
        ngram=args.ngram,
        stopwords=args.stopwords,
        clitics=args.clitics,
        min_count=args.min_count,
    )
    if args.top:
        df = df.groupby(args.by, sort=False).head(args.top) if args.by else df.head(args.top)
    return df.reset_index(drop=True)


def _add_freq(p: argparse.ArgumentParser) -> None:
    p.add_argument("--top", type=_positive, default=None, metavar="N", help="the N most frequent terms (per group)")
    p.add_argument("--ngram", type=_positive, default=1, metavar="N", help="count n-grams of N words (default 1)")
    p.add_argument("--stopwords", action="store_true", help="leave out Arabic stopwords")
    p.add_argument("--clitics", action="store_true", help="split proclitics (و ف ب ك ل ال س) first")


def run_stats(args: argparse.Namespace) -> pd.DataFrame:
    from .frequency import lexical_stats

    return lexical_stats(load(args), by=args.by, clitics=args.clitics)


def _add_stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--clitics", action="store_true", help="split proclitics (و ف ب ك ل ال س) first")


def run_dates(args: argparse.Namespace) -> pd.DataFrame:
    import corpusstats

    return corpusstats.date_mentions(load(args), reference_date=args.reference_date)


def _add_dates(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reference-date",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="anchor for relative dates (أمس, غداً) in documents without a date",
    )


COMMANDS["info"] = Command("the load report: every file, loaded or skipped and why", run_info)
COMMANDS["freq"] = Command("word (or n-gram) frequencies", run_freq, _add_freq, COMMON + ("by", "min_count"))
COMMANDS["stats"] = Command(
    "lexical statistics: tokens, types, type/token ratio, hapax, Zipf fit", run_stats, _add_stats, COMMON + ("by",)
)
COMMANDS["dates"] = Command("date mentions (TIMEX3 values) with offsets into each text", run_dates, _add_dates)


# --- collocations and concordance ------------------------------------------------------


def _add_collocations(p: argparse.ArgumentParser) -> None:
    from .collocations import MEASURES

    p.add_argument("--node", default=None, help="collocates of this word (default: all adjacent pairs)")
    p.add_argument("--window", type=_positive, default=None, help="span in tokens (default 1; 5 with --node)")
    p.add_argument("--measure", choices=list(MEASURES), default="llr", help="association measure to sort by")
    p.add_argument(
        "--min-count", type=_positive, default=2, metavar="N", help="leave out pairs seen fewer times (default 2)"
    )
    p.add_argument("--top", type=_positive, default=None, metavar="N", help="show the N strongest pairs")
    p.add_argument("--stopwords", action="store_true", help="leave out pairs with an Arabic stopword")
    p.add_argument("--clitics", action="store_true", help="split proclitics (و ف ب ك ل ال س) first")


def run_collocations(args: argparse.Namespace) -> pd.DataFrame:
    from .collocations import collocations

    df = collocations(
        load(args),
        node=args.node,
        window=args.window or (5 if args.node else 1),
        min_count=args.min_count,
        measures=[args.measure],
        sort=args.measure,
        stopwords=args.stopwords,
        clitics=args.clitics,
    )
    return df.head(args.top) if args.top else df


def _add_kwic(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY", help="a word or phrase (matched after normalization)")
    p.add_argument("--window", type=_positive, default=5, metavar="N", help="words of context on each side (default 5)")
    p.add_argument("--clitics", action="store_true", help="also find the word with proclitics (والأسد, بالأسد)")
    p.add_argument("--regex", action="store_true", help="each word of QUERY is a regular expression")
    p.add_argument("--sort", default=None, help="left1, right1, left2 ...: sort by a context word")


def run_kwic(args: argparse.Namespace) -> pd.DataFrame:
    import pandas as pd

    from .collocations import kwic

    corpus = load(args)
    return pd.DataFrame(
        kwic(corpus, args.query, window=args.window, clitics=args.clitics, regex=args.regex, sort=args.sort)
    )


COMMANDS["collocations"] = Command(
    "word pairs and a node's collocates, with association measures", run_collocations, _add_collocations
)
COMMANDS["kwic"] = Command("concordance: every match of a word or phrase in its context", run_kwic, _add_kwic)


# --- sources --------------------------------------------------------------------------


def _add_by_source(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", default="source", metavar="COL", help="metadata column to group by (default source)")


def _add_usage(p: argparse.ArgumentParser) -> None:
    p.add_argument("terms", nargs="+", metavar="TERM", help="a word or phrase, or NAME=VARIANT,VARIANT,... (a group)")
    _add_by_source(p)


def run_usage(args: argparse.Namespace) -> pd.DataFrame:
    from .sources import term_usage

    groups: dict[str, list[str]] = {}
    for t in args.terms:
        name, _, rest = t.partition("=")
        groups[name.strip()] = [v.strip() for v in rest.split(",") if v.strip()] if rest else [t]
    return term_usage(load(args), groups, by=args.by)


def _add_keyness(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", required=True, nargs="+", help="group(s) of --by (a source, or its label)")
    p.add_argument("--reference", nargs="+", default=None, help="group(s) to compare with (default: the rest)")
    _add_by_source(p)
    p.add_argument("--top", type=_positive, default=None, metavar="N", help="show the N most key terms")
    p.add_argument(
        "--min-count", type=_positive, default=3, metavar="N", help="test terms seen at least N times (default 3)"
    )


def run_keyness(args: argparse.Namespace) -> pd.DataFrame:
    from .sources import keyness

    corpus = load(args)
    docs = corpus.documents
    names = dict(zip(docs["label"].astype(str), docs[args.by], strict=True)) if "label" in docs else {}
    known = set(docs[args.by].astype(str)) if args.by in docs else set()

    def resolve(values: list[str] | None) -> list[str] | None:  # a label stands for its group
        return None if values is None else [v if v in known else names.get(v, v) for v in values]

    df = keyness(corpus, resolve(args.target), by=args.by, reference=resolve(args.reference), min_count=args.min_count)
    return df.head(args.top) if args.top else df


def run_spelling(args: argparse.Namespace) -> pd.DataFrame:
    from .sources import spelling_variants

    return spelling_variants(load(args), by=args.by)


COMMANDS["usage"] = Command("how often each group uses terms or named term groups", run_usage, _add_usage)
COMMANDS["keyness"] = Command("key terms of a group against the rest (signed G2, log ratio)", run_keyness, _add_keyness)
COMMANDS["spelling"] = Command(
    "written variants per group (final ى/ي, hamza, ة/ه, tanween, digits, quotes)", run_spelling, _add_by_source
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("corpusstats")
    except PackageNotFoundError:  # pragma: no cover (running from a source tree)
        from . import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="corpusstats", description="Arabic corpus statistics.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, cmd in COMMANDS.items():
        p = sub.add_parser(name, help=cmd.help, description=cmd.help)
        p.add_argument("path", metavar="PATH", help="a directory of .txt files (with sources.csv) or one file")
        cmd.add_arguments(p)
        add_shared_options(p, cmd.options)
        p.set_defaults(command_spec=cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        cmd = getattr(args, "command_spec", None)
        if cmd is None:
            raise CliError(f"choose a command: {', '.join(COMMANDS)} (see corpusstats --help)")
        for name in COMMON + ("by", "min_count"):
            if not hasattr(args, name):
                setattr(args, name, None)
        _write(cmd.run(args), args)
        return 0
    except KeyboardInterrupt:  # Ctrl-C: the shell's convention, 128 + SIGINT
        print("corpusstats: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `corpusstats freq seeds | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (CliError, ValueError, TypeError, OSError) as exc:
        print(f"corpusstats: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
