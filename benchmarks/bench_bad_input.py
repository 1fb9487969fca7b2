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
from kit.entities import build_entities
from kit.framing import build_labels
from kit.quotes import build_quotes
from kit.timeline import build_timeline

H = "Headline\n\n"
INPUTS = {
    "unbalanced quotation marks": H
    + "“The water rose fast, the mayor said.\n\nThe town was evacuated. “Again" * 2_000,
    "1 MB paragraph, no punctuation": H + "the word goes on " * 60_000,
    "10,000 quotation marks": H + '"' * 10_000,
    "name-like token x 1,000,000": H + "Smith " * 1_000_000,
    "1 MB of numbers": H + "12 " * 330_000,
}
EXTRACTORS = {
    "entities": build_entities,
    "quotes": lambda a: build_quotes(a.doc, a._built("quote_marks"), a._built("entities")),
    "timeline": build_timeline,
    "labels": build_labels,
}


def timed(fn, article) -> float:
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fn(article)
    return time.perf_counter() - start


def main() -> None:
    for name, text in INPUTS.items():
        start = time.perf_counter()
        article = kit.parse_article(text)
        article.doc  # noqa: B018
        base = time.perf_counter() - start
        cells = []
        for label, fn in EXTRACTORS.items():
            # Each run on a fresh copy, so no cached table helps the next one.
            runs = []
            for _ in range(3):
                fresh = kit.parse_article(text)
                # The spans (and, for the others, the entities and quotation marks) come
                # ready-made: only the extractor itself is timed.
                cache = fresh.__dict__["_cache"] = {"paragraphs": article._paragraphs, "doc": article.doc}
                if label != "entities":
                    cache.update({k: article._built(k) for k in ("entities", "quote_marks")})
                runs.append(timed(fn, fresh))
            cells.append(f"{label} {statistics.median(runs):.2f} s")
        print(f"{name} ({len(text) / 1e6:.1f} MB; sentences+tokens {base:.1f} s): " + ", ".join(cells))


if __name__ == "__main__":
    main()
