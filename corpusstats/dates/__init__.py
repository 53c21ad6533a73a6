"""Date mentions in Arabic text: finding, resolving and normalizing them.

``date_mentions`` finds every temporal expression in a text, a DataFrame of
documents or a :class:`~corpusstats.corpus.Corpus`, and returns one row per
mention with TIMEX3-style values (TimeML's ``DATE``, ``TIME``, ``DURATION`` and
``SET`` types)::

    >>> m = date_mentions("زار الأسد موسكو يوم الثلاثاء 20 أكتوبر - تشرين الأول",
    ...                   reference_date="2015-10-22")
    >>> m.loc[0, ["text", "value"]].tolist()
    ['يوم الثلاثاء 20 أكتوبر - تشرين الأول', '2015-10-20']

How it works
------------
The text is *folded* into a matching copy (alef variants → ا, ى → ي,
Arabic-Indic digits → ASCII, presentation forms → base letters; harakat,
tatweel, bidi controls and zero-width characters dropped) while keeping a map
from every folded character back to its original offset, so every reported
``start``/``end`` points into the untouched original text (diacritics and all).

The folded copy is split into word, number and punctuation tokens, and a small
hand-written grammar is tried at every token, longest match first: calendar
dates (three Gregorian month-name systems, paired or alone, Hijri months with
هـ, weekdays, ordinal days, years, time of day), numeric dates, deictic words
(أمس، اليوم، غداً، الليلة) with parts of the day, relative periods (الشهر
الماضي، العام المقبل), quarters, halves and seasons, "ago" expressions,
durations and sets.  Words are looked up after removing the proclitics و ف ب
ل ك, and always as whole tokens, so الاحداث, آبار, ممارسة or وقتل never fire.

Relative expressions resolve against the document's anchor: the manifest's
``anchor_date`` when present and not null, else its ``date``, else
``reference_date``.  A weekday on its own goes to the past (or today) unless
its clause carries a future marker (سوف, سـ + imperfect, غداً, المقبل,
a clause-initial imperfect verb such as يزور, an imperfect right before the day as
in يكون الثلاثاء, or, with only particles before the day, an imperfect right after it
as in الثلاثاء يصل الوفد), in which case it goes forward.  Ages (عن عمر يناهز 82 عاماً)
are never durations; compound durations and clock times (ثلاث ساعات و20 دقيقة,
الساعة السادسة وخمس دقائق صباحاً) are one mention each.

Lexicons live in ``corpusstats/data/dates/*.tsv`` and are read lazily (on the
first call) with :mod:`importlib.resources`, then cached.

The package
-----------
``api`` (``find_dates``, ``date_mentions``) · ``parser`` (the loop and the ``RULES`` registry) ·
``rules/`` (one rule family per module: calendar, numeric, clock, deictic, periods, durations,
sets, years, vague, holidays) · ``tense`` (clause and tense heuristics) · ``context`` (what one
mention lends another; compounds) · ``values`` (calendar arithmetic, TIMEX3 values) ·
``lexicon`` (the word tables in ``corpusstats/data/dates/*.tsv`` and the pre-filter's triggers) ·
``aggregate`` (periods and counts for charts). The notebook views (``highlight_html``,
``DateView``) live in :mod:`corpusstats.views`.
"""

from __future__ import annotations

from .aggregate import mention_periods, month_source_counts
from .api import COLUMNS, date_mentions, find_dates
from .lexicon import fold

__all__ = [
    "COLUMNS",
    "date_mentions",
    "find_dates",
    "fold",
    "mention_periods",
    "month_source_counts",
]
