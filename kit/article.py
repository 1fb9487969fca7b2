"""The :class:`Article`: one news article, its metadata and its tidy tables.

>>> import kit
>>> article = kit.load_article()
>>> article.headline
'US military pounds three Iraqi resistance sites following retaliatory strikes'
>>> article.metadata["outlet"]
'Press TV'
>>> len(article.sentences), article.sentences["part"].value_counts(sort=False).tolist()
(18, [1, 1, 16])
"""

from __future__ import annotations

import datetime as dt
import importlib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from kit import loading
from kit.errors import EmptyArticleError, did_you_mean, format_options
from kit.lexicons import match_form
from kit.parts import ANALYSED_PARTS, Paragraph, find_parts
from kit.schemas import TABLES, frame
from kit.schemas import module_of as schema_module
from kit.sentences import sentence_spans
from kit.tokens import is_punctuation, stopwords, token_spans

__all__ = ["Article", "load_article", "parse_article"]


@dataclass(frozen=True, eq=False)
class Article:
    """A news article: its text, its metadata and the tables made from it.

    Make one with :func:`load_article` (a bundled article or a file) or
    :func:`parse_article` (pasted text). The text is never altered: every
    table's ``start_char`` and ``end_char`` index :attr:`text`. Each table is
    built the first time you ask for it, and you get your own copy, so
    changing it cannot break the article.

    Attributes
    ----------
    name
        The bundled article's name, or the file's name without ``.txt``.
    text
        The article's text, exactly as in the file (after any metadata header).
    metadata
        Outlet, section, language, published date and the rest, read-only.
    path
        The file it was read from, if any.
    """

    name: str
    text: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def __post_init__(self) -> None:
        # Dates written as text ("2024-03-01") become dates, however the metadata came.
        typed = loading._typed(dict(self.metadata), source=repr(self.name))
        object.__setattr__(self, "metadata", MappingProxyType(typed))
        if not self.text.strip():
            raise EmptyArticleError(
                f"The article {self.name!r} has no text to analyse. Paste the article's"
                " text into the file (or the string), then load it again."
            )
        if not any(p.part in ANALYSED_PARTS for p in self._paragraphs):
            raise EmptyArticleError(
                f"The article {self.name!r} has only page furniture (breadcrumbs,"
                " share buttons, addresses) and no paragraph to analyse. Check that"
                " you copied the article's body, then load it again."
            )

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: a mistyped table or attribute.
        if name.startswith("_"):
            raise AttributeError(name)
        public = [n for n in dir(type(self)) if not n.startswith("_")]
        raise AttributeError(
            f"An Article has no attribute {name!r}.{did_you_mean(name, public)}"
            f" Its tables are {format_options(TABLES, limit=20)}; see also help(kit.Article)."
        )

    def __repr__(self) -> str:
        published = self.published.isoformat() if self.published else "date unknown"
        if self.metadata.get("published_inferred"):
            published += " (inferred)"
        outlet = self.metadata.get("outlet") or "outlet unknown"
        headline = self.headline or self.text.strip().split("\n", 1)[0][:60]
        return (
            f"<Article {self.name!r}: {outlet}, {published}: {headline!r},"
            f" {len(self._sentence_rows['sentence_id'])} sentences>"
        )

    def with_metadata(self, **changes: Any) -> Article:
        """Return a copy of the article with some metadata changed.

        The text and its offsets stay the same; every table is built anew.
        The usual use: another reference date for the timeline.

        Examples
        --------
        >>> import kit
        >>> seed = kit.load_article()
        >>> later = seed.with_metadata(published="2024-01-02")
        >>> later.published
        datetime.date(2024, 1, 2)
        >>> later.timeline.loc[later.timeline["text"] == "Monday morning", "value"].item()
        '2024-01-01TMO'
        >>> seed.published
        datetime.date(2023, 12, 26)
        """
        metadata = {**self.metadata, **changes}
        return Article(name=self.name, text=self.text, metadata=metadata, path=self.path)

    # ----- metadata shortcuts ---------------------------------------------

    @property
    def published(self) -> dt.date | None:
        """The publication date from the metadata, or ``None`` when unknown."""
        value = self.metadata.get("published")
        return value if isinstance(value, dt.date) else None

    @property
    def headline(self) -> str | None:
        """The headline's text, or ``None`` when the layout has no headline."""
        for p in self._paragraphs:
            if p.part == "headline":
                return self.text[p.start_char : p.end_char]
        return None

    # ----- tables ---------------------------------------------------------

    @cached_property
    def _paragraphs(self) -> list[Paragraph]:
        return find_parts(self.text, title=self.metadata.get("title"))

    @cached_property
    def _parts(self) -> pd.DataFrame:
        ps = self._paragraphs
        return frame(
            "parts",
            {
                "paragraph_id": [p.paragraph_id for p in ps],
                "part": [p.part for p in ps],
                "start_char": [p.start_char for p in ps],
                "end_char": [p.end_char for p in ps],
                "text": [self.text[p.start_char : p.end_char] for p in ps],
                "analysed": [p.part in ANALYSED_PARTS for p in ps],
                "rule": [p.rule for p in ps],
            },
        )

    @property
    def parts(self) -> pd.DataFrame:
        """One row per part of the page: breadcrumb, headline, byline, caption,
        photo credit, body paragraphs and boilerplate (see :mod:`kit.parts`).

        Examples
        --------
        >>> import kit
        >>> kit.load_article().parts[["paragraph_id", "part"]].head(5)
           paragraph_id        part
        0             0  breadcrumb
        1             1    headline
        2             2     caption
        3             2      credit
        4             3        body
        """
        return self._parts.copy()

    @cached_property
    def _sentence_rows(self) -> dict[str, list]:
        rows: dict[str, list] = {k: [] for k in ("paragraph_id", "part", "start_char", "end_char", "rule")}
        for p in self._paragraphs:
            if p.part not in ANALYSED_PARTS:
                continue
            for start, end, rule in sentence_spans(self.text, p.start_char, p.end_char):
                rows["paragraph_id"].append(p.paragraph_id)
                rows["part"].append(p.part)
                rows["start_char"].append(start)
                rows["end_char"].append(end)
                rows["rule"].append(rule)
        rows["sentence_id"] = list(range(len(rows["start_char"])))
        return rows

    @cached_property
    def _token_rows(self) -> dict[str, list]:
        text = self.text
        stops = stopwords()
        rows: dict[str, list] = {
            k: []
            for k in (
                "sentence_id",
                "position",
                "start_char",
                "end_char",
                "text",
                "lower",
                "is_punct",
                "is_stop",
                "rule",
            )
        }
        for sid, s_start, s_end in zip(
            self._sentence_rows["sentence_id"],
            self._sentence_rows["start_char"],
            self._sentence_rows["end_char"],
        ):
            for position, (start, end, rule) in enumerate(token_spans(text, s_start, s_end)):
                token = text[start:end]
                lower = match_form(token)
                rows["sentence_id"].append(sid)
                rows["position"].append(position)
                rows["start_char"].append(start)
                rows["end_char"].append(end)
                rows["text"].append(token)
                rows["lower"].append(lower)
                rows["is_punct"].append(is_punctuation(token))
                rows["is_stop"].append(lower in stops)
                rows["rule"].append(rule)
        rows["token_id"] = list(range(len(rows["start_char"])))
        return rows

    @cached_property
    def _sentences(self) -> pd.DataFrame:
        rows = dict(self._sentence_rows)
        rows["text"] = [self.text[a:b] for a, b in zip(rows["start_char"], rows["end_char"])]
        counts = [0] * len(rows["start_char"])
        for sid, punct in zip(self._token_rows["sentence_id"], self._token_rows["is_punct"]):
            if not punct:
                counts[sid] += 1
        rows["n_words"] = counts
        return frame("sentences", rows)

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of the headline, caption and body.

        Examples
        --------
        >>> import kit
        >>> s = kit.load_article().sentences
        >>> s.loc[0, ["sentence_id", "part", "n_words"]].to_dict()
        {'sentence_id': 0, 'part': 'headline', 'n_words': 10}
        >>> s.loc[17, "text"]
        'Washington has also vetoed United Nations Security Council resolutions that called for a ceasefire in Gaza.'
        """
        return self._sentences.copy()

    @cached_property
    def _tokens(self) -> pd.DataFrame:
        return frame("tokens", self._token_rows)

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per word token, keyed by ``sentence_id``.

        Examples
        --------
        >>> import kit
        >>> t = kit.load_article().tokens
        >>> t.loc[t["sentence_id"] == 0, "text"].tolist()[:4]
        ['US', 'military', 'pounds', 'three']
        >>> int((~t["is_punct"] & ~t["is_stop"]).sum()) > 0
        True
        """
        return self._tokens.copy()

    # ----- tables built by other modules ---------------------------------------

    def table(self, name: str) -> pd.DataFrame:
        """Return any table by name, for example ``article.table("tokens")``.

        The names are those of :data:`kit.schemas.TABLES`; each is also an
        attribute (``article.tokens``).

        Examples
        --------
        >>> import kit
        >>> kit.load_article().table("sentences").shape
        (18, 8)
        """
        module_name = schema_module(name)  # raises a friendly error for unknown names
        if module_name == "kit.article":
            return getattr(self, name)
        cache = self.__dict__.setdefault("_tables", {})
        if name not in cache:
            module = importlib.import_module(module_name)
            # Warnings raised while a table is built are shown at the learner's
            # line (the cell that asked for the table), not inside the kit.
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                cache[name] = getattr(module, f"build_{name}")(self)
            for w in caught:
                warnings.warn(w.message, w.category, stacklevel=3)
        return cache[name].copy()

    @property
    def quote_marks(self) -> pd.DataFrame:
        """One row per span between quotation marks (see :mod:`kit.quotemarks`)."""
        return self.table("quote_marks")

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention, with an ``entity_id`` shared by aliases (see :mod:`kit.entities`)."""
        return self.table("entities")

    @property
    def entity_registry(self) -> pd.DataFrame:
        """One row per entity: its canonical name, type, aliases and mention count (see :mod:`kit.entities`)."""
        return self.table("entity_registry")

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per attributed statement: direct, indirect or mixed, with its speaker (see :mod:`kit.quotes`)."""
        return self.table("quotes")

    @property
    def claims(self) -> pd.DataFrame:
        """One row per sentence: is it attributed, and is it a disputable claim with no source? (see :mod:`kit.quotes`)."""
        return self.table("claims")

    @property
    def timeline(self) -> pd.DataFrame:
        """One row per time expression, normalised against the reference date (see :mod:`kit.timeline`)."""
        return self.table("timeline")

    @property
    def events(self) -> pd.DataFrame:
        """One row per reported event, with its place in the text and in time (see :mod:`kit.timeline`)."""
        return self.table("events")

    @property
    def event_constraints(self) -> pd.DataFrame:
        """One row per BEFORE / AFTER / OVERLAP constraint between two events (see :mod:`kit.timeline`)."""
        return self.table("event_constraints")

    @property
    def labels(self) -> pd.DataFrame:
        """One row per label the article gives an actor or an action (see :mod:`kit.framing`)."""
        return self.table("labels")


