"""Scoring the automatic tables against a hand-checked answer key.

An **answer key** is a folder named ``<article>.key`` beside the article (for
a bundled article, ``seeds/<name>.key``) holding up to three CSV files, each
written by hand and checked sentence by sentence (the format is documented in
``seeds/000_32ac5be837c66968.key/README.md``):

``quotes.csv``
    one row per attributed statement: ``start_char, end_char`` of the content
    (the reported words, without quotation marks), ``content``, ``kind``,
    ``speaker_name``, ``source_type``, ``cue``, ``channel``;
``entities.csv``
    one row per entity mention: ``start_char, end_char, text, type, name``;
``claims.csv``
    one row per sentence that must be flagged as an unattributed claim:
    ``start_char, end_char, text``.

Leave ``start_char`` and ``end_char`` empty and the kit finds the text in the
article for you (the first occurrence after the previous row's).

:func:`evaluate` gives one row per (table, match) with precision (how many of
the kit's rows are right), recall (how many of the key's rows the kit found)
and their harmonic mean F1:

``quotes`` / ``direct_quotes`` at ``overlap>0.3`` and ``overlap>0.8``
    The Gender Gap Tracker's method (Asr et al. 2021; ``evaluate_quotes.py``
    in its repository): the score of a pair is the number of characters the
    two contents share divided by the length of the *key's* content (it is
    asymmetric: the key is the reference), and a pair matches when the score
    is strictly above the threshold. Each key quote, in order, takes the
    best-scoring kit quote not yet taken.
``speakers`` at ``name, overlap>0.3``
    quotes matched at 0.3 whose ``speaker_name`` is the key's (compared
    ignoring case; an empty name in the key matches a kit quote with no name,
    as for anonymous sources). The Gender Gap Tracker's *speaker accuracy* is
    this row's ``n_correct`` divided by the ``quotes`` row's ``n_correct``.
``source_types`` at ``source_type, overlap>0.3``
    likewise for ``source_type``.
``entities`` and alias groups
    from :func:`kit.entities.score_entities` and
    :func:`kit.entities.score_alias_groups` (mentions by exact span and type,
    alias groups pairwise).
``claims`` at ``sentence``
    sentences flagged ``unattributed_claim`` against the key's sentences.

A table the key lacks is skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit.errors import KeyFormatError, KeyNotFoundError, did_you_mean, format_options
from kit.lexicons import match_form

__all__ = ["AnswerKey", "KeyFormatError", "KeyNotFoundError", "evaluate", "load_key", "match_quotes"]

THRESHOLDS = (0.3, 0.8)
"""The Gender Gap Tracker's two overlap thresholds: lenient and strict."""

KEY_FILES = ("quotes.csv", "entities.csv", "claims.csv")

REQUIRED = {
    "quotes.csv": ("content", "kind", "speaker_name", "source_type"),
    "entities.csv": ("text", "type", "name"),
    "claims.csv": ("text",),
}
OPTIONAL = {
    "quotes.csv": ("start_char", "end_char", "cue", "channel"),
    "entities.csv": ("start_char", "end_char"),
    "claims.csv": ("start_char", "end_char"),
}
ALLOWED = {
    ("quotes.csv", "kind"): ("direct", "indirect", "mixed"),
    ("quotes.csv", "source_type"): ("named", "organization", "anonymous", "own_sources"),
}
HEADERS = {
    "quotes.csv": "start_char,end_char,content,kind,speaker_name,source_type,cue,channel",
    "entities.csv": "start_char,end_char,text,type,name",
    "claims.csv": "start_char,end_char,text",
}

COLUMNS = ["table", "match", "precision", "recall", "f1", "n_predicted", "n_key", "n_correct"]


@dataclass(frozen=True)
class AnswerKey:
    """A hand-checked answer key: its folder and a table per file it has (or ``None``)."""

    path: Path
    quotes: pd.DataFrame | None = None
    entities: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    files: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        return f"<AnswerKey {self.path.name!r}: {', '.join(self.files) or 'no files'}>"


# ----- reading a key ------------------------------------------------------------


