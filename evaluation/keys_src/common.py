"""Helpers to turn hand-written annotations into key CSVs with checked offsets.

Each article's annotations (keys_src/<name>.py) list entity mentions, quotes and
claims in text order.  ``build`` finds each row's text in the article, searching
forward from the previous row (entities: whole-word matches only), writes the
three CSVs into articles/<name>.key/ and asserts text[start:end] == text.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "articles"

HEADERS = {
    "quotes.csv": [
        "start_char",
        "end_char",
        "content",
        "kind",
        "speaker_name",
        "source_type",
        "cue",
        "channel",
    ],
    "entities.csv": ["start_char", "end_char", "text", "type", "name"],
    "claims.csv": ["start_char", "end_char", "text"],
}
TYPES = {"PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "EVENT", "NORP"}
KINDS = {"direct", "indirect", "mixed"}
SOURCES = {"named", "organization", "anonymous", "own_sources"}


def _find(text, needle, start, whole_word):
    if not whole_word:
        i = text.find(needle, start)
        if i < 0:
            raise ValueError(f"not found after {start}: {needle!r}")
        return i
    pat = re.compile(r"(?<![\w])" + re.escape(needle) + r"(?![\w])")
    m = pat.search(text, start)
    if not m:
        raise ValueError(f"not found after {start}: {needle!r}")
    return m.start()


def build(name, entities, quotes, claims):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    out = ARTICLES / f"{name}.key"
    out.mkdir(exist_ok=True)

    rows, pos = [], 0
    for t, typ, canon in entities:
        assert typ in TYPES, typ
        i = _find(text, t, pos, True)
        rows.append([i, i + len(t), t, typ, canon])
        pos = i + len(t)
    _write(out / "entities.csv", rows, text, 2)

    rows, pos = [], 0
    for content, kind, speaker, stype, cue, channel in quotes:
        assert kind in KINDS and stype in SOURCES, (kind, stype)
        i = _find(text, content, pos, False)
        rows.append([i, i + len(content), content, kind, speaker, stype, cue, channel])
        pos = i + len(content)
    _write(out / "quotes.csv", rows, text, 2)

    rows, pos = [], 0
    for sent in claims:
        i = _find(text, sent, pos, False)
        rows.append([i, i + len(sent), sent])
        pos = i + len(sent)
    _write(out / "claims.csv", rows, text, 2)
    return text


def _write(path, rows, text, col):
    for r in rows:
        assert text[r[0] : r[1]] == r[col], r
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADERS[path.name])
        w.writerows(rows)
