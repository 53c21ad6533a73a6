"""Fonts for Arabic charts: a family list that prefers good Arabic fonts."""

from __future__ import annotations

import functools

__all__ = ["PREFERRED_FONTS", "FALLBACK_FONT", "font_family", "use_font", "font_path"]

#: Arabic fonts tried first, when installed (Debian: fonts-noto-core, fonts-hosny-amiri).
PREFERRED_FONTS = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic")
#: Bundled with matplotlib, covers Arabic, Latin and digits: always there.
FALLBACK_FONT = "DejaVu Sans"

_current: list[str] | None = None
_saved_rc: list[str] | None = None  # rcParams["font.family"] before the first use_font(name)


@functools.cache
def _installed() -> frozenset[str]:
    from matplotlib import font_manager

    return frozenset(f.name for f in font_manager.fontManager.ttflist)


def _default() -> list[str]:
    names = _installed()
    return [f for f in PREFERRED_FONTS if f in names] + [FALLBACK_FONT]


def font_family(text: str | None = None) -> list[str]:
    """The family list corpusstats charts draw with.

    The first installed of :data:`PREFERRED_FONTS`, then DejaVu Sans (Arabic-only
    fonts lack Latin letters; matplotlib falls back glyph by glyph along the
    list).  :func:`use_font` changes it.

    With ``text`` that has no Arabic letter (a source name such as ``aljazeera``,
    a number), DejaVu Sans comes first: Arabic fonts that do carry Latin letters
    (Noto Naskh Arabic, Amiri) draw them in a serif face with odd spacing.

    >>> font_family("aljazeera")[0]
    'DejaVu Sans'
    """
    families = list(_current) if _current is not None else _default()
    if text is not None and not any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff" for ch in str(text)):
        families = [FALLBACK_FONT] + [f for f in families if f != FALLBACK_FONT]
    return families


def use_font(name: str | None = None) -> list[str]:
    """Draw corpusstats charts (and, via ``rcParams["font.family"]``, your own
    labels) with font family ``name``, DejaVu Sans as the fallback.

    ``name`` may also be the path of a ``.ttf``/``.otf`` file, which is
    registered with matplotlib first.  ``use_font()`` goes back to the
    default list and restores ``rcParams["font.family"]`` as it was before.
    Returns the family list corpusstats charts now use.

    Raises ValueError for a family matplotlib does not know (a font installed
    after matplotlib built its cache needs the cache file removed:
    ``matplotlib.get_cachedir()``).
    """
    import matplotlib
    from matplotlib import font_manager

    global _current, _saved_rc
    if name is None:
        _current = None
        if _saved_rc is not None:
            matplotlib.rcParams["font.family"] = _saved_rc
            _saved_rc = None
        return font_family()
    else:
        if name.lower().endswith((".ttf", ".otf", ".ttc")):
            font_manager.fontManager.addfont(name)
            name = font_manager.FontProperties(fname=name).get_name()
            _installed.cache_clear()
        if name not in _installed():
            raise ValueError(
                f"font family {name!r} is not known to matplotlib; installed Arabic fonts: "
                f"{[f for f in PREFERRED_FONTS if f in _installed()] or 'none'}"
            )
        if _saved_rc is None:
            _saved_rc = list(matplotlib.rcParams["font.family"])
        _current = [name] if name == FALLBACK_FONT else [name, FALLBACK_FONT]
    families = font_family()
    matplotlib.rcParams["font.family"] = families
    return families


def font_path(family: str | None = None) -> str:
    """File that matplotlib uses for ``family`` (default: the first of :func:`font_family`)."""
    from matplotlib import font_manager

    fam = family or font_family()[0]
    return str(font_manager.findfont(font_manager.FontProperties(family=fam), fallback_to_default=False))
