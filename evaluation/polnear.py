"""Score the ``quotes`` table on PolNeAR: real news, attributions annotated by hand.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution in
1,008 articles from seven US outlets on the 2016 election. Its train and dev
splits live outside the project, in ``<repo>/../shared/polnear`` (the texts are
their publishers' copyright: this script reads them where they are and copies
nothing). Without that folder it says so and stops.

    python evaluation/polnear.py                 # dev split: the figures
    python evaluation/polnear.py --split train --errors 40   # train: look at misses
    python evaluation/polnear.py --speed 5       # also articles and characters per second

What is scored
--------------
PolNeAR counts more than the kit's statements: thoughts, feelings and
intentions too ("he believes", "she wants"). An attribution is kept when its
cue is a reporting act: a cue of which one word is a form of a verb or noun
of :data:`REPORTING` (say, tell, add, announce, claim, deny, according to,
statement, tweet, write, ...) or a colon (a transcript's ``NAME: ...``).
Attributions whose cue is only a thought, a wish, a plan or a preposition are
left out. Where an article has two annotators' files, the first (by name) is
read.

- **Statements**: the kit's rows against the kept attributions by content
  span, the Gender Gap Tracker's way (:func:`kit.scoring.match_quotes`:
  characters shared over the key's length, strictly above 0.3 or 0.8). A
  statement in several pieces (``continues_quote_id``) counts once, as the
  span from its first piece to its last.
- **Direct**: the same for statements whose content is all between quotation
  marks (on the kit's side, ``kind == "direct"``).
- **Recall by kind**: the key's statements by kind (direct: all between
  marks; mixed: some words between marks; indirect: none), found at 0.3.
- **Source accuracy**: of the statements matched at 0.3 whose key has a
  source, the share where the kit's speaker span overlaps the key's source,
  or the kit's resolved name shares its last word with the key's source; where
  the key's source is a relative word ("the court, which ruled ..."), the kit's
  speaker just before it (its antecedent, up to 80 characters before).
- **Speed** (``--speed N``, medians of N runs): articles per second for the
  whole quotes pipeline from text (sentences, tokens, quotation marks,
  entities, quotes), and characters per second for the ``quotes`` table
  alone (its inputs built beforehand).
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

import kit  # noqa: E402
from kit.quotes import build_quotes  # noqa: E402
from kit.scoring import THRESHOLDS, match_quotes  # noqa: E402

REPORTING = (
    "say said says saying tell told tells telling add added adds adding announce announced announces"
    " announcing announcement claim claimed claims claiming deny denied denies denying according"
    " statement statements state stated states stating report reported reports reporting explain"
    " explained explains explaining note noted notes noting argue argued argues arguing insist"
    " insisted insists insisting warn warned warns warning write wrote writes writing written tweet"
    " tweeted tweets tweeting ask asked asks asking respond responded responds responding response"
    " reply replied replies replying comment commented comments commenting suggest suggested"
    " suggests suggesting acknowledge acknowledged acknowledges admit admitted admits declare"
    " declared declares describe described describes describing call called calls calling urge"
    " urged urges urging vow vowed vows pledge pledged pledges promise promised promises complain"
    " complained complains accuse accused accuses predict predicted predicts testify testified"
    " confirm confirmed confirms assert asserted asserts maintain maintained maintains stress"
    " stressed stresses emphasize emphasized emphasised recall recalled recalls concede conceded"
    " remark remarked remarks mention mentioned mentions criticize criticized criticise criticised"
    " praise praised praises charge charged charges allege alleged alleges contend contended"
    " contends reveal revealed reveals disclose disclosed reiterate reiterated dismiss dismissed"
    " demand demanded demands blame blamed blames cite cited cites citing quoted quote boast boasted"
    " joke joked quip quipped shout shouted yell yelled interview speech letter email memo post"
    " posted conclude concluded concludes find found finds show showed shows shown estimate"
    " estimated estimates rule ruled rules threaten threatened threatens retort retorted counter"
    " countered continue continued continues announce proclaim proclaimed".split()
)
"""Words of a reporting cue: an attribution whose cue holds one of them is scored."""


@dataclass
class Attribution:
    """One kept PolNeAR attribution: its content span, cue and source."""

    start: int
    end: int
    cue: str
    kind: str
    source: tuple[int, int] | None
    source_text: str


def shared_folder(arg: str | None) -> Path:
    """The folder holding ``polnear/``: ``--shared``, else ``<repo>/../shared``, else ``/work/shared``."""
    if arg:
        return Path(arg)
    beside = ROOT.parent / "shared"
    return beside if (beside / "polnear").is_dir() else Path("/work/shared")


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for piece in field.split(";"):
        a, b = piece.split()[-2:]
        out.append((int(a), int(b)))
    return out


def reporting(cue: str) -> bool:
    """Whether a cue is a reporting act (see :data:`REPORTING`), or a colon."""
    words = re.findall(r"[a-z]+", cue.lower())
    return cue.strip() in (":", "—") or any(w in REPORTING for w in words)


def key_kind(text: str, start: int, end: int, skip: list[tuple[int, int]] = ()) -> str:
    """direct (every word between marks), mixed (some) or indirect (none).

    Words of ``skip`` (the attribution's own source and cue, and the words between the
    pieces of its content: ``"A," she told CNN. "B"``) and
    the marks just outside the span count as neither.
    """
    a = start
    while a > max(0, start - 2) and text[a - 1] in "“\"‘' ":
        a -= 1
    inside, letters_in, letters_out = False, 0, 0
    i = a
    while i < end:
        ch = text[i]
        if text.startswith("''", i):  # doubled apostrophes as marks (''...'')
            inside = not inside
            i += 2
            continue
        if ch == "“" or (ch == '"' and not inside):
            inside = True
        elif ch == "”" or (ch == '"' and inside):
            inside = False
        elif ch.isalnum() and not any(s <= i < e for s, e in skip):
            if inside:
                letters_in += 1
            else:
                letters_out += 1
        i += 1
    if letters_in and not letters_out:
        return "direct"
    return "mixed" if letters_in else "indirect"


def read_key(ann: Path, text: str) -> list[Attribution]:
    """The reporting attributions of one ``.ann`` file."""
    spans, types = {}, {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            types[parts[0]] = parts[1].split()[0]
            try:
                spans[parts[0]] = _spans(parts[1])
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        content = [s for t in ev if t.startswith("Content") for s in spans.get(ev[t], [])]
        cue = [s for t in ev if t.startswith("Cue") for s in spans.get(ev[t], [])]
        source = [s for t in ev if t.startswith("Source") for s in spans.get(ev[t], [])]
        if not content or not cue:
            continue
        cue_text = " ".join(text[a:b] for a, b in cue)
        if not reporting(cue_text):
            continue
        a, b = min(s[0] for s in content), max(s[1] for s in content)
        src = (min(s[0] for s in source), max(s[1] for s in source)) if source else None
        # a statement in pieces ("“A,” she told CNN. “B.”"): the words between are not content
        pieces = sorted(content)
        gaps = [(x[1], y[0]) for x, y in itertools.pairwise(pieces) if y[0] > x[1]]
        kind = key_kind(text, a, b, cue + source + gaps)
        out.append(Attribution(a, b, cue_text, kind, src, text[src[0] : src[1]] if src else ""))
    out.sort(key=lambda x: (x.start, x.end))
    return out


def corpus(folder: Path, split: str, limit: int | None = None):
    """Yield ``(name, text, attributions)`` for each article of a split."""
    texts = sorted((folder / split / "text").glob("*.txt"))[:limit]
    anns = sorted((folder / split / "attributions").glob("*.ann"))
    by_stem: dict[str, Path] = {}
    for ann in anns:
        by_stem.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for path in texts:
        if path.stem not in by_stem:
            continue
        text = path.read_text(encoding="utf-8")
        yield path.stem, text, read_key(by_stem[path.stem], text)


def article_of(name: str, text: str):
    """The kit's article for a text, and the offset of its text in the file's."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        art = kit.parse_article(text, name=name)
    return art, len(text) - len(art.text)


