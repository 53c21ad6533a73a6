"""Arabic text for matplotlib: decide whether the renderer shapes, and prepare labels.

This module is the only place in corpusstats that knows about Arabic shaping
for charts.  Two worlds exist:

* matplotlib >= 3.11 lays text out with libraqm (HarfBuzz + SheenBidi) in Agg,
  PDF, PS and SVG (``svg.fonttype="path"``).  A raw Arabic string comes out
  joined and right-to-left; the old recipe ``get_display(reshape(s))`` comes
  out *reversed* there.
* matplotlib 3.8-3.10, and the cairo backends of every version, draw one glyph
  per code point from left to right.  There the label must be pre-shaped
  (arabic_reshaper: contextual presentation forms, lam-alef ligatures) and put
  in visual order (the Unicode bidi algorithm).

:func:`arabic` returns the string to hand to matplotlib for the renderer in
use.  The decision is made once per process and renderer kind (a tiny probe
render, cached), so calling it for every tick label is cheap.

Bidi controls make the result right in the places matplotlib does *not* lay
text out itself, i.e. SVG with ``svg.fonttype="none"``, where the browser
shapes with a left-to-right base direction:

* shaping renderer: ``RLE + text + PDF`` (an explicit right-to-left
  embedding; raqm honours it and draws the controls as nothing);
* non-shaping renderer, only while ``rcParams["svg.fonttype"] == "none"``:
  ``LRO + visual + PDF`` (a left-to-right override, so a browser keeps the
  pre-computed visual order instead of reordering it again).  Not otherwise,
  since matplotlib < 3.11 draws the controls with whatever glyph the font has
  for them (empty in DejaVu Sans, a dotted box in Amiri).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from corpusstats.arabic import ARABIC_LETTERS

__all__ = ["arabic", "renderer_shapes", "backend_kind", "has_arabic", "starts_rtl", "visual_order"]

RLE = "\u202b"  # RIGHT-TO-LEFT EMBEDDING
LRO = "\u202d"  # LEFT-TO-RIGHT OVERRIDE
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING
LRE = "\u202a"  # LEFT-TO-RIGHT EMBEDDING

# Letters of the Arabic script (strong right-to-left), as corpusstats.arabic
# defines them, presentation forms included.  Arabic-Indic digits are numbers,
# not letters: a label of digits alone needs no help.
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
# A signed number at the start or after a space/bracket: "-5", "+3.5".  Bidi
# puts the minus after the number in a right-to-left paragraph ("5-"); an
# LRE…PDF embedding keeps sign and digits one left-to-right run.  (An LRM
# would do too, but matplotlib 3.11's PDF backend draws it as a gap;
# LRI…PDI is not understood by the pure-Python bidi used for pre-shaping.)
_SIGNED_NUMBER = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[«]))([-+\u2212][0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
)
# An unescaped dollar sign (matplotlib would start mathtext with two of them).
_DOLLAR = re.compile(r"(?<!\\)\$")

_PROBE_TEXT = "\u0627\u0628\u0628\u0628"  # "اببب": alef + three behs

Kind = Literal["agg", "cairo"]


def has_arabic(text: str) -> bool:
    """True when ``text`` contains an Arabic letter.

    >>> has_arabic("عام 2015"), has_arabic("2015"), has_arabic("٢٠١٥")
    (True, False, False)
    """
    return _ARABIC_LETTER.search(text) is not None


def starts_rtl(line: str) -> bool:
    """Is ``line`` a right-to-left paragraph by Unicode's rule (its first strong letter)?

    >>> starts_rtl("عام 2015"), starts_rtl("2015 عام"), starts_rtl("BBC عربي")
    (True, True, False)
    """
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def backend_kind(backend: str | None = None) -> Kind:
    """Which family of renderer a matplotlib backend name belongs to.

    Every backend whose name mentions cairo (``cairo``, ``gtk4cairo``,
    ``qtcairo`` …) draws text with cairo's toy text API and is ``"cairo"``;
    all others (Agg and the interactive ``*agg`` backends, pdf, ps, svg,
    inline) lay text out with matplotlib's own FreeType code and are
    ``"agg"``.  ``None`` means the active backend; an unresolved automatic
    backend counts as Agg (that is what it resolves to headless and in
    Jupyter).
    """
    if backend is None:
        import matplotlib

        getter = getattr(matplotlib.rcParams, "_get_backend_or_none", None)
        value = getter() if getter else dict.__getitem__(matplotlib.rcParams, "backend")
        backend = value if isinstance(value, str) else None  # an unresolved "auto" backend
    if backend and "cairo" in backend.lower():
        return "cairo"
    return "agg"


@functools.cache
def _probe(kind: Kind) -> bool:
    """Render "اببب" with the given renderer and look at it.

    A shaping renderer joins the three behs into one stroke and puts the alef
    (the tallest letter) at the right end: two ink blobs, the tallest on the
    right.  A non-shaping one draws four separate letters with the alef on the
    left.
    """
    import numpy as np
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1.6, 0.6), dpi=100)
    fig.text(0.5, 0.5, _PROBE_TEXT, fontsize=24, ha="center", va="center", family="DejaVu Sans", parse_math=False)
    if kind == "cairo":
        import io

        from matplotlib.backends.backend_cairo import FigureCanvasCairo
        from PIL import Image

        buf = io.BytesIO()
        FigureCanvasCairo(fig).print_png(buf)
        rgb = np.asarray(Image.open(buf).convert("RGB"))
    else:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    ink = rgb.min(axis=2) < 128
    cols = ink.any(axis=0)
    runs: list[tuple[int, int]] = []
    start = None
    for x, on in enumerate(cols):
        if on and start is None:
            start = x
        elif not on and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(cols)))
    if not runs:
        return False
    tops = [int(np.argmax(ink[:, a:b].any(axis=1))) for a, b in runs]
    tallest = tops.index(min(tops))
    return len(runs) <= 2 and tallest == len(runs) - 1


def _flag(kind: Kind) -> bool:
    """What the installed matplotlib says about itself, without rendering."""
    if kind == "cairo":
        return False
    from matplotlib import ft2font

    return hasattr(ft2font, "__libraqm_version__")


@functools.cache
def renderer_shapes(backend: str | None = None) -> bool:
    """Does the renderer behind ``backend`` (default: the active one) shape Arabic?

    Decided by a ~1 ms probe render, once per process and renderer kind; if
    the probe cannot run (no cairo library, say) the libraqm flag of
    ``matplotlib.ft2font`` decides.
    """
    kind = backend_kind(backend)
    try:
        return _probe(kind)
    except Exception:  # pragma: no cover - depends on optional system libraries
        return _flag(kind)


@functools.cache
def _reshaper():  # type: ignore[no-untyped-def]
    import arabic_reshaper

    # Keep harakat (the renderer can draw them); only the lam-alef ligatures,
    # which every Arabic font has, not the "Allah" word ligature that many
    # fonts lack.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False})


def visual_order(line: str) -> str:
    """Pre-shape one line and put it in visual (left-to-right) order.

    Contextual forms and lam-alef ligatures from arabic_reshaper (harakat
    kept), then the bidi algorithm, the paragraph direction given by the
    first strong letter (:func:`starts_rtl`).  The
    pure-Python ``bidi.algorithm`` is used on purpose: it mirrors brackets and
    guillemets in right-to-left runs, which python-bidi's Rust ``get_display``
    (0.6) does not.
    """
    from bidi.algorithm import get_display

    return str(get_display(_reshaper().reshape(line), base_dir="R" if starts_rtl(line) else "L"))


def _svg_text_left_to_viewer() -> bool:
    import matplotlib

    return bool(matplotlib.rcParams["svg.fonttype"] == "none")


def _escape_math(text: str) -> str:
    return _DOLLAR.sub(r"\\$", text)


def arabic(text: object, *, backend: str | None = None, escape_math: bool = True) -> str:
    """Return ``text`` ready to be drawn by matplotlib, Arabic shaped and in order.

    Strings without an Arabic letter come back unchanged (apart from
    ``escape_math``).  Each line's direction follows Unicode's paragraph rule,
    its first strong letter: "عام 2015" reads right to left, "BBC عربي" left
    to right, as matplotlib 3.11, Pillow and browsers (``dir="auto"``) do.

    * where the renderer shapes (matplotlib >= 3.11, not cairo) the logical
      text is kept; a right-to-left line is wrapped in RLE…PDF so that SVG
      text left to a browser (``svg.fonttype="none"``, left-to-right by
      default) keeps its order too;
    * elsewhere a line with Arabic is pre-shaped and reordered
      (:func:`visual_order`); when ``rcParams["svg.fonttype"]`` is ``"none"``
      it is also wrapped in LRO…PDF, so that a browser shows the visual order
      as it is.  (Only then: without libraqm, matplotlib draws the controls
      with the font's glyph for them, which some fonts, Amiri for one, make
      visible.)

    Harakat are kept.  A signed number ("-5") is wrapped in LRE…PDF so the
    sign stays in front of its digits.  ``$`` is escaped (``\\$``) so that matplotlib
    never switches to mathtext, which cannot shape; matplotlib removes the
    backslash when it draws.  Pass ``escape_math=False`` if the label goes to
    a Text created with ``parse_math=False``.

    ``backend`` names the matplotlib backend the label is meant for (default:
    the active one).  Use it when a figure is drawn by a backend other than
    the active one, e.g. ``arabic(s, backend="cairo")``.
    """
    s = str(text)
    if has_arabic(s):
        s = _SIGNED_NUMBER.sub(LRE + r"\1" + PDF, s)
        if renderer_shapes(backend_kind(backend)):
            s = "\n".join(RLE + line + PDF if starts_rtl(line) else line for line in s.split("\n"))
        else:
            wrap = _svg_text_left_to_viewer()
            s = "\n".join(
                (LRO + visual_order(line) + PDF if wrap else visual_order(line)) if has_arabic(line) else line
                for line in s.split("\n")
            )
    return _escape_math(s) if escape_math else s
