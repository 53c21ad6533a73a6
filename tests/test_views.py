"""Notebook displays: the right-to-left CSS and tables fit for Arabic."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from corpusstats import views

from .conftest import ROOT


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)]


def test_rtl_css_is_the_file_make_lab_loads():
    css = views.rtl_css()
    assert (ROOT / "corpusstats" / "data" / "rtl.css").read_text(encoding="utf-8") == css
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile[makefile.index("\nlab:") :].split("\n\n")[0]
    assert "cp corpusstats/data/rtl.css $(LAB_CONFIG)/custom/custom.css" in lab
    assert "JUPYTER_CONFIG_DIR=$(LAB_CONFIG)" in lab and "--LabApp.custom_css=True" in lab
    # the rules the issue asks for: flush-right Arabic paragraphs, isolated LTR inline code
    assert re.search(r'\[dir="rtl"\] p,.*?text-align: start', css, flags=re.S)
    assert re.search(r'\[dir="rtl"\] code \{\s*direction: ltr;\s*unicode-bidi: isolate;', css)
    html = views.rtl_style()._repr_html_()
    assert html.startswith(f'<style class="{views.RTL_CSS}">') and css in html
    assert f":has(style.{views.RTL_CSS})" in html and "display: none" in html  # no empty output row


def test_table_blanks_rounds_and_keeps_direction():
    df = pd.DataFrame(
        {
            "term": ["في", "موسكو", None],
            "per_10k": [371 * 10_000 / 8519, 1 / 3, float("nan")],
            "share": [0.123456, 2.0, 1.5],
            "date": pd.to_datetime(["2015-10-22", None, "2019-08-20"]),
            "note": ["نص " * 40, "short", None],
        }
    )
    html = views.table(df).to_html()
    cells = _cells(html)
    # 5 columns x 3 rows, row by row; values worked out by hand:
    # 371 * 10,000 / 8,519 = 435.497... -> "435.5" (per_10k: 1 decimal); 1/3 -> "0.3"; share: 2 decimals
    assert cells[0:4] == ["في", "435.5", "0.12", "2015-10-22"]
    assert cells[5:9] == ["موسكو", "0.3", "2.00", ""]
    assert cells[10:12] == ["", ""] and cells[13] == "2019-08-20" and cells[14] == ""
    assert not re.search(r"\b(NaN|NaT|None|nan)\b", html)
    long = cells[4]
    assert long.endswith("…") and len(long) == 80 and long.startswith("نص نص")  # cut at the logical end
    assert "unicode-bidi: plaintext" in html and "text-align: start" in html
    assert ">0<" not in html.split("<tbody>")[1][:200]  # the 0..n-1 index is hidden


def test_table_rejects_bad_input():
    with pytest.raises(TypeError, match="DataFrame"):
        views.table([1, 2])
    with pytest.raises(ValueError, match="decimals"):
        views.table(pd.DataFrame({"a": [1.0]}), decimals=-1)
    with pytest.raises(ValueError, match="max_chars"):
        views.table(pd.DataFrame({"a": ["x"]}), max_chars=1)


def test_import_corpusstats_does_not_load_views():
    import subprocess
    import sys

    code = "import corpusstats, sys; print('corpusstats.views' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
