"""A generated corpus for the benchmarks: seed-corpus words with their own frequencies plus a long tail.

``write_corpus(folder, megabytes, files=200)`` writes ``files`` UTF-8 ``.txt`` files of about
``megabytes`` MB in all, and a ``sources.csv`` (seven sources). Sentences of 6-25 words drawn
from the seeds' running words (so frequent words stay frequent), with one word in fifty made
new (a seed word with two random Arabic letters added), so the vocabulary keeps growing as real
corpora do. The same arguments always write the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def seed_words() -> list[str]:
    import corpusstats as cs

    corpus = cs.load_corpus(ROOT / "seeds")
    return [t for _, text in corpus.texts() for t in cs.tokenize(text, normalize=False)]


def write_corpus(folder: str | Path, megabytes: float, *, files: int = 200, seed: int = 0) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    words = seed_words()
    rng = random.Random(seed)
    per_file = int(megabytes * 1_000_000 / files)
    rows = ["file,source,date"]
    for i in range(files):
        parts: list[str] = []
        size = 0
        while size < per_file:
            k = rng.randint(6, 25)
            sentence = rng.choices(words, k=k)
            for j in range(k):
                if rng.random() < 0.02:
                    sentence[j] = sentence[j] + rng.choice(LETTERS) + rng.choice(LETTERS)
            line = " ".join(sentence) + rng.choice([".", ".", "،", "؟", ".\n"]) + " "
            parts.append(line)
            size += len(line.encode("utf-8"))
        name = f"doc{i:04d}.txt"
        (folder / name).write_text("".join(parts), encoding="utf-8")
        rows.append(f"{name},s{i % 7},2015-10-{1 + i % 28:02d}")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder
