"""Errors and warnings written for learners.

Every message says what was wrong (quoting the learner's own value), what the
valid options are where there is a short list, and ends with a fix to copy.
Each error subclasses the built-in exception that fits, so ``except
ValueError`` or ``except FileNotFoundError`` keeps working.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "ArticleEncodingError",
    "ArticleEncodingWarning",
    "ArticleFormatError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryArticleError",
    "EmptyArticleError",
    "KeyFormatError",
    "KeyNotFoundError",
    "KitError",
    "KitWarning",
    "NotEnglishWarning",
    "UnknownLabelError",
    "UnknownTableError",
]


class KitError(Exception):
    """Base class of every error the kit raises on purpose."""


class KitWarning(UserWarning):
    """Base class of every warning the kit gives."""


class ArticleNotFoundError(KitError, FileNotFoundError):
    """No bundled article has that name and no file is at that path."""


class EmptyArticleError(KitError, ValueError):
    """The article has no text to analyse."""


class BinaryArticleError(KitError, ValueError):
    """The file is not text (a PDF, a word-processor file, an image, ...)."""


class ArticleEncodingError(KitError, ValueError):
    """The file's bytes could not be read as text."""


class ArticleTooLargeError(KitError, ValueError):
    """The file is far larger than a news article."""


class ArticleFormatError(KitError, ValueError):
    """The file's metadata header is malformed."""


class KeyNotFoundError(KitError, FileNotFoundError):
    """No answer key at that name or path."""


class KeyFormatError(KitError, ValueError):
    """An answer key's file is malformed (the message says which file, row and column)."""


class UnknownTableError(KitError, KeyError):
    """No table has that name."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class UnknownLabelError(KitError, KeyError):
    """A substitution names a label the article does not use."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class ArticleEncodingWarning(KitWarning):
    """The file was not UTF-8 and was read with another encoding."""


class NotEnglishWarning(KitWarning):
    """The article is not in English (its header says so, or its words do): the kit reads English only."""


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """Return ``' Did you mean 'x'?'`` for the closest option, or ``''``.

    Examples
    --------
    >>> did_you_mean("sed", ["seed", "other"])
    " Did you mean 'seed'?"
    >>> did_you_mean("zzz", ["seed"])
    ''
    """
    options = list(options)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    if not close:
        # Learners often type only the start of a long name.
        close = [o for o in options if o.startswith(value)][:1] if value else []
    return f" Did you mean {close[0]!r}?" if close else ""


def format_options(options: Iterable[str], *, limit: int = 8) -> str:
    """Return the options as a short quoted list for a message.

    Examples
    --------
    >>> format_options(["a", "b"])
    "'a', 'b'"
    """
    options = sorted(options)
    shown = ", ".join(repr(o) for o in options[:limit])
    if len(options) > limit:
        shown += f", ... ({len(options) - limit} more)"
    return shown or "(none)"
