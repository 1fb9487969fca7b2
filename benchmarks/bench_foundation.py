"""Benchmarks for the foundation: import time, the seed's tables, throughput.

Run: python benchmarks/bench_foundation.py  (or: python3 dev.py bench)

Prints medians of several runs:
1. cold ``import pandas`` and cold ``import kit`` (each in a fresh interpreter);
2. ``load_article()`` plus its sentences and tokens tables for the seed, warm;
3. sentences and tokens over 1,000 generated articles on one core.
Aims (issue 2): import kit adds under 0.3 s to import pandas; the seed under
20 ms warm; at least 200 articles per second.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402

RUNS = 5


def cold_import(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout)


def seed_tables() -> float:
    start = time.perf_counter()
    article = kit.load_article()
    article.sentences  # noqa: B018
    article.tokens  # noqa: B018
    return time.perf_counter() - start


VOCAB = (
    "the government said officials on Monday a statement attack forces city police Mr. Dr. U.S. Gen."
    " minister reported that were was in of and to for with after before its their new two three 1:45 p.m."
).split()
NAMES = ["Maria Lopez", "John Smith", "Aisha Khan", "Chen Wei", "Olu Adeyemi"]


def generated_article(rng: random.Random) -> str:
    headline = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(5, 12))).capitalize()
    paragraphs = []
    for _ in range(rng.randint(6, 16)):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            words = [rng.choice(VOCAB) for _ in range(rng.randint(8, 30))]
            sentence = " ".join(words).capitalize() + "."
            if rng.random() < 0.3:
                sentence = f"“{sentence[:-1]},” {rng.choice(NAMES)} said."
            sentences.append(sentence)
        paragraphs.append(" ".join(sentences))
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def throughput(texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        article = kit.parse_article(text)
        article.sentences  # noqa: B018
        article.tokens  # noqa: B018
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    pandas_s = statistics.median(cold_import("pandas") for _ in range(RUNS))
    kit_s = statistics.median(cold_import("kit") for _ in range(RUNS))
    print(
        f"cold import pandas: {pandas_s:.3f} s; cold import kit: {kit_s:.3f} s; kit adds {kit_s - pandas_s:.3f} s"
    )

    seed_tables()  # warm up: regexes compiled, lexicons read
    warm = statistics.median(seed_tables() for _ in range(50))
    print(f"seed load_article() + sentences + tokens, warm: {warm * 1000:.1f} ms (median of 50)")

    rng = random.Random(20231226)
    texts = [generated_article(rng) for _ in range(1000)]
    n_sentences = sum(len(kit.parse_article(t).sentences) for t in texts[:50]) / 50
    rates = [throughput(texts) for _ in range(3)]
    print(
        f"1,000 generated articles (about {n_sentences:.0f} sentences each), one core:"
        f" {statistics.median(rates):.0f} articles/s (median of 3)"
    )


if __name__ == "__main__":
    main()
