"""Second blind evaluation (blind2) of the kit on the articles in evaluation/blind2/articles/.

The scoring is evaluation/run_eval.py's; this script points it at this set
and checks the keys first. Run from the repository root:

    /tmp/venv/bin/python evaluation/blind2/run_eval.py            # tables per article + pooled
    /tmp/venv/bin/python evaluation/blind2/run_eval.py --errors   # also list every error, row by row
    /tmp/venv/bin/python evaluation/blind2/run_eval.py --markdown # the tables as Markdown (for the README)

Before scoring it checks the keys against FROZEN.sha256 (recorded before the
kit was first run on these articles) and refuses to score a changed key.

For each ``<name>.txt`` it loads the article with ``kit.load_article(path)``,
scores it with ``kit.evaluate(article, key)`` against the hand-written key in
``<name>.key/`` and prints: entity F1 (exact span and type), direct-quote F1
at overlap 0.3, all-quote F1 at overlap 0.3 and 0.8, speaker accuracy (the
Gender Gap Tracker's: correct speakers among the quotes matched at 0.3),
source-type accuracy, and claims F1 (sentences flagged as unattributed
claims), with precision and recall of the pooled figures.  "Pooled" sums the
counts of all articles (micro-average).
"""

from __future__ import annotations

import hashlib
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import run_eval  # noqa: E402  (evaluation/run_eval.py: the shared scorer)


def check_frozen() -> None:
    """Refuse to score if a key file differs from the hash recorded in FROZEN.sha256."""
    bad = []
    for line in (HERE / "FROZEN.sha256").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, rel = line.split(None, 1)
        f = HERE / rel.strip()
        if not f.is_file() or hashlib.sha256(f.read_bytes()).hexdigest() != digest:
            bad.append(rel.strip())
    if bad:
        sys.exit(f"FROZEN.sha256 does not match: {bad}. The keys must not change after the first run.")


def main() -> None:
    check_frozen()
    print(f"blind2 evaluation run at {datetime.now(UTC):%Y-%m-%d %H:%M UTC}")
    run_eval.main(articles=HERE / "articles", pooled_prf=True)


if __name__ == "__main__":
    main()
