"""Collocation charts on small hand-made tables: DataFrame in, Axes out."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpusstats import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close():  # type: ignore[no-untyped-def]
    yield
    plt.close("all")


def node_table() -> pd.DataFrame:
    # موسكو with three collocates before it and two after it; llr values chosen by hand
    rows = [
        ("left", "الاسد", "الأسد", 40.0),
        ("left", "بشار", "بشار", 22.0),
        ("left", "زيارة", "زيارة", 12.0),
        ("right", "امس", "أمس", 17.0),
        ("right", "ودمشق", "ودمشق", 15.0),
    ]
    return pd.DataFrame(
        {
            "w1": "موسكو",
            "w2": [r[1] for r in rows],
            "form1": "موسكو",
            "form2": [r[2] for r in rows],
            "position": [r[0] for r in rows],
            "o11": [10, 7, 5, 3, 3],
            "f1": 48,
            "f2": [77, 24, 25, 4, 5],
            "n": 8519,
            "llr": [r[3] for r in rows],
        }
    )


def test_collocates_puts_words_before_the_node_on_the_right():
    ax = plot.collocates(node_table(), n=2)
    bars = ax.patches
    assert len(bars) == 4  # two strongest on each side
    widths = sorted(b.get_width() for b in bars)
    assert widths == [-17.0, -15.0, 22.0, 40.0]  # after: drawn leftwards; before: rightwards
    texts = {t.get_text(): t.get_position()[0] for t in ax.texts}
    assert texts[plot.arabic("الأسد")] > 0 and texts[plot.arabic("أمس")] < 0
    assert plot.arabic("زيارة") not in texts  # third on its side, n=2
    assert ax.get_title() == plot.arabic("أقوى الكلمات المصاحبة لكلمة «موسكو»")


def test_collocates_without_node_draws_pairs():
    df = node_table().drop(columns="position")
    ax = plot.collocates(df, n=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [plot.arabic(f"موسكو {w}") for w in ("الأسد", "بشار", "أمس")]


def test_collocates_rejects_two_nodes_and_missing_measure():
    df = node_table()
    two = pd.concat([df, df.assign(w1="بوتين", form1="بوتين")])
    with pytest.raises(ValueError, match="one node"):
        plot.collocates(two)
    with pytest.raises(ValueError, match="pmi"):
        plot.collocates(df, measure="pmi")
    with pytest.raises(ValueError, match="one group"):
        plot.collocates(df.assign(source=["a", "b", "a", "b", "a"]))


def test_network_labels_every_word_once_and_is_deterministic():
    df = node_table()
    ax1 = plot.collocation_network(df, n=4)
    words = {t.get_text() for t in ax1.texts}
    assert words == {plot.arabic(w) for w in ("موسكو", "الأسد", "بشار", "أمس", "ودمشق")}
    assert len(ax1.texts) == 5
    assert len(ax1.collections[0].get_segments()) == 4  # one line per pair
    pos1 = sorted((t.get_text(), t.get_position()) for t in ax1.texts)
    plt.close("all")
    ax2 = plot.collocation_network(df.sample(frac=1, random_state=3), n=4)
    assert sorted((t.get_text(), t.get_position()) for t in ax2.texts) == pos1
