"""Reading article files: bundled articles, your own files and pasted text.

A file becomes an :class:`~kit.article.Article` in three steps:

1. **Bytes to text.** UTF-8 first (a byte-order mark is allowed). A file that
   is not UTF-8 but reads as Windows-1252 (what Word and many Windows editors
   save, with curly quotes as bytes 0x93 and 0x94) is read with an
   :class:`~kit.errors.ArticleEncodingWarning` that says how to re-save it.
   Empty, binary and oversized files are refused with a message that says what
   to do instead.
2. **Metadata.** An optional header of ``key: value`` lines between two
   ``---`` lines at the very top of the file (the format is in the README),
   and for bundled articles a ``.toml`` file beside the text.
3. **Layout.** :mod:`kit.parts` finds the breadcrumb, headline, caption, body
   and boilerplate.

The text after the header is kept exactly as it is in the file: every offset
in every table indexes it.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import warnings
from pathlib import Path
from typing import Any

from kit.errors import (
    ArticleEncodingError,
    ArticleEncodingWarning,
    ArticleFormatError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    did_you_mean,
    format_options,
)

__all__ = ["DEFAULT_ARTICLE", "MAX_BYTES", "decode_bytes", "list_articles", "read_header"]

MAX_BYTES = 10_000_000
"""Largest file the kit reads (10 MB). A long news article is under 100 kB;
the limit is there so that a mistaken path to a data dump fails at once
instead of freezing the notebook."""

DEFAULT_ARTICLE = "000_32ac5be837c66968"
"""The bundled seed article that ``load_article()`` opens with no argument."""

_HEADER_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]*):(.*)$")

# Leading bytes of file formats that learners mistake for text.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (a .docx, .odt or .epub file is one)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document (.doc)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "a Rich Text Format (.rtf) document",
}


def seeds_dir() -> Path:
    """Return the folder of bundled articles.

    In a wheel the seeds are package data (``kit/seeds``); in a checkout they
    are the repository's top-level ``seeds/`` folder.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise ArticleNotFoundError(
        "The kit's bundled articles are missing: no 'seeds' folder next to the"
        f" package at {here}. Reinstall the kit, for example with\n"
        "    python -m pip install --force-reinstall ."
    )


def list_articles() -> list[str]:
    """Return the names of the bundled articles, sorted.

    Examples
    --------
    >>> import kit
    >>> kit.list_articles()
    ['000_32ac5be837c66968']
    """
    return sorted(p.stem for p in seeds_dir().glob("*.txt"))


def resolve(name_or_path: str | Path | None) -> tuple[Path, str]:
    """Find the file for a bundled article name or a path.

    Returns the path and the article's name (the file's stem).
    """
    if name_or_path is None:
        name_or_path = DEFAULT_ARTICLE
    if not isinstance(name_or_path, str | Path):
        raise TypeError(
            f"load_article() takes a bundled article's name or a file's path (text), but got"
            f" {name_or_path!r}, of type {type(name_or_path).__name__}. For example\n"
            "    kit.load_article('000_32ac5be837c66968')  or  kit.load_article('my_article.txt')"
        )
    if isinstance(name_or_path, str) and ("\n" in name_or_path or len(name_or_path) > 500):
        raise ArticleNotFoundError(
            "load_article() takes a bundled article's name or a file's path, but"
            f" got what looks like the article's text ({len(name_or_path)} characters)."
            " To analyse pasted text, use\n    article = kit.parse_article(text)"
        )
    path = Path(name_or_path).expanduser()
    if isinstance(name_or_path, str) and not path.suffix and path.name == name_or_path:
        bundled = seeds_dir() / f"{name_or_path}.txt"
        if bundled.is_file():
            return bundled, name_or_path
    if path.is_dir():
        raise ArticleNotFoundError(
            f"{str(path)!r} is a folder, not an article file. Pass one file inside"
            " it, for example\n    kit.load_article('" + str(path / "my_article.txt") + "')"
        )
    if path.is_file():
        return path, path.stem
    names = list_articles()
    hint = did_you_mean(str(name_or_path), names)
    if not hint and path.parent != Path("."):
        siblings = [p.name for p in path.parent.glob("*")] if path.parent.is_dir() else []
        hint = did_you_mean(path.name, siblings)
    raise ArticleNotFoundError(
        f"No article called {str(name_or_path)!r}: it is neither a bundled article"
        f" nor a file at {str(path.resolve())!r}.{hint}"
        f" The bundled articles are {format_options(names)} (see kit.list_articles());"
        " for your own file, pass its path, for example\n"
        "    kit.load_article('my_article.txt')"
    )


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing one that is too large before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleTooLargeError(
            f"{path.name!r} is {size / 1e6:.1f} MB, but the kit reads articles of at"
            f" most {max_bytes / 1e6:.0f} MB (a long news article is under 0.1 MB)."
            " Check that this is the file you meant; to read one article from a"
            " larger file, copy its text into a file of its own."
        )
    return path.read_bytes()