def _key_folder(name_or_path) -> Path:
    from kit import loading

    if isinstance(name_or_path, AnswerKey):
        return name_or_path.path
    if name_or_path is None:
        name_or_path = loading.DEFAULT_ARTICLE
    path = Path(name_or_path).expanduser()
    candidates = []
    if isinstance(name_or_path, str) and path.name == name_or_path and not path.suffix:
        candidates.append(loading.seeds_dir() / f"{name_or_path}.key")
    if path.suffix == ".txt":
        candidates.append(path.with_suffix(".key"))
    candidates.append(path)
    for c in candidates:
        if c.is_dir():
            return c
    bundled = [p.name.removesuffix(".key") for p in loading.seeds_dir().glob("*.key")]
    raise KeyNotFoundError(
        f"No answer key at {str(name_or_path)!r}: an answer key is a folder named"
        f" '<article>.key' (for example {str(candidates[0])!r}) holding quotes.csv,"
        f" entities.csv and/or claims.csv.{did_you_mean(str(name_or_path), bundled)}"
        f" Bundled keys: {format_options(bundled)}. To write your own, copy the seed's key"
        " folder and edit it:\n    import shutil, kit.loading as L\n"
        "    shutil.copytree(L.seeds_dir() / '000_32ac5be837c66968.key', 'my_article.key')"
    )


def _read_csv(path: Path) -> pd.DataFrame:
    name = path.name
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise KeyFormatError(
            f"{name} in {str(path.parent)!r} is not UTF-8 text (byte at position {err.start})."
            " Save it again as 'CSV UTF-8' in your spreadsheet, or with encoding UTF-8 in your editor."
        ) from None
    # Comment lines may stand before the header; blank lines inside quoted fields are text.
    lines = raw.splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("#")):
        lines.pop(0)
    if not lines:
        raise KeyFormatError(
            f"{name} in {str(path.parent)!r} is empty. Its first line must name the columns:\n"
            f"    {HEADERS[name]}\nthen one row per line; or delete the file to skip this table."
        )
    try:
        rows = [r for r in csv.reader(io.StringIO("\n".join(lines))) if any(f.strip() for f in r)]
    except csv.Error as err:
        raise KeyFormatError(f"{name} in {str(path.parent)!r} is not valid CSV: {err}.") from None
    header = [h.strip() for h in rows[0]]
    for col in REQUIRED[name]:
        if col not in header:
            hint = did_you_mean(col, header)
            raise KeyFormatError(
                f"{name} in {str(path.parent)!r} has no column {col!r}.{hint} Its columns are"
                f" {format_options(header)}. The first line of {name} must name the columns:\n"
                f"    {HEADERS[name]}"
            )
    width = len(header)
    data: dict[str, list] = {h: [] for h in header}
    for k, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            raise KeyFormatError(
                f"Line {k} of {name} has {len(row)} fields but the header has {width}"
                f" ({', '.join(header)}). Put any text that contains a comma between double"
                ' quotation marks, and write a double quotation mark inside it as "".'
            )
        for h, v in zip(header, row):
            data[h].append(v)
    df = pd.DataFrame({h: pd.Series(v, dtype="object") for h, v in data.items()})
    for col in ("start_char", "end_char"):
        if col not in df:
            df[col] = ""
        values = []
        for k, v in enumerate(df[col].tolist(), start=2):
            v = v.strip()
            if v == "":
                values.append(None)
            elif v.isdigit():
                values.append(int(v))
            else:
                raise KeyFormatError(
                    f"Line {k} of {name}: {col} is {v!r}, not a whole number. Write the character"
                    " offset (find it with article.text.find(...)), or leave it empty and the kit"
                    " finds the text itself."
                )
        df[col] = pd.array(values, dtype="Int64")
    for (fname, col), options in ALLOWED.items():
        if fname != name:
            continue
        for k, v in enumerate(df[col].tolist(), start=2):
            if str(v).strip() not in options:
                raise KeyFormatError(
                    f"Line {k} of {name}: {col} is {v!r}.{did_you_mean(v.strip(), options)}"
                    f" It must be one of {format_options(options)}."
                )
        df[col] = df[col].astype("string").str.strip()
    for col in OPTIONAL[name]:
        if col not in df:
            df[col] = ""
    order = [c for c in HEADERS[name].split(",")] + [c for c in df.columns if c not in HEADERS[name]]
    df = df[order]
    for col in df.columns:
        if col not in ("start_char", "end_char"):
            df[col] = df[col].astype("string")
    return df


def load_key(name_or_path=None) -> AnswerKey:
    """Read an answer key folder.

    Parameters
    ----------
    name_or_path
        A bundled article's name (its key is ``seeds/<name>.key``), the path of
        a ``.key`` folder, or the path of an article ``.txt`` file (its key is
        the ``.key`` folder beside it). Leave it out for the seed's key.

    Raises
    ------
    KeyNotFoundError
        No such folder, or it holds none of quotes.csv, entities.csv, claims.csv.
    KeyFormatError
        A file is malformed; the message names the file, line and column.

    Examples
    --------
    >>> import kit
    >>> key = kit.load_key("000_32ac5be837c66968")
    >>> len(key.quotes), len(key.claims)
    (8, 2)
    """
    folder = _key_folder(name_or_path)
    tables = {}
    for fname in KEY_FILES:
        p = folder / fname
        if p.is_file():
            tables[fname.removesuffix(".csv")] = _read_csv(p)
    if not tables:
        present = sorted(p.name for p in folder.iterdir())
        raise KeyNotFoundError(
            f"The answer key folder {str(folder)!r} holds none of quotes.csv, entities.csv,"
            f" claims.csv (it has {format_options(present)}). Add at least one, starting"
            f" from its header line, for example quotes.csv:\n    {HEADERS['quotes.csv']}"
        )
    return AnswerKey(path=folder, files=tuple(f"{t}.csv" for t in tables), **tables)


# ----- checking a key against its article ------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(match_form(str(text)).replace("“", '"').replace("”", '"').split())


def _anchor(article, df: pd.DataFrame, text_col: str, fname: str) -> pd.DataFrame:
    """Fill empty offsets by finding the text, and check the given ones."""
    text = article.text
    df = df.copy()
    starts, ends = [], []
    cursor = 0
    for k, (a, b, t) in enumerate(zip(df["start_char"], df["end_char"], df[text_col]), start=2):
        t = "" if pd.isna(t) else str(t)
        if pd.isna(a) or pd.isna(b):
            pos = text.find(t, cursor)
            if pos == -1:
                pos = text.find(t)
            if pos == -1 or not t:
                raise KeyFormatError(
                    f"Line {k} of {fname}: the {text_col} {t[:60]!r} is not in the article"
                    f" {article.name!r}, and no start_char/end_char says where it is. Copy the"
                    " text exactly from the article (curly quotes and all), or give its offsets."
                )
            a, b = pos, pos + len(t)
        a, b = int(a), int(b)
        if not 0 <= a < b <= len(text):
            raise KeyFormatError(
                f"Line {k} of {fname}: start_char={a}, end_char={b} is not a span of the"
                f" article {article.name!r} ({len(text)} characters). start_char must be"
                " smaller than end_char, both within the text."
            )
        if t and _norm(text[a:b]) != _norm(t):
            raise KeyFormatError(
                f"Line {k} of {fname}: the article's text at {a}:{b} is {text[a:b][:60]!r},"
                f" not the {text_col} {t[:60]!r}. Is this the key of another article? Fix"
                f" the offsets (article.text.find({t[:30]!r}) finds them) or leave them empty."
            )
        starts.append(a)
        ends.append(b)
        cursor = b
    df["start_char"] = pd.array(starts, dtype="Int64")
    df["end_char"] = pd.array(ends, dtype="Int64")
    return df


# ----- matching -----------------------------------------------------------------------


def _overlap_score(key_span: tuple[int, int], pred_span: tuple[int, int]) -> float:
    """Characters shared divided by the key span's length (the Gender Gap Tracker's score)."""
    ka, kb = key_span
    pa, pb = pred_span
    if kb <= ka or pb <= pa:
        return 0.0
    return max(0, min(kb, pb) - max(ka, pa)) / (kb - ka)


def match_quotes(predicted: pd.DataFrame, key: pd.DataFrame, threshold: float) -> list[tuple[int, int]]:
    """Pair key quotes with predicted quotes, the Gender Gap Tracker's way.

    Returns ``(key_row, predicted_row)`` positions. Each key quote, in order,
    takes the remaining predicted quote whose content overlaps it best, if
    that score is strictly above ``threshold``.

    Examples
    --------
    >>> key = pd.DataFrame({"start_char": [0, 50], "end_char": [40, 60]})
    >>> pred = pd.DataFrame({"content_start": [0, 51], "content_end": [20, 90]})
    >>> match_quotes(pred, key, 0.3), match_quotes(pred, key, 0.8)
    ([(0, 0), (1, 1)], [(1, 1)])
    """
    remaining = list(range(len(predicted)))
    p_spans = list(zip(predicted["content_start"].tolist(), predicted["content_end"].tolist()))
    pairs = []
    for i, span in enumerate(zip(key["start_char"].tolist(), key["end_char"].tolist())):
        best, best_score = None, threshold
        for j in remaining:
            score = _overlap_score(span, p_spans[j])
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            pairs.append((i, best))
            remaining.remove(best)
    return pairs


