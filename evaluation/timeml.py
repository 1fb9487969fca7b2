"""Score the kit's time expressions (``article.timeline``) on TimeML, the TempEval-3 way.

Run from the repository root:

    .venv/bin/python evaluation/timeml.py                 # the figures on the development set
    .venv/bin/python evaluation/timeml.py --errors        # also each miss and false alarm
    .venv/bin/python evaluation/timeml.py --speed         # also article.timeline's speed (median of 3)
    .venv/bin/python evaluation/timeml.py --shared DIR    # where the shared data lives

The development set is TempEval-3's training data, TBAQ-cleaned (TimeBank 1.2
and AQUAINT, 256 news documents in TimeML). It is read from
``<repo>/../shared/timeml/TBAQ-cleaned`` (or ``--shared``), never copied into the
project; without it the script says so and stops.

For each document the text inside ``<TEXT>`` (tags removed, offsets kept) is
given to :func:`kit.parse_article` with the document creation time (DCT) as
the published date. Scoring follows TempEval-3's TIMEX3 scorer:

- *strict* span F1 counts a system expression right when its span is the gold
  span exactly; *relaxed* when the two spans overlap. Matching is one to one.
- *type* and *value* F1 are the accuracy of the attribute on the relaxed
  matches, times the relaxed F1. Values are compared as exact strings (the
  kit's missing value never equals a gold value).
- The creation-time expression is left out on both sides.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402

SETS = ("TimeBank", "AQUAINT")
"""The two folders of TBAQ-cleaned: the development set."""


def default_shared() -> Path:
    """``<repo>/../shared``, or ``/work/shared`` when the repository is a worktree elsewhere."""
    here = ROOT.parent / "shared"
    return here if (here / "timeml").is_dir() else Path("/work/shared")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    dct: bool = False


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[Timex, ...]


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> Document:
    """The text inside ``<TEXT>`` with tags removed, its gold TIMEX3 spans, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        parts.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            dct = attrs.get("functionInDocument") == "CREATION_TIME"
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), dct))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return Document(path.stem, "".join(parts), dt.date.fromisoformat(dct_m.group(1)), tuple(timexes))


def documents(shared: Path) -> list[Document]:
    folder = shared / "timeml" / "TBAQ-cleaned"
    return [read_tml(p) for s in SETS for p in sorted((folder / s).glob("*.tml"))]


def article_of(doc: Document):
    return kit.parse_article(doc.text, name=doc.name, metadata={"published": doc.dct})


FAILED: list[str] = []
"""Documents whose quotes table could not be built: their timeline is built without it."""


def _timeline(article):
    try:
        return article.timeline
    except Exception as err:  # a batch never stops on one bad item
        from kit.schemas import frame, schema
        from kit.timeline.expressions import _timeline_frame, build_timexes

        FAILED.append(f"{article.name}: {type(err).__name__}: {err}")
        no_quotes = frame("quotes", {c.name: [] for c in schema("quotes")})
        return _timeline_frame(build_timexes(article.doc, article.quote_marks, no_quotes))


def system_timexes(doc: Document) -> list[Timex]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = _timeline(article_of(doc))
    return [
        Timex(
            int(r.start_char),
            int(r.end_char),
            str(r.type),
            r.value if isinstance(r.value, str) else "",
        )
        for r in table.itertuples()
    ]


def _overlap(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions, exact spans first, then in text order."""
    pairs: list[tuple[Timex, Timex]] = []
    used: set[int] = set()
    left: list[Timex] = []
    exact = {(s.start, s.end): i for i, s in enumerate(system)}
    for g in gold:
        i = exact.get((g.start, g.end))
        if i is not None and i not in used:
            used.add(i)
            pairs.append((g, system[i]))
        else:
            left.append(g)
    for g in left:
        for i, s in enumerate(system):
            if i not in used and _overlap(g, s):
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def _f1(correct: int, n_system: int, n_gold: int) -> float:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum((g.start, g.end) == (s.start, s.end) for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        return pairs

    def scores(self) -> dict[str, float]:
        relaxed = _f1(self.relaxed, self.system, self.gold)

        def accuracy(n: int) -> float:
            return n / self.relaxed if self.relaxed else 0.0

        return {
            "strict span F1": _f1(self.strict, self.system, self.gold),
            "relaxed span F1": relaxed,
            "relaxed precision": self.relaxed / self.system if self.system else 0.0,
            "relaxed recall": self.relaxed / self.gold if self.gold else 0.0,
            "type F1": accuracy(self.type) * relaxed,
            "value F1": accuracy(self.value) * relaxed,
        }


def evaluate(docs: list[Document], errors: bool = False) -> Counts:
    counts = Counts()
    for doc in docs:
        system = system_timexes(doc)
        dct = [g for g in doc.timexes if g.dct]
        gold = [g for g in doc.timexes if not g.dct]
        system = [s for s in system if not any(_overlap(s, d) for d in dct)]
        pairs = counts.add(gold, system)
        if errors:
            _print_errors(doc, gold, system, pairs)
    return counts


def _print_errors(doc: Document, gold, system, pairs) -> None:
    found = {id(g) for g, _ in pairs}
    said = {id(s) for _, s in pairs}
    span = lambda t: doc.text[t.start : t.end].replace("\n", " ")  # noqa: E731
    for g in gold:
        if id(g) not in found:
            print(f"{doc.name}\tMISS\t{span(g)!r}\t{g.type}\t{g.value}")
    for s in system:
        if id(s) not in said:
            print(f"{doc.name}\tFALSE\t{span(s)!r}\t{s.type}\t{s.value}")
    for g, s in pairs:
        if (g.start, g.end) != (s.start, s.end) or g.type != s.type or g.value != s.value:
            print(f"{doc.name}\tDIFF\t{span(g)!r}->{span(s)!r}\t{g.type}/{s.type}\t{g.value}/{s.value}")


def speed(docs: list[Document], runs: int = 3) -> float:
    """``article.timeline`` in characters per second, median of ``runs``: each run on fresh
    articles whose inputs (spans, quote marks, quotes) are built before the clock starts."""
    chars = sum(len(d.text) for d in docs)
    rates = []
    for _ in range(runs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = [article_of(d) for d in docs]
            for a in articles:
                try:
                    a._built("quotes")
                except Exception:  # counted in FAILED already
                    continue
            articles = [a for a in articles if "quotes" in a._cache]
            chars = sum(len(a.text) for a in articles)
            start = time.perf_counter()
            for a in articles:
                a.timeline  # noqa: B018
            rates.append(chars / (time.perf_counter() - start))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=None, help="the folder holding timeml/")
    parser.add_argument("--errors", action="store_true", help="list each miss, false alarm and difference")
    parser.add_argument("--speed", action="store_true", help="measure article.timeline (median of 3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)
    shared = args.shared or default_shared()
    if not (shared / "timeml" / "TBAQ-cleaned").is_dir():
        print(f"TimeML data not found in {shared / 'timeml'}: nothing to score (see ../shared/timeml).")
        return 0
    docs = documents(shared)[: args.limit]
    counts = evaluate(docs, errors=args.errors)
    print(
        f"TBAQ-cleaned: {len(docs)} documents, {counts.gold} gold TIMEX3 (creation times left out),"
        f" {counts.system} found"
    )
    if FAILED:
        print(f"{len(FAILED)} documents: kit.quotes failed, so their timeline was built without quotes:")
        for line in FAILED:
            print(f"    {line}")
    for name, value in counts.scores().items():
        print(f"{name:>18}  {value:.3f}")
    if args.speed:
        print(f"{'article.timeline':>18}  {speed(docs):,.0f} characters per second (median of 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
