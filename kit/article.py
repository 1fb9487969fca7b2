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
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from kit import loading
from kit.document import Doc, make_doc
from kit.errors import EmptyArticleError, did_you_mean, format_options
from kit.parts import ANALYSED_PARTS, Paragraph, find_parts
from kit.schemas import INPUTS, TABLES
from kit.schemas import module_of as schema_module

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
            f" {len(self.doc.sentences['sentence_id'])} sentences>"
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

    # ----- the text's spans and the tables ----------------------------------

    @property
    def doc(self) -> Doc:
        """The text, metadata and spans every table is built from (see :mod:`kit.document`)."""
        cache = self.__dict__.setdefault("_cache", {})
        if "doc" not in cache:
            cache["doc"] = make_doc(
                self.text, name=self.name, metadata=self.metadata, path=self.path, paragraphs=self._paragraphs
            )
        return cache["doc"]

    @property
    def _paragraphs(self) -> tuple[Paragraph, ...]:
        # found on loading (to refuse an article with no paragraph), before the sentences
        cache = self.__dict__.setdefault("_cache", {})
        if "paragraphs" not in cache:
            cache["paragraphs"] = tuple(find_parts(self.text, title=self.metadata.get("title")))
        return cache["paragraphs"]

    def _built(self, name: str) -> Any:
        """Build a table or step once, with its declared inputs, and cache it (no copy)."""
        cache = self.__dict__.setdefault("_cache", {})
        if name in cache:
            return cache[name]
        module = importlib.import_module(schema_module(name))  # a friendly error for unknown names
        builder = getattr(module, f"build_{name.lstrip('_')}")
        value = builder(self.doc, *(self._built(i) for i in INPUTS[name]))
        cache[name] = value
        return value

    def table(self, name: str) -> pd.DataFrame:
        """Return any table by name, for example ``article.table("tokens")``.

        The names are those of :data:`kit.schemas.TABLES`; each is also an
        attribute (``article.tokens``). You get your own copy: changing it
        cannot change the article or any other table.

        Examples
        --------
        >>> import kit
        >>> kit.load_article().table("sentences").shape
        (18, 8)
        """
        if name not in TABLES:
            schema_module(name)  # raises a friendly error for unknown names
        cached = "_cache" in self.__dict__ and name in self.__dict__["_cache"]
        if cached:
            return self.__dict__["_cache"][name].copy()
        # Warnings raised while a table is built are shown at the learner's
        # line (the cell that asked for the table), not inside the kit.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = self._built(name)
        for w in caught:
            warnings.warn(w.message, w.category, stacklevel=3)
        return value.copy()

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
        return self.table("parts")

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
        return self.table("sentences")

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
        return self.table("tokens")

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
        """One row per sentence: is it attributed, and is it a disputable claim with no source? (see :mod:`kit.claims`)."""
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