def load_article(
    name_or_path: str | Path | None = None,
    *,
    encoding: str | None = None,
    max_bytes: int = loading.MAX_BYTES,
) -> Article:
    """Load a bundled article by name, or your own article from a file.

    Parameters
    ----------
    name_or_path
        A name from :func:`kit.list_articles` or the path of a ``.txt`` file.
        Leave it out to load the seed article.
    encoding
        The file's encoding, if it is neither UTF-8 nor Windows-1252.
    max_bytes
        Refuse files larger than this (10 MB unless you say otherwise).

    Returns
    -------
    Article

    Raises
    ------
    ArticleNotFoundError
        No bundled article by that name and no file at that path.
    EmptyArticleError, BinaryArticleError, ArticleEncodingError,
    ArticleTooLargeError, ArticleFormatError
        The file is not a readable article; the message says how to fix it.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> article.name, str(article.published), article.metadata["published_inferred"]
    ('000_32ac5be837c66968', '2023-12-26', True)
    """
    path, name = loading.resolve(name_or_path)
    data = loading.read_bytes(path, max_bytes=max_bytes)
    text = loading.decode_bytes(data, source=repr(path.name), encoding=encoding)
    metadata = loading.read_sidecar(path)
    header, start = loading.read_header(text, source=repr(path.name))
    metadata.update(header)
    return Article(name=name, text=text[start:], metadata=metadata, path=path)


def parse_article(
    text: str,
    *,
    name: str = "pasted",
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """Make an :class:`Article` from text you have in a string (pasted text).

    A metadata header at the top of the text is read as in a file.

    Examples
    --------
    >>> import kit
    >>> a = kit.parse_article("Storm hits coast\\n\\nA storm hit the coast on Monday. Two people were hurt.")
    >>> a.sentences[["part", "text"]]
           part                             text
    0  headline                 Storm hits coast
    1      body  A storm hit the coast on Monday.
    2      body          Two people were hurt.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse_article() takes the article's text as a string, but got a"
            f" {type(text).__name__}. To load a file, use kit.load_article(path)."
        )
    header, start = loading.read_header(text, source="the pasted text")
    meta = dict(metadata or {})
    meta.update(header)
    return Article(name=name, text=text[start:], metadata=meta)
