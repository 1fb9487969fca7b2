"""kit: read one news article closely, as tidy pandas tables.

>>> import kit
>>> article = kit.load_article()          # the bundled seed article
>>> article.sentences.shape
(18, 8)

The tables: ``article.parts``, ``article.sentences``, ``article.tokens``.
Every table's columns are documented in :mod:`kit.schemas`
(``kit.describe("tokens")``).
"""

from kit.article import Article, load_article, parse_article
from kit.errors import (
    ArticleEncodingError,
    ArticleEncodingWarning,
    ArticleFormatError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    KitError,
    KitWarning,
)
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
    from kit.errors import did_you_mean

    raise AttributeError(
        f"module 'kit' has no attribute {name!r}.{did_you_mean(name, [*__all__, *_LAZY])}"
        " See dir(kit) for what the kit offers."
    )


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Article",
    "ArticleEncodingError",
    "ArticleEncodingWarning",
    "ArticleFormatError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryArticleError",
    "EmptyArticleError",
    "KitError",
    "KitWarning",
    "describe",
    "list_articles",
    "load_article",
    "parse_article",
]