def statements(quotes: pd.DataFrame, offset: int) -> pd.DataFrame:
    """One row per statement: pieces joined by ``continues_quote_id`` into one span."""
    q = quotes.copy()
    head = q["quote_id"].tolist()
    if "continues_quote_id" in q:
        first = dict(zip(q["quote_id"], q["quote_id"]))
        for qid, cont in zip(q["quote_id"], q["continues_quote_id"]):
            if not pd.isna(cont):
                first[qid] = first.get(int(cont), int(cont))
        head = [first[x] for x in q["quote_id"]]
    q["statement"] = head
    g = q.groupby("statement", sort=True)
    out = pd.DataFrame(
        {
            "content_start": g["content_start"].min() + offset,
            "content_end": g["content_end"].max() + offset,
            "kind": g["kind"].agg(lambda k: "direct" if (k == "direct").all() else k.iloc[0]),
            "speaker_start": g["speaker_start"].first(),
            "speaker_end": g["speaker_end"].first(),
            "speaker_name": g["speaker_name"].first(),
            "source_type": g["source_type"].first(),
        }
    )
    out["speaker_start"] = out["speaker_start"] + offset
    out["speaker_end"] = out["speaker_end"] + offset
    return out.reset_index(drop=True)


def _same_source(key: Attribution, row) -> bool:
    if key.source is None:
        return False
    if (
        not pd.isna(row.speaker_start)
        and row.speaker_start < key.source[1]
        and key.source[0] < row.speaker_end
    ):
        return True
    if (
        key.source_text.lower() in ("who", "which", "whom", "that")
        and not pd.isna(row.speaker_end)
        and 0 <= key.source[0] - row.speaker_end <= 80
    ):
        return True  # the key marks the relative word; the kit names what it stands for
    name = "" if pd.isna(row.speaker_name) else str(row.speaker_name)
    words = re.findall(r"\w+", name.lower())
    return bool(words) and words[-1] in re.findall(r"\w+", key.source_text.lower())


