"""kit: read one news article closely, as tidy pandas tables.

>>> import kit
>>> article = kit.load_article()          # the bundled seed article
>>> article.sentences.shape
(18, 8)

Tables (each a plain DataFrame; columns documented with ``kit.describe(name)``):
``article.parts``, ``sentences``, ``tokens``, ``quote_marks``, ``entities``,
``entity_registry``, ``quotes``, ``claims``, ``timeline``, ``events``,
``event_constraints`` and ``labels``. Functions: ``load_article``,
``parse_article``, ``list_articles``, ``describe``, ``evaluate`` and
``load_key`` (scoring against an answer key), ``infer_published``,
``convert_time`` and ``check_order`` (timeline), ``outlet_labels``,
``headline_vs_body``, ``reframe`` and ``corroboration_facts`` (framing), and
``setup`` (offline charts). ``import kit`` loads only what the first tables
need; the rest is imported on first use.

Errors: every error the kit raises on purpose is a ``kit.KitError`` and every
warning a ``kit.KitWarning``; the particular classes (``EmptyArticleError``,
``UnknownLabelError``, ...) live in :mod:`kit.errors`.
"""

from kit.article import Article, load_article, parse_article
from kit.errors import KitError, KitWarning
from kit.loading import list_articles
from kit.schemas import describe

__version__ = "0.1.0"

# Functions whose modules import more (or heavier) machinery are loaded on
# first use, so that ``import kit`` stays fast.
_LAZY = {
    "evaluate": "kit.scoring",
    "load_key": "kit.scoring",
    "infer_published": "kit.timeline",
    "convert_time": "kit.timeline",
    "check_order": "kit.timeline",
    "outlet_labels": "kit.framing",
    "headline_vs_body": "kit.framing",
    "reframe": "kit.framing",
    "corroboration_facts": "kit.framing",
    "setup": "kit.charts",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    from kit import errors
    from kit.errors import did_you_mean

    if name in errors.__all__:
        raise AttributeError(
            f"kit.{name} lives in kit.errors: write `from kit.errors import {name}`"
            f" (or catch every error of the kit with `except kit.KitError`)."
        )
    raise AttributeError(
        f"module 'kit' has no attribute {name!r}.{did_you_mean(name, [*__all__, *_LAZY])}"
        " See dir(kit) for what the kit offers."
    )


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Article",
    "KitError",
    "KitWarning",
    "check_order",
    "convert_time",
    "corroboration_facts",
    "describe",
    "evaluate",
    "headline_vs_body",
    "infer_published",
    "list_articles",
    "load_article",
    "load_key",
    "outlet_labels",
    "parse_article",
    "reframe",
    "setup",
]