def _row(table: str, match: str, n_pred: int, n_key: int, n_correct: int) -> dict:
    precision = n_correct / n_pred if n_pred else (1.0 if n_key == 0 else 0.0)
    recall = n_correct / n_key if n_key else (1.0 if n_pred == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "table": table,
        "match": match,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "n_predicted": n_pred,
        "n_key": n_key,
        "n_correct": n_correct,
    }


def _same(a, b) -> bool:
    a = "" if a is None or pd.isna(a) else _norm(a)
    b = "" if b is None or pd.isna(b) else _norm(b)
    return a == b


def _quote_rows(quotes: pd.DataFrame, key: pd.DataFrame) -> list[dict]:
    out = []
    for t in THRESHOLDS:
        out.append(_row("quotes", f"overlap>{t}", len(quotes), len(key), len(match_quotes(quotes, key, t))))
    dq = quotes[quotes["kind"] == "direct"].reset_index(drop=True)
    dk = key[key["kind"] == "direct"].reset_index(drop=True)
    for t in THRESHOLDS:
        out.append(_row("direct_quotes", f"overlap>{t}", len(dq), len(dk), len(match_quotes(dq, dk, t))))
    pairs = match_quotes(quotes, key, THRESHOLDS[0])
    for col, table in (("speaker_name", "speakers"), ("source_type", "source_types")):
        n = sum(_same(key[col].iat[i], quotes[col].iat[j]) for i, j in pairs)
        out.append(_row(table, f"{col}, overlap>{THRESHOLDS[0]}", len(quotes), len(key), n))
    return out


def _claim_rows(article, claims: pd.DataFrame, key: pd.DataFrame) -> list[dict]:
    sents = article.doc.sentences
    spans = list(zip(sents["sentence_id"], sents["start_char"], sents["end_char"]))
    wanted = set()
    for a, b in zip(key["start_char"].tolist(), key["end_char"].tolist()):
        best = max(spans, key=lambda s: min(b, s[2]) - max(a, s[1]))
        wanted.add(best[0])
    flagged = set(claims.loc[claims["unattributed_claim"], "sentence_id"].tolist())
    return [_row("claims", "sentence", len(flagged), len(wanted), len(flagged & wanted))]


def evaluate(article, key=None) -> pd.DataFrame:
    """Score an article's automatic tables against an answer key.

    Parameters
    ----------
    article
        An :class:`~kit.article.Article`.
    key
        An :class:`AnswerKey`, a key's name or path (see :func:`load_key`), or
        ``None`` for the key beside the article (``seeds/<name>.key`` for a
        bundled article, ``<file>.key`` beside your own file).

    Returns
    -------
    pandas.DataFrame
        One row per (table, match): ``table, match, precision, recall, f1,
        n_predicted, n_key, n_correct``.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> scores = kit.evaluate(article)
    >>> scores.loc[scores["table"].isin(["quotes", "speakers", "claims"]), ["table", "n_key", "f1"]]
          table  n_key   f1
    0    quotes      8  1.0
    1    quotes      8  1.0
    4  speakers      8  1.0
    8    claims      2  1.0
    """
    from kit.article import Article

    if not isinstance(article, Article):
        raise TypeError(
            f"evaluate() takes an Article first, but got a {type(article).__name__}. Load one with"
            "\n    article = kit.load_article('my_article.txt')\n    kit.evaluate(article, key)"
        )
    if key is None:
        key = article.path.with_suffix(".key") if article.path is not None else article.name
    if not isinstance(key, AnswerKey | str | Path):
        raise TypeError(
            f"evaluate() takes an answer key as its second argument (a key's name or folder,"
            f" or kit.load_key(...)), but got a {type(key).__name__}. For example\n"
            "    kit.evaluate(article, 'my_article.key')"
        )
    if not isinstance(key, AnswerKey):
        key = load_key(key)
    rows: list[dict] = []
    if key.quotes is not None:
        kq = _anchor(article, key.quotes, "content", "quotes.csv")
        rows += _quote_rows(article.quotes, kq)
    if key.entities is not None:
        from kit import entities as _entities

        ke = _anchor(article, key.entities, "text", "entities.csv")
        predicted = article.entities
        for fn in (_entities.score_entities, _entities.score_alias_groups):
            res = fn(predicted, ke)
            rows += res[COLUMNS].to_dict("records")
    if key.claims is not None:
        kc = _anchor(article, key.claims, "text", "claims.csv")
        rows += _claim_rows(article, article.claims, kc)
    out = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("table", "match"):
        out[col] = out[col].astype("string")
    for col in ("precision", "recall", "f1"):
        out[col] = out[col].astype("float64")
    for col in ("n_predicted", "n_key", "n_correct"):
        out[col] = out[col].astype("int64")
    return out


