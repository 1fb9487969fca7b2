"""Print the kit's entities over real news, for review by eye.

Reads real articles from the shared development data beside the repository
(never copied into it): PolNeAR's train split (``polnear``) or the TimeML
newswire of TBAQ-cleaned (``timeml``). For each article it prints the
entities, one per line (text, type, rule), so that errors can be read and
tallied; ``--summary`` prints only counts by type and rule.

    python evaluation/entity_review.py --corpus polnear --n 5
    python evaluation/entity_review.py --corpus timeml --start 20 --n 3
    python evaluation/entity_review.py --corpus timeml --type PERSON --n 50

Skips with a message when the data is absent. There is no entity key for
these texts: this is a reading aid, not a score.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _shared(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    beside = ROOT / ".." / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


def _texts(shared: Path, corpus: str) -> list[tuple[str, str]]:
    if corpus == "polnear":
        files = sorted((shared / "polnear" / "train" / "text").glob("*.txt"))
        return [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    files = sorted((shared / "timeml" / "TBAQ-cleaned").glob("*/*.tml"))
    out = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        body = html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw)).strip()
        paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", body)]
        out.append((f.stem, "\n\n".join(p for p in paras if p) + "\n"))
    return out


def _inline(text: str, e) -> str:
    """The text with each mention written [text|TYPE]."""
    out, pos = [], 0
    for a, b, t in zip(e["start_char"], e["end_char"], e["type"].astype(str)):
        out += [text[pos:a], f"[{text[a:b]}|{t[:3]}]"]
        pos = b
    return "".join([*out, text[pos:]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("polnear", "timeml"), default="polnear")
    parser.add_argument("--shared", help="the shared data folder (default: ../shared beside the repository)")
    parser.add_argument("--start", type=int, default=0, help="the first article (default 0)")
    parser.add_argument("--n", type=int, default=3, help="how many articles (default 3)")
    parser.add_argument("--type", help="print only mentions of this type")
    parser.add_argument("--summary", action="store_true", help="print counts by type and rule only")
    parser.add_argument("--inline", action="store_true", help="print the text with [mention|TYPE] marks")
    args = parser.parse_args()
    shared = _shared(args.shared)
    if not (shared / args.corpus).is_dir():
        print(f"skipped: {shared / args.corpus} is absent (the shared development data is not here)")
        return
    import pandas as pd

    import kit

    texts = _texts(shared, args.corpus)[args.start : args.start + args.n]
    frames = []
    for name, text in texts:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = kit.parse_article(text, name=name)
            e = article.entities
        if args.type:
            e = e[e["type"] == args.type]
        frames.append(e.assign(article=name))
        if args.summary:
            continue
        print(f"=== {name}")
        if args.inline:
            print(_inline(article.text, e))
            continue
        for row in e.itertuples():
            title = f"  title={row.title}" if isinstance(row.title, str) else ""
            print(f"  {row.sentence_id:3d} {row.text!r:40} {row.type:12} {row.rule}{title}")
    if args.summary and frames:
        allm = pd.concat(frames)
        print(allm.groupby("type", observed=True).size().to_string())
        print(allm["rule"].str.split("+").str[0].value_counts().to_string())


if __name__ == "__main__":
    main()
