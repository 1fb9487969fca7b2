"""Blind evaluation of the kit on the articles in evaluation/articles/.

Run from the repository root:

    /tmp/venv/bin/python evaluation/run_eval.py            # tables per article + pooled
    /tmp/venv/bin/python evaluation/run_eval.py --errors   # also list every error, row by row
    /tmp/venv/bin/python evaluation/run_eval.py --markdown # the tables as Markdown (for the README)

For each ``<name>.txt`` it loads the article with ``kit.load_article(path)``,
scores it with ``kit.evaluate(article, key)`` against the hand-written key in
``<name>.key/`` and prints: entity F1 (exact span and type), direct-quote F1
at overlap 0.3, all-quote F1 at overlap 0.3 and 0.8, speaker accuracy (the
Gender Gap Tracker's: correct speakers among the quotes matched at 0.3),
source-type accuracy, and claims F1 (sentences flagged as unattributed
claims).  "Pooled" sums the counts of all articles (micro-average).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit.scoring import load_key, match_quotes  # noqa: E402

ARTICLES = HERE / "articles"

# (column label, table, match) for the F1 columns
F1_COLUMNS = [
    ("entity F1", "entities", "exact span and type"),
    ("direct F1@0.3", "direct_quotes", "overlap>0.3"),
    ("quote F1@0.3", "quotes", "overlap>0.3"),
    ("quote F1@0.8", "quotes", "overlap>0.8"),
    ("claims F1", "claims", "sentence"),
]


def _row(scores: pd.DataFrame, table: str, match: str) -> dict:
    r = scores[(scores["table"] == table) & (scores["match"] == match)]
    if r.empty:
        return {"n_predicted": 0, "n_key": 0, "n_correct": 0}
    r = r.iloc[0]
    return {k: int(r[k]) for k in ("n_predicted", "n_key", "n_correct")}


def _f1(c: dict) -> float:
    p = c["n_correct"] / c["n_predicted"] if c["n_predicted"] else float("nan")
    r = c["n_correct"] / c["n_key"] if c["n_key"] else float("nan")
    if c["n_predicted"] == 0 and c["n_key"] == 0:
        return float("nan")  # nothing to find and nothing found: not scored
    if c["n_correct"] == 0:
        return 0.0
    return 2 * p * r / (p + r)


def _fmt(x: float) -> str:
    return "  -  " if pd.isna(x) else f"{x:.2f}"


def score_article(path: Path) -> tuple[dict, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = kit.load_article(path)
        key = load_key(path.with_suffix(".key"))
        scores = kit.evaluate(article, key)
    counts = {label: _row(scores, t, m) for label, t, m in F1_COLUMNS}
    counts["speakers"] = _row(scores, "speakers", "speaker_name, overlap>0.3")
    counts["source_types"] = _row(scores, "source_types", "source_type, overlap>0.3")
    counts["quotes_matched"] = counts["quote F1@0.3"]["n_correct"]
    counts["alias F1"] = _row(scores, "alias_groups", "pairwise")
    return counts, {"article": article, "key": key}


def summarise(name: str, c: dict) -> dict:
    out = {"article": name}
    for label, _, _ in F1_COLUMNS:
        out[label] = _f1(c[label])
    m = c["quotes_matched"]
    out["speaker acc"] = c["speakers"]["n_correct"] / m if m else float("nan")
    out["source-type acc"] = c["source_types"]["n_correct"] / m if m else float("nan")
    out["alias F1"] = _f1(c["alias F1"])
    out["ents (key/kit)"] = f"{c['entity F1']['n_key']}/{c['entity F1']['n_predicted']}"
    out["quotes (key/kit)"] = f"{c['quote F1@0.3']['n_key']}/{c['quote F1@0.3']['n_predicted']}"
    out["claims (key/kit)"] = f"{c['claims F1']['n_key']}/{c['claims F1']['n_predicted']}"
    return out


def pool(all_counts: list[dict]) -> dict:
    pooled: dict = {}
    for k in all_counts[0]:
        if k == "quotes_matched":
            pooled[k] = sum(c[k] for c in all_counts)
        else:
            pooled[k] = {f: sum(c[k][f] for c in all_counts) for f in ("n_predicted", "n_key", "n_correct")}
    return pooled


# ----- error listing ---------------------------------------------------------------


def _short(s: str, n: int = 110) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 3] + "..."


def list_errors(name: str, article, key) -> None:
    text = article.text
    print(f"\n##### {name}")
    # entities
    ke = key.entities
    if ke is not None:
        ke = ke.copy()
        kset = {(int(r.start_char), int(r.end_char), r.type) for r in ke.itertuples()}
        pe = article.entities
        pset = {(int(r.start_char), int(r.end_char), r.type) for r in pe.itertuples()}
        pspan = {(s, e): t for s, e, t in pset}
        kspan = {(s, e): t for s, e, t in kset}
        for s, e, t in sorted(kset - pset):
            if (s, e) in pspan:
                print(f"  ENT wrong type: {text[s:e]!r} key={t} kit={pspan[(s, e)]}")
            else:
                over = [text[a:b] + "/" + tt for a, b, tt in pset if a < e and s < b]
                print(f"  ENT missed:     {text[s:e]!r} ({t})" + (f"  kit has {over}" if over else ""))
        for s, e, t in sorted(pset - kset):
            if (s, e) in kspan:
                continue
            over = [text[a:b] for a, b, tt in kset if a < e and s < b]
            print(f"  ENT spurious:   {text[s:e]!r} ({t})" + (f"  key has {over}" if over else ""))
    # quotes
    kq = key.quotes
    pq = article.quotes.reset_index(drop=True)
    if kq is not None:
        kq = kq.reset_index(drop=True)
        pairs = match_quotes(pq, kq, 0.3)
        pairs8 = set(match_quotes(pq, kq, 0.8))
        matched_k = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            k, p = kq.iloc[i], pq.iloc[j]
            ks = "" if pd.isna(k.speaker_name) else str(k.speaker_name)
            ps = "" if pd.isna(p.speaker_name) else str(p.speaker_name)
            probs = []
            if ks.lower() != ps.lower():
                probs.append(f"speaker key={ks!r} kit={ps!r} (kit speaker text {p.speaker!r})")
            if k.source_type != p.source_type:
                probs.append(f"source_type key={k.source_type} kit={p.source_type}")
            if k.kind != p.kind:
                probs.append(f"kind key={k.kind} kit={p.kind}")
            if (i, j) not in pairs8:
                probs.append(f"span <0.8: kit content={_short(p.content, 90)!r}")
            if probs:
                print(f"  QUOTE {_short(k.content, 70)!r} [{p.rule}]: " + "; ".join(probs))
        for i in range(len(kq)):
            if i not in matched_k:
                k = kq.iloc[i]
                print(
                    f"  QUOTE missed ({k.kind}, {k.speaker_name if not pd.isna(k.speaker_name) else k.source_type}): {_short(k.content)!r}"
                )
        for j in range(len(pq)):
            if j not in matched_p:
                p = pq.iloc[j]
                print(f"  QUOTE spurious ({p.kind}, {p.rule}, speaker {p.speaker!r}): {_short(p.content)!r}")
    # claims
    kc = key.claims
    if kc is not None:
        sents = article.sentences
        flagged = set(article.claims.loc[article.claims["unattributed_claim"], "sentence_id"])
        wanted = set()
        for r in kc.itertuples():
            ov = sents.apply(lambda s: min(r.end_char, s.end_char) - max(r.start_char, s.start_char), axis=1)
            wanted.add(int(sents.loc[ov.idxmax(), "sentence_id"]))
        cl = article.claims.set_index("sentence_id")
        for sid in sorted(wanted - flagged):
            s = sents[sents.sentence_id == sid].iloc[0]
            print(
                f"  CLAIM missed (kit kind={cl.loc[sid, 'claim_kind']}, attributed={cl.loc[sid, 'attributed']}): {_short(text[s.start_char : s.end_char])!r}"
            )
        for sid in sorted(flagged - wanted):
            s = sents[sents.sentence_id == sid].iloc[0]
            print(f"  CLAIM spurious ({cl.loc[sid, 'rule']}): {_short(text[s.start_char : s.end_char])!r}")


def _markdown(table: pd.DataFrame) -> str:
    cols = [table.index.name or "article", *table.columns]
    lines = [
        "| " + " | ".join(cols) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(cols))) + "|",
    ]
    for name, r in table.iterrows():
        cells = [f"**{name}**" if name.startswith("POOLED") else name]
        cells += [
            str(int(v))
            if c in ("key", "kit", "correct") and isinstance(v, float) and not pd.isna(v)
            else (_fmt(v).strip() if isinstance(v, float) else str(v))
            for c, v in r.items()
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def prf_table(pooled: dict) -> pd.DataFrame:
    """Pooled precision, recall, F1 and counts for each F1 measure."""
    rows = []
    for label, _, _ in F1_COLUMNS:
        c = pooled[label]
        p = c["n_correct"] / c["n_predicted"] if c["n_predicted"] else float("nan")
        r = c["n_correct"] / c["n_key"] if c["n_key"] else float("nan")
        rows.append(
            {
                "measure": label,
                "precision": p,
                "recall": r,
                "F1": _f1(c),
                "key": c["n_key"],
                "kit": c["n_predicted"],
                "correct": c["n_correct"],
            }
        )
    m = pooled["quotes_matched"]
    for label, k in (("speaker acc", "speakers"), ("source-type acc", "source_types")):
        rows.append(
            {
                "measure": label,
                "precision": float("nan"),
                "recall": float("nan"),
                "F1": pooled[k]["n_correct"] / m if m else float("nan"),
                "key": m,
                "kit": m,
                "correct": pooled[k]["n_correct"],
            }
        )
    return pd.DataFrame(rows).set_index("measure")


def main(argv: list[str] | None = None, *, articles: Path = ARTICLES, pooled_prf: bool = False) -> None:
    """Score every article in ``articles``; ``pooled_prf`` adds pooled precision and recall."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list every error, row by row")
    ap.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    ap.add_argument("--exclude", nargs="*", default=[], metavar="NAME", help="leave these articles out")
    args = ap.parse_args(argv)

    paths = [p for p in sorted(articles.glob("*.txt")) if p.stem not in args.exclude]
    rows, all_counts, objs = [], [], []
    for p in paths:
        c, o = score_article(p)
        all_counts.append(c)
        objs.append((p.stem, o))
        rows.append(summarise(p.stem, c))
    pooled = pool(all_counts)
    rows.append(summarise("POOLED (micro)", pooled))
    table = pd.DataFrame(rows).set_index("article")

    if args.markdown:
        print(_markdown(table))
    else:
        with pd.option_context("display.width", 250, "display.max_columns", 30):
            print(table.to_string(float_format=_fmt, na_rep="-"))
        print(
            "\n'-': not scored (nothing in the key and nothing found). Speaker and source-type accuracy are"
            "\nout of the quotes matched at overlap 0.3. ents/quotes/claims: rows in key / rows the kit produced."
        )
    if pooled_prf:
        prf = prf_table(pooled)
        print(
            "\nPooled precision / recall (speaker and source-type rows: accuracy in the F1 column, out of matched quotes):"
        )
        if args.markdown:
            print(_markdown(prf))
        else:
            print(prf.to_string(float_format=_fmt, na_rep="-"))
    if args.errors:
        for name, o in objs:
            list_errors(name, o["article"], o["key"])


if __name__ == "__main__":
    main()
