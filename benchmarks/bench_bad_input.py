"""How long each extractor takes on pathological input (issue 3: each under a second).

Run: python benchmarks/bench_bad_input.py  (or: python3 dev.py bench)

For each bad input, the article is parsed and its sentences and tokens built
first (their cost is the foundation's, reported separately); then each
extractor runs on it alone. Prints the median of 3 runs per extractor.
The tests only guard against hangs; this script gives the figures.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kit

H = "Headline\n\n"
INPUTS = {
    "unbalanced quotation marks": H
    + "“The water rose fast, the mayor said.\n\nThe town was evacuated. “Again" * 2_000,
    "1 MB paragraph, no punctuation": H + "the word goes on " * 60_000,
    "10,000 quotation marks": H + '"' * 10_000,
    "name-like token x 1,000,000": H + "Smith " * 1_000_000,
    "1 MB of numbers": H + "12 " * 330_000,
    "8,000 complement statements": H + "Hale described the plan as a scam, calling it a disaster. " * 4_000,
}
EXTRACTORS = ("entities", "quotes", "timeline", "labels")
"""The tables timed; each is built with what it reads (the quotes' entities given)."""


def timed(table: str, article) -> float:
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article.table(table)
    return time.perf_counter() - start


def main() -> None:
    for name, text in INPUTS.items():
        start = time.perf_counter()
        article = kit.parse_article(text)
        article.doc  # noqa: B018  (paragraphs, sentences and tokens)
        base = time.perf_counter() - start
        cells = []
        for label in EXTRACTORS:
            # Each run on a fresh copy, so no cached table helps the next one.
            runs = []
            for _ in range(3):
                fresh = kit.parse_article(text)
                # ... sharing only the spans (and the entities, for the quotes)
                fresh.__dict__["_cache"].update(doc=article.doc)
                if label != "entities":
                    fresh.__dict__["_cache"]["entities"] = article.table("entities")
                runs.append(timed(label, fresh))
            cells.append(f"{label} {statistics.median(runs):.2f} s")
        print(f"{name} ({len(text) / 1e6:.1f} MB; sentences+tokens {base:.1f} s): " + ", ".join(cells))


if __name__ == "__main__":
    main()