def decode_bytes(data: bytes, *, source: str = "the text", encoding: str | None = None) -> str:
    """Decode an article's bytes, with a clear error for what is not text.

    Parameters
    ----------
    data
        The file's bytes.
    source
        How to name the input in messages (the file's name).
    encoding
        Force an encoding (for example ``"cp1252"``) instead of detecting.

    Examples
    --------
    >>> decode_bytes("Kata’ib".encode("utf-8"))
    'Kata’ib'
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     decode_bytes(b"\\x93quoted\\x94")
    '“quoted”'
    >>> caught[0].category.__name__
    'ArticleEncodingWarning'
    """
    if not data.strip():
        raise EmptyArticleError(
            f"{source} is empty{' (only white space)' if data else ''}: there is no"
            " article to analyse. Paste the article's text into the file, save it,"
            " and load it again."
        )
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryArticleError(
                f"{source} is {what}, not plain text. Open it, copy the article's"
                " text into a plain-text file (in your editor: Save As, 'Plain"
                " Text (.txt)', encoding UTF-8) and load that file instead."
            )
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as err:
            raise ArticleEncodingError(
                f"{source} could not be read with encoding={encoding!r}: {err}."
                " Leave encoding out to let the kit detect UTF-8 or Windows-1252."
            ) from None
    if b"\x00" in data[:65536]:
        raise BinaryArticleError(
            f"{source} contains NUL bytes, so it is a binary file (or UTF-16 text),"
            " not UTF-8 text. Save the article as plain text with encoding UTF-8"
            " and load that file instead."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as cp_err:
            raise ArticleEncodingError(
                f"{source} is not UTF-8 text (byte {data[err.start]:#04x} at position"
                f" {err.start}), nor Windows-1252 (byte {data[cp_err.start]:#04x} at position"
                f" {cp_err.start}). Re-save it as UTF-8 (in your"
                " editor: Save As, encoding 'UTF-8'), or, if you know its encoding,"
                " pass it, for example\n    kit.load_article(path, encoding='latin-1')"
            ) from None
        warnings.warn(
            f"{source} is not UTF-8 (byte {data[err.start]:#04x} at position"
            f" {err.start}); it was read as Windows-1252, which turned that byte into"
            f" {text[err.start]!r}. Check the curly quotes and accents, then re-save"
            " the file as UTF-8 to silence this warning.",
            ArticleEncodingWarning,
            stacklevel=3,
        )
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise BinaryArticleError(
            f"{source} has {controls} control characters, so it is not plain text."
            " Save the article as plain text with encoding UTF-8 and load that file"
            " instead."
        )
    return text


def read_header(text: str, *, source: str = "the text") -> tuple[dict[str, Any], int]:
    """Split an optional metadata header off the top of an article.

    The header is ``key: value`` lines between a first line ``---`` and the
    next line ``---``. Returns the metadata and the offset where the article
    text begins (0 when there is no header). ``published`` must be a date
    written ``YYYY-MM-DD``.

    Examples
    --------
    >>> meta, start = read_header("---\\noutlet: Example News\\npublished: 2024-03-01\\n---\\nHeadline\\n")
    >>> meta
    {'outlet': 'Example News', 'published': datetime.date(2024, 3, 1)}
    >>> start
    51
    >>> read_header("Headline\\n\\nBody.")
    ({}, 0)
    """
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if first_line.strip() != "---":
        return {}, 0
    # A first line "---" is a header only if a "key: value" line follows it
    # (a Markdown rule at the top of an article is not).
    following = next((line for line in text.split("\n", 12)[1:12] if line.strip()), "")
    if not _HEADER_KEY.match(following.rstrip("\r")) and following.strip() != "---":
        return {}, 0
    meta: dict[str, Any] = {}
    pos = len(first_line) + 1
    lineno = 1
    while pos < len(text):
        lineno += 1
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].rstrip("\r")
        pos = end + 1
        if line.strip() == "---":
            return _typed(meta, source), min(pos, len(text))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _HEADER_KEY.match(line)
        if not match:
            raise ArticleFormatError(
                f"Line {lineno} of the metadata header of {source} is {line!r}, but"
                " header lines must look like 'key: value'. Fix that line, for"
                " example\n    published: 2024-03-01"
            )
        key = match.group(1).strip().lower().replace(" ", "_").replace("-", "_")
        meta[key] = match.group(2).strip().strip("\"'")
    raise ArticleFormatError(
        f"{source} starts a metadata header with '---' but never closes it. Add a"
        " line '---' after the last 'key: value' line, before the headline."
    )


def _typed(meta: dict[str, Any], source: str) -> dict[str, Any]:
    """Turn header strings into the types the kit uses."""
    for key in ("published",):
        if key in meta and isinstance(meta[key], str):
            try:
                meta[key] = dt.date.fromisoformat(meta[key]) if meta[key] else None
            except ValueError:
                raise ArticleFormatError(
                    f"The metadata of {source} says {key}: {meta[key]!r}, but"
                    " dates must be written YYYY-MM-DD. Fix it, for example\n"
                    f"    {key}: 2024-03-01"
                ) from None
    for key in ("published_inferred",):
        if key in meta and isinstance(meta[key], str):
            meta[key] = meta[key].lower() in {"true", "yes", "1"}
    return meta


def read_sidecar(path: Path) -> dict[str, Any]:
    """Read the ``.toml`` metadata file beside an article, if there is one."""
    sidecar = path.with_suffix(".toml")
    if not sidecar.is_file():
        return {}
    try:
        return tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ArticleFormatError(
            f"The metadata file {sidecar.name!r} is not valid TOML: {err}. Fix it, or"
            " delete it to load the article without metadata."
        ) from None
