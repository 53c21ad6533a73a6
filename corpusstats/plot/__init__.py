"""Arabic-aware charts for corpusstats statistics.

Example (``freq`` from :func:`corpusstats.word_frequencies`)::

    from corpusstats import plot
    ax = plot.frequencies(freq, n=12)
    ax.set_xlabel(plot.arabic("عدد المرات"))

* :func:`arabic` turns any label into what the active matplotlib renderer
  needs: unchanged logical text where matplotlib shapes Arabic itself
  (>= 3.11 with libraqm), pre-shaped visual text where it does not (3.8-3.10,
  cairo backends).  Use it for your own titles and labels too.
* :func:`use_font` / :func:`font_family`: the fonts charts draw with (a good
  Arabic font when installed, DejaVu Sans always as the fallback).
* Charts take the DataFrame of the matching statistic and ``ax=None``, draw,
  and return the Axes; none calls ``show()``: :func:`frequencies`,
  :func:`zipf`, :func:`compare_sources`, :func:`wordcloud`; collocations:
  :func:`collocates`, :func:`collocation_network`; dates: :func:`timeline`,
  :func:`month_heatmap`; sources: :func:`term_heatmap`, :func:`keyness`,
  :func:`dispersion`, :func:`spelling`.

All Arabic shaping for matplotlib in corpusstats lives in this package.
"""

from __future__ import annotations

from ._charts import build_wordcloud, compare_sources, frequencies, wordcloud, zipf
from ._fonts import FALLBACK_FONT, PREFERRED_FONTS, font_family, font_path, use_font
from ._text import arabic, backend_kind, has_arabic, renderer_shapes, starts_rtl, visual_order
from .collocations import collocates, collocation_network
from .dates import month_heatmap, timeline
from .sources import dispersion, keyness, spelling, term_heatmap

__all__ = [
    "FALLBACK_FONT",
    "PREFERRED_FONTS",
    "arabic",
    "backend_kind",
    "build_wordcloud",
    "collocates",
    "collocation_network",
    "compare_sources",
    "dispersion",
    "font_family",
    "font_path",
    "frequencies",
    "has_arabic",
    "keyness",
    "renderer_shapes",
    "starts_rtl",
    "use_font",
    "visual_order",
    "month_heatmap",
    "spelling",
    "term_heatmap",
    "timeline",
    "wordcloud",
    "zipf",
]