def prf(n_pred: int, n_key: int, n_correct: int) -> tuple[float, float, float]:
    p = n_correct / n_pred if n_pred else 0.0
    r = n_correct / n_key if n_key else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(folder: Path, split: str, limit: int | None = None, errors: int = 0, sources: int = 0) -> dict:
    """Score the kit on one split; returns the counts and prints ``errors`` examples of misses."""
    counts: dict = {}
    kinds = {k: [0, 0] for k in ("direct", "indirect", "mixed")}
    src = [0, 0]
    misses, spurious, wrong_source = [], [], []

    def add(name, n_pred, n_key, n_ok):
        c = counts.setdefault(name, [0, 0, 0])
        c[0] += n_pred
        c[1] += n_key
        c[2] += n_ok

    n_articles = 0
    for name, text, key in corpus(folder, split, limit):
        n_articles += 1
        art, offset = article_of(name, text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = statements(art.quotes, offset)
        kdf = pd.DataFrame({"start_char": [k.start for k in key], "end_char": [k.end for k in key]})
        for t in THRESHOLDS:
            pairs = match_quotes(pred, kdf, t)
            add(f"all@{t}", len(pred), len(key), len(pairs))
            direct_key = [i for i, k in enumerate(key) if k.kind == "direct"]
            dk = kdf.iloc[direct_key].reset_index(drop=True)
            dp = pred[pred["kind"] == "direct"].reset_index(drop=True)
            add(f"direct@{t}", len(dp), len(dk), len(match_quotes(dp, dk, t)))
            if t == THRESHOLDS[0]:
                found = {i for i, _ in pairs}
                for i, k in enumerate(key):
                    kinds[k.kind][1] += 1
                    kinds[k.kind][0] += i in found
                    if i not in found:
                        misses.append((name, k, text))
                for i, j in pairs:
                    if key[i].source is not None:
                        src[1] += 1
                        same = _same_source(key[i], pred.iloc[j])
                        src[0] += same
                        if not same:
                            wrong_source.append((name, key[i], pred.iloc[j], text))
                taken = {j for _, j in pairs}
                for j in range(len(pred)):
                    if j not in taken:
                        spurious.append((name, pred.iloc[j], text))
    if errors:
        _show(misses, spurious, errors)
    if sources:
        _show_sources(wrong_source, sources)
    return {"articles": n_articles, "counts": counts, "kinds": kinds, "source": src}


def _show(misses, spurious, n: int) -> None:
    step = max(1, len(misses) // n)
    print(f"\n{len(misses)} key statements missed (every {step}th shown):")
    for name, k, text in misses[::step][:n]:
        a = max(0, k.start - 120)
        ctx = text[a : k.end + 80].replace("\n", " ¶ ")
        print(f"- [{k.kind}] cue={k.cue!r} source={k.source_text!r} {name}\n    …{ctx}…")
    step = max(1, len(spurious) // n)
    print(f"\n{len(spurious)} kit statements not in the key (every {step}th shown):")
    for name, row, text in spurious[::step][: n // 2]:
        ctx = text[max(0, row.content_start - 60) : row.content_end + 40].replace("\n", " ¶ ")
        print(f"- [{row.kind}] {name}\n    …{ctx}…")


def _show_sources(wrong, n: int) -> None:
    step = max(1, len(wrong) // n)
    print(f"\n{len(wrong)} matched statements with another source (every {step}th shown):")
    for name, k, row, text in wrong[::step][:n]:
        said = "" if pd.isna(row.speaker_start) else text[int(row.speaker_start) : int(row.speaker_end)]
        print(f"- key {k.source_text!r} · kit {said!r} {row.source_type} name={row.speaker_name!r} {name}")


def speed(folder: Path, split: str, runs: int) -> tuple[float, float]:
    """Medians of ``runs``: articles/s for the quotes pipeline, characters/s for the quotes table alone."""
    texts = [(name, text) for name, text, _ in corpus(folder, split)]
    chars = sum(len(t) for _, t in texts)
    whole, alone = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(runs):
            t0 = time.perf_counter()
            inputs = []
            for name, text in texts:
                art = kit.parse_article(text, name=name)
                art.table("quotes")
                inputs.append((art.doc, art._built("quote_marks"), art._built("entities")))
            whole.append(len(texts) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            for doc, marks, ents in inputs:
                build_quotes(doc, marks, ents)
            alone.append(chars / (time.perf_counter() - t0))
    return statistics.median(whole), statistics.median(alone)


def report(result: dict, split: str) -> str:
    """The figures as a text table."""
    lines = [f"PolNeAR {split}: {result['articles']} articles (reporting-cue attributions)"]
    lines.append(f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}{'n_kit':>7}{'n_key':>7}")
    for name, (n_pred, n_key, n_ok) in result["counts"].items():
        p, r, f = prf(n_pred, n_key, n_ok)
        lines.append(f"{name:<22}{p:7.3f}{r:7.3f}{f:7.3f}{n_pred:7d}{n_key:7d}")
    for kind, (ok, n) in result["kinds"].items():
        lines.append(f"recall {kind:<15}{ok / n if n else 0:21.3f}{'':7}{n:7d}")
    ok, n = result["source"]
    lines.append(f"{'source accuracy':<22}{ok / n if n else 0:21.3f}{'':7}{n:7d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the folder holding polnear/ (default: <repo>/../shared)")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N missed and N/2 spurious statements")
    parser.add_argument(
        "--sources", type=int, default=0, help="print N matched statements whose source differs"
    )
    parser.add_argument("--speed", type=int, default=0, help="time N runs and print the medians")
    args = parser.parse_args(argv)
    folder = shared_folder(args.shared) / "polnear"
    if not (folder / args.split / "text").is_dir():
        print(f"PolNeAR is not at {folder}: nothing to score (see evaluation/polnear.py).")
        return 0
    print(report(score(folder, args.split, args.limit, args.errors, args.sources), args.split))
    if args.speed:
        per_article, per_char = speed(folder, args.split, args.speed)
        print(f"speed (median of {args.speed}): {per_article:.1f} articles/s (quotes pipeline from text),")
        print(f"  {per_char:,.0f} characters/s (quotes table alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
