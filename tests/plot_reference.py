"""Honest shaping checks for chart labels: compare with a HarfBuzz reference.

The reference is Pillow's ImageFont with ``Layout.RAQM`` (libraqm: HarfBuzz
shaping + FriBiDi) and the same font file matplotlib used.  A rendering is
cropped to its ink, scaled to one height, blurred a little and compared with
normalized cross-correlation (NCC) against

* the correct reference (the logical string, right-to-left paragraph), and
* two deliberately wrong ones: *reversed* (the reshape+bidi recipe drawn by a
  shaping engine, what matplotlib 3.11 shows for the old recipe) and
  *unshaped* (isolated letters left to right, what matplotlib 3.10 shows for a
  raw string; Pillow's basic layout).

A label counts as correctly shaped when it matches the correct reference well
and better than both wrong ones by a margin.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageFont, features

from corpusstats.plot._text import visual_order

HEIGHT = 40  # px, common height after scaling
BLUR = 1.0  # px, Gaussian radius at that height
REF_SIZE = 72  # px, font size of the reference renderings
MIN_SCORE = 0.80  # NCC with the correct reference (3.10 stacks shadda+fatha loosely: ~0.84)
MARGIN = 0.10  # over the best wrong reference that differs from the right one

RAQM_OK = features.check("raqm")


@functools.cache
def cairo_problem() -> str | None:
    """Why cairo cannot be used (None when it can): cairocffi raises OSError, not
    ImportError, when the system library libcairo2 is missing."""
    try:
        import cairocffi  # noqa: F401  (cairosvg and matplotlib's cairo backend use it)
    except (ImportError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


def require_cairo() -> None:
    """Skip locally, fail under CI, when libcairo2 (SVG rasterizing, the cairo backend) is missing."""
    from .conftest import require

    require(cairo_problem(), "rendering with cairo", "the Debian package libcairo2 (apt-get install libcairo2)")


def require_raqm() -> None:
    """Skip locally, fail under CI, when Pillow cannot lay out with raqm (the HarfBuzz reference)."""
    from .conftest import require

    require(
        None if RAQM_OK else "Pillow has no raqm layout",
        "the HarfBuzz reference (Pillow with raqm)",
        "the Debian package libfribidi0 (apt-get install libfribidi0)",
    )


@dataclass(frozen=True)
class Verdict:
    correct: float
    reversed: float
    unshaped: float

    @property
    def best_wrong(self) -> float:
        return max(self.reversed, self.unshaped)

    @property
    def ok(self) -> bool:
        return self.correct >= MIN_SCORE and self.correct >= self.best_wrong + MARGIN

    def __str__(self) -> str:
        return f"correct={self.correct:.3f} reversed={self.reversed:.3f} unshaped={self.unshaped:.3f}"


def ink_crop(gray: np.ndarray, thresh: int = 160) -> np.ndarray:
    """Crop a grayscale image (0 black .. 255 white) to the box of its dark pixels."""
    mask = gray < thresh
    if not mask.any():
        raise ValueError("no ink")
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return gray[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _normalize(gray: np.ndarray, width: int | None = None) -> np.ndarray:
    """Ink crop → height HEIGHT (and ``width`` if given) → blur → ink as float in [0, 1]."""
    crop = ink_crop(gray)
    h, w = crop.shape
    if width is None:
        width = max(1, round(w * HEIGHT / h))
    img = Image.fromarray(crop).resize((width, HEIGHT), Image.Resampling.LANCZOS)
    img = img.filter(ImageFilter.GaussianBlur(BLUR))
    return 1.0 - np.asarray(img, dtype=float) / 255.0


def ncc(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den else 0.0


def compare(candidate: np.ndarray, reference: np.ndarray) -> float:
    """NCC of two ink images after scaling both to the reference's box.

    A candidate whose aspect ratio differs from the reference's by more than
    35 % is a different text: score 0.  One global comparison on purpose: it
    also catches spacing errors (a stray gap shifts everything after it).
    """
    ref = _normalize(reference)
    crop = ink_crop(candidate)
    ratio = (crop.shape[1] / crop.shape[0]) / (ref.shape[1] / ref.shape[0])
    if not 1 / 1.35 <= ratio <= 1.35:
        return 0.0
    return ncc(_normalize(candidate, width=ref.shape[1]), ref)


@functools.lru_cache(maxsize=512)
def _pillow(text: str, font: str, raqm: bool, direction: str | None) -> np.ndarray:
    layout = ImageFont.Layout.RAQM if raqm else ImageFont.Layout.BASIC
    f = ImageFont.truetype(font, REF_SIZE, layout_engine=layout)
    kw = {"direction": direction} if direction else {}
    left, top, right, bottom = f.getbbox(text, **kw)
    img = Image.new("L", (right - left + 40, bottom - top + 40), 255)
    from PIL import ImageDraw

    ImageDraw.Draw(img).text((20 - left, 20 - top), text, font=f, fill=0, **kw)
    arr = np.asarray(img)
    arr.setflags(write=False)
    return arr


def reference(text: str, font: str) -> np.ndarray:
    """HarfBuzz rendering of the logical ``text`` (paragraph direction from its first strong letter)."""
    return _pillow(text, font, True, None)


def reversed_reference(text: str, font: str) -> np.ndarray:
    """The old recipe drawn by a shaping engine: what 3.11 shows for reshape+bidi."""
    return _pillow(visual_order(text), font, True, None)


def unshaped_reference(text: str, font: str) -> np.ndarray:
    """Isolated letters, left to right: what a non-shaping renderer shows for raw text."""
    return _pillow(text, font, False, None)


@functools.lru_cache(maxsize=512)
def distinguishable(text: str, font: str) -> tuple[bool, bool]:
    """Do the reversed and the unshaped renderings of ``text`` differ from the right one?

    Not always: "لا" is one ligature glyph, the same reversed.  A wrong
    rendering that looks like the right one cannot be told apart, and is
    not held against a candidate.
    """
    ref = reference(text, font)
    return (
        compare(reversed_reference(text, font), ref) < MIN_SCORE,
        compare(unshaped_reference(text, font), ref) < MIN_SCORE,
    )


def verdict(candidate: np.ndarray, text: str, font: str) -> Verdict:
    """Scores of ``candidate`` against the right and the wrong references.

    A wrong reference that ``distinguishable`` finds identical to the right one
    scores -1 (never blocks the verdict).
    """
    rev_ok, unsh_ok = distinguishable(text, font)
    return Verdict(
        compare(candidate, reference(text, font)),
        compare(candidate, reversed_reference(text, font)) if rev_ok else -1.0,
        compare(candidate, unshaped_reference(text, font)) if unsh_ok else -1.0,
    )


# --- rasterizing matplotlib output -------------------------------------------------


def to_gray(img: Image.Image) -> np.ndarray:
    """Flatten onto white and convert to 8-bit grayscale."""
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        bg = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(bg, img)
    return np.asarray(img.convert("L"))


def raster(fig, fmt: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Save ``fig`` as ``fmt`` (png, pdf, svg) and rasterize the file at ``fig.dpi``.

    PNG through Agg itself; PDF with pdfium (pypdfium2); SVG (glyphs as paths)
    with cairosvg.  The pixel grid is the figure's display grid, so Text
    window extents locate each label in every format.
    """
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=fig.dpi)
    data = buf.getvalue()
    if fmt == "png":
        img = Image.open(io.BytesIO(data))
    elif fmt == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        img = pdf[0].render(scale=fig.dpi / 72).to_pil()
        pdf.close()
    elif fmt == "svg":
        require_cairo()
        import cairosvg

        w, h = fig.canvas.get_width_height()
        png = cairosvg.svg2png(bytestring=data, output_width=w, output_height=h, background_color="white")
        img = Image.open(io.BytesIO(png))
    else:  # pragma: no cover
        raise ValueError(fmt)
    return to_gray(img)


def crop_artist(gray: np.ndarray, artist, renderer, pad: int = 2) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The part of a rasterized figure covered by ``artist``'s window extent."""
    bb = artist.get_window_extent(renderer)
    h = gray.shape[0]
    x0 = max(0, int(np.floor(bb.x0)) - pad)
    x1 = min(gray.shape[1], int(np.ceil(bb.x1)) + pad)
    y0 = max(0, int(np.floor(h - bb.y1)) - pad)
    y1 = min(h, int(np.ceil(h - bb.y0)) + pad)
    return gray[y0:y1, x0:x1]
