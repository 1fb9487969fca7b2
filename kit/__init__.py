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
