"""Dump every table of every bundled, test and evaluation article to a folder.

Used to prove that a refactoring changes no table: dump before, dump after,
compare the two folders (``diff -r before after`` or ``--compare``).

    python scripts/dump_tables.py OUT_DIR
    python scripts/dump_tables.py --compare BEFORE AFTER

Each table is written as CSV (``<article>/<table>.csv``), with the dtypes in
a first comment line, so a change of dtype shows too. Articles include the
seed with and without its actor annotation, every ``tests/articles/*.txt`` and
every ``evaluation/**/*.txt``; the functions that return tables
(``infer_published``, ``check_order``, ``headline_vs_body``, ``outlet_labels``)
are dumped for each article where they apply.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TABLES = (
    "parts",
    "sentences",
    "tokens",
    "quote_marks",
    "entities",
    "entity_registry",
    "quotes",
    "claims",
    "timeline",
    "events",
    "event_constraints",
    "labels",
)


def _write(frame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dtypes = ",".join(f"{c}:{t}" for c, t in frame.dtypes.astype(str).items())
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# {dtypes}\n")
        frame.to_csv(fh, index=False, lineterminator="\n")


def _articles():
    import kit

    yield "seed", kit.load_article()
    for path in sorted((ROOT / "tests" / "articles").glob("*.txt")):
        yield f"tests-{path.stem}", kit.load_article(path)
    for path in sorted((ROOT / "evaluation").rglob("*.txt")):
        rel = path.relative_to(ROOT / "evaluation").with_suffix("")
        yield "eval-" + "-".join(rel.parts), kit.load_article(path)


def dump(out: Path) -> int:
    import kit

    count = 0
    for name, article in _articles():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for table in TABLES:
                _write(article.table(table), out / name / f"{table}.csv")
                count += 1
            published = kit.infer_published(article)
            _write(
                published if hasattr(published, "to_csv") else published.clues,
                out / name / "fn-infer_published.csv",
            )
            _write(kit.headline_vs_body(article), out / name / "fn-headline_vs_body.csv")
            events = article.events
            order = list(events["event_id"])[::-1]
            _write(kit.check_order(article, order), out / name / "fn-check_order.csv")
    _write(kit.outlet_labels(), out / "fn-outlet_labels.csv")
    print(f"wrote {count} tables to {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    old = {p.relative_to(before) for p in before.rglob("*.csv")}
    new = {p.relative_to(after) for p in after.rglob("*.csv")}
    problems = [f"only in before: {p}" for p in sorted(old - new)]
    problems += [f"only in after: {p}" for p in sorted(new - old)]
    problems += [
        f"differs: {p}" for p in sorted(old & new) if not filecmp.cmp(before / p, after / p, shallow=False)
    ]
    files = len(old)
    for p in problems:
        print(p)
    print(f"{files} files compared: {'identical' if not problems else f'{len(problems)} differences'}")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two dumps instead of writing one")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.paths)
    return dump(args.paths[0])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