# ----- entities: mentions by span and type, alias groups pairwise ----------------------

__all__ += ["score_alias_groups", "score_entities"]


def _score_row(table: str, match: str, n_pred: int, n_key: int, n_correct: int) -> pd.DataFrame:
    precision = n_correct / n_pred if n_pred else (1.0 if n_key == 0 else 0.0)
    recall = n_correct / n_key if n_key else (1.0 if n_pred == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return pd.DataFrame(
        {
            "table": pd.Series([table], dtype="string"),
            "match": pd.Series([match], dtype="string"),
            "precision": pd.Series([precision], dtype="float64"),
            "recall": pd.Series([recall], dtype="float64"),
            "f1": pd.Series([f1], dtype="float64"),
            "n_predicted": pd.Series([n_pred], dtype="int64"),
            "n_key": pd.Series([n_key], dtype="int64"),
            "n_correct": pd.Series([n_correct], dtype="int64"),
        }
    )


def _check_key(key: pd.DataFrame, needed: tuple[str, ...]) -> None:
    missing = [c for c in needed if c not in key.columns]
    if missing:
        raise ValueError(
            f"The entity key has no column {missing[0]!r}; it has {list(key.columns)!r}."
            f" An entity key needs the columns {', '.join(needed)}"
            " (one row per mention; mentions sharing a name are one entity)."
        )


def score_entities(predicted: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the entity mentions: exact span and type.

    Parameters
    ----------
    predicted
        ``article.entities`` (or any table with ``start_char``, ``end_char``, ``type``).
    key
        A key's ``entities.csv``: ``start_char``, ``end_char``, ``text``, ``type``, ``name``.

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().entities
    >>> score_entities(e, e)[["table", "f1", "n_correct"]]
          table   f1  n_correct
    0  entities  1.0         67
    """
    _check_key(key, ("start_char", "end_char", "type"))
    pred = set(
        zip(
            predicted["start_char"].astype(int),
            predicted["end_char"].astype(int),
            predicted["type"].astype(str),
        )
    )
    gold = set(zip(key["start_char"].astype(int), key["end_char"].astype(int), key["type"].astype(str)))
    return _score_row("entities", "exact span and type", len(pred), len(gold), len(pred & gold))


def _pairs(spans: list[tuple[int, int]], groups: list) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    by_group: dict = {}
    for span, g in zip(spans, groups):
        by_group.setdefault(g, []).append(span)
    pairs = set()
    for members in by_group.values():
        members = sorted(set(members))
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def score_alias_groups(predicted: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Pairwise precision, recall and F1 of the alias groups.

    Every pair of mentions (by span) that the prediction puts in one entity is
    compared with the pairs the key puts under one ``name``.

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().entities
    >>> score_alias_groups(e, e)[["table", "match", "f1"]]
               table     match   f1
    0  alias_groups  pairwise  1.0
    """
    _check_key(key, ("start_char", "end_char", "name"))
    group_col = "entity_id" if "entity_id" in predicted.columns else "name"
    pred = _pairs(
        list(zip(predicted["start_char"].astype(int), predicted["end_char"].astype(int))),
        predicted[group_col].tolist(),
    )
    gold = _pairs(list(zip(key["start_char"].astype(int), key["end_char"].astype(int))), key["name"].tolist())
    return _score_row("alias_groups", "pairwise", len(pred), len(gold), len(pred & gold))
