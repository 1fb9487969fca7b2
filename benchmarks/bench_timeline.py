"""Benchmark: ``article.timeline`` in characters per second.

Run: python benchmarks/bench_timeline.py  (or: python3 dev.py bench)

Prints the median of several runs (``--runs``, 3 by default) of ``article.timeline``
over fresh articles whose inputs (spans, quote marks, quotes) are built before the
clock starts, the way ``evaluation/timeml.py --speed`` measures it:

1. the kit's own articles: the bundled seed, ``tests/articles`` and ``evaluation``
   (the set read ``--repeat`` times, 5 by default, so that a run lasts long enough);
2. TimeML's development set, TBAQ-cleaned (256 news documents), when
   ``<repo>/../shared/timeml`` (or ``--shared``) holds it; skipped with a message if not.

Aim (issue 11): not slower than the kit was when the issue was filed; run the script
on the two commits back to back on the same machine to compare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))

import kit  # noqa: E402


def own_articles() -> list[tuple[str, str]]:
    """(source, name or path) of the seed and of every test and evaluation article."""
    paths = [
        *sorted((ROOT / "tests" / "articles").glob("*.txt")),
        *sorted((ROOT / "evaluation").rglob("*.txt")),
    ]
    return [(name, name) for name in kit.list_articles()] + [(str(p), str(p)) for p in paths]


def rate(make_articles) -> float:
    """Characters per second of ``article.timeline`` over fresh articles, inputs built first."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = []
        for article in make_articles():
            try:
                article._built("quotes")
            except Exception:  # a batch never stops on one bad item
                continue
            articles.append(article)
        chars = sum(len(a.text) for a in articles)
        start = time.perf_counter()
        for article in articles:
            article.timeline  # noqa: B018
        return chars / (time.perf_counter() - start)


def median_rate(make_articles, runs: int) -> float:
    return statistics.median(rate(make_articles) for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    parser.add_argument("--repeat", type=int, default=5, help="times the kit's own articles are read per run")
    parser.add_argument("--shared", type=Path, default=None, help="the folder holding timeml/")
    args = parser.parse_args(argv)

    own = own_articles()

    def make_own():
        return [kit.load_article(path) for _ in range(args.repeat) for _, path in own]

    rate(lambda: [kit.load_article(path) for _, path in own])  # warm: compiled patterns, lexicons
    print(f"article.timeline, characters per second (median of {args.runs}):")
    print(
        f"  {f'the kit articles ({len(own)}) x {args.repeat}':<34}{median_rate(make_own, args.runs):>10,.0f}"
    )

    import timeml

    shared = args.shared or timeml.default_shared()
    if not (shared / "timeml" / "TBAQ-cleaned").is_dir():
        print(f"  TBAQ-cleaned: not found in {shared / 'timeml'}, skipped")
        return 0
    docs = timeml.documents(shared)

    def make_tbaq():
        return [timeml.article_of(d) for d in docs]

    print(f"  {f'TBAQ-cleaned ({len(docs)} documents)':<34}{median_rate(make_tbaq, args.runs):>10,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
