"""Print each article with key entities in [brackets|TYPE] and uncovered capitalised words flagged, for hand review."""

import csv, re, sys
from pathlib import Path

A = Path(__file__).resolve().parent.parent / "articles"
for p in sorted(A.glob("*.txt")):
    if len(sys.argv) > 1 and p.stem not in sys.argv[1:]:
        continue
    t = p.read_text(encoding="utf-8")
    rows = list(csv.DictReader(open(p.with_suffix(".key") / "entities.csv", encoding="utf-8")))
    out, pos = [], 0
    for r in rows:
        s, e = int(r["start_char"]), int(r["end_char"])
        out.append(t[pos:s])
        out.append(f"[{t[s:e]}|{r['type'][:3]}]")
        pos = e
    out.append(t[pos:])
    print("=====", p.stem)
    print("".join(out))
    cov = set()
    for r in rows:
        cov |= set(range(int(r["start_char"]), int(r["end_char"])))
    unc = [m.group() for m in re.finditer(r"\b[A-Z][\w’'.-]*", t) if m.start() not in cov]
    print("UNCOVERED CAPS:", sorted(set(unc)))
