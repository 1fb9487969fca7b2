"""Finding the parts of a news page: breadcrumb, headline, byline, caption,
photo credit, body paragraphs and site boilerplate.

Text copied from a news site keeps the page's furniture. The kit reads it with
a few explainable rules, each recorded in the ``rule`` column of
:attr:`Article.parts <kit.article.Article.parts>`:

``paragraph``
    Paragraphs are separated by blank lines, or are single lines. Two lines
    of one block are joined into one paragraph only when the first stops
    mid-sentence (no closing punctuation) and is long, or the second starts in
    lower case: that is hard-wrapped text.
``breadcrumb``
    The first paragraph, when it is two or more short segments separated by
    ``/``, ``>``, ``›``, ``»`` or ``|`` (``News / Iraq / Military``).
``headline``
    The first other paragraph, when it has at most 30 words and does not end
    with a full stop (headlines rarely do), or equals the header's ``title``.
``byline``
    A short ``By ...`` line right after the headline.
``caption`` and ``credit``
    A paragraph near the top that ends with a photo credit such as
    ``(Photo by AFP)`` or ``Photo: Reuters``; the credit is split off.
``separator``
    A line with no letter or digit (``---``, ``* * *``) is boilerplate.
``boilerplate``
    Paragraphs that are site furniture: share buttons, "read more", addresses,
    copyright lines. A short line without closing punctuation right after one
    of them is boilerplate too (``Press TV News Roku`` after ``SHARE THIS
    ARTICLE``). Boilerplate is kept and marked, but left out of analysis.
``body``
    Everything else.

The rules read the text; they never change it. All offsets index the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ANALYSED_PARTS", "PART_ORDER", "Paragraph", "find_parts"]

PART_ORDER = ["breadcrumb", "headline", "byline", "caption", "credit", "body", "boilerplate"]
"""Every value of the ``part`` column, in page order."""

ANALYSED_PARTS = ("headline", "caption", "body")
"""The parts split into sentences and analysed; the others are kept and marked."""

MAX_HEADLINE_WORDS = 30
"""A first paragraph longer than this is a body paragraph, not a headline."""

MAX_FURNITURE_WORDS = 8
"""A line this short, with no closing punctuation, after boilerplate is boilerplate."""

WRAP_MIN_CHARS = 50
"""A line at least this long that stops mid-sentence continues on the next line."""

_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]\s*$")
_BREADCRUMB_SEP = re.compile(r"\s+[/>›»|]\s+")
_BYLINE = re.compile(r"^(?:by|from)\s+[A-Z]", re.IGNORECASE)
_CREDIT = re.compile(
    r"""(?:
        \(\s*(?:photo(?:graph)?s?|images?|pictures?|file\ photo|credit|video)\b[^()]{0,80}\)
      | \(\s*(?:AFP|Reuters|AP|EPA|Getty\ Images|Xinhua|Anadolu)[^()]{0,40}\)
      | (?:photo(?:graph)?|image|picture|credit)\s*(?:by\b|:)\s*[^.()\n]{1,60}
      | \b(?:REUTERS|AFP|AP|EPA|Getty\ Images|Xinhua|Anadolu)\s*/\s*[A-Z][^()\n/]{1,60}(?:/\s*[A-Z][^()\n]{1,40})?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE = re.compile(
    r"""^(?:
        share\ (?:this|on)\b | follow\ us\b | subscribe\b | sign\ up\b | read\ more\b
      | related(?:\ (?:articles|stories|news|content))?\s*: | advertisement\s*$
      | all\ rights\ reserved | copyright\s+(?:©\s*)?\d{4} | ©\s*\d{4} | click\ here\b | download\ (?:our|the)\ app
      | tags?\s*: | more\ on\ this\ story | listen\ to\ this\ article
      | (?:https?://|www\.)\S+\s*$ | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|tv|ir|uk|info)(?:/\S*)?\s*$
    )
    | can\ (?:also\ )?be\ accessed\ at | all\ rights\ reserved""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Paragraph:
    """One part of the page: its span in the text, its part and the rule."""

    paragraph_id: int
    part: str
    start_char: int
    end_char: int
    rule: str


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines' non-blank content, with (-1, -1) for blank lines."""
    spans = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        line = match.group(0)
        if not line:
            continue
        stripped = line.strip()
        if not stripped:
            spans.append((-1, -1))
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def _words(text: str) -> int:
    return len(text.split())


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Group lines into paragraphs (see the module docstring's ``paragraph`` rule)."""
    paragraphs: list[list[int]] = []
    previous: tuple[int, int] | None = None
    for start, end in _lines(text):
        if start < 0:
            previous = None
            continue
        if previous is not None:
            prev_text = text[previous[0] : previous[1]]
            line = text[start:end]
            wrapped = not _SENTENCE_END.search(prev_text) and (
                len(prev_text) >= WRAP_MIN_CHARS or line[:1].islower()
            )
            if wrapped:
                paragraphs[-1][1] = end
                previous = (start, end)
                continue
        paragraphs.append([start, end])
        previous = (start, end)
    return [(s, e) for s, e in paragraphs]


def _is_breadcrumb(par: str) -> bool:
    segments = _BREADCRUMB_SEP.split(par)
    return len(segments) >= 2 and all(0 < _words(s) <= 4 and not _SENTENCE_END.search(s) for s in segments)


def _is_headline(par: str, title: str | None) -> bool:
    if title and " ".join(par.split()) == " ".join(title.split()):
        return True
    stripped = par.rstrip()
    ends_with_stop = stripped.endswith(".") and not stripped.endswith("...")
    return _words(par) <= MAX_HEADLINE_WORDS and not ends_with_stop


def find_parts(text: str, *, title: str | None = None) -> list[Paragraph]:
    """Split an article's text into paragraphs and name the part of each.

    Parameters
    ----------
    text
        The article's text, as read from the file.
    title
        The headline from the metadata, if known; a paragraph equal to it is
        the headline whatever its shape.

    Returns
    -------
    list of Paragraph
        In text order. A caption with a photo credit gives two entries with
        the same ``paragraph_id``: the caption, then the credit.

    Examples
    --------
    >>> parts = find_parts("Big news today\\n\\nSomething happened. Then more.\\n\\nSHARE THIS ARTICLE")
    >>> [(p.part, p.rule) for p in parts]
    [('headline', 'headline'), ('body', 'body'), ('boilerplate', 'boilerplate')]
    """
    spans = _paragraph_spans(text)
    result: list[Paragraph] = []
    after_boilerplate = False
    top = True  # still among the page's opening furniture
    for pid, (start, end) in enumerate(spans):
        par = text[start:end]
        part = "body"
        if not any(ch.isalnum() for ch in par):
            # A rule line ("---", "* * *"): page furniture, whatever its position.
            result.append(Paragraph(pid, "boilerplate", start, end, "separator"))
            continue
        if pid == 0 and _is_breadcrumb(par):
            part = "breadcrumb"
        elif _BOILERPLATE.search(par):
            part = "boilerplate"
        elif top and not any(p.part == "headline" for p in result) and _is_headline(par, title):
            part = "headline"
            # A lone paragraph is the whole article, not a headline.
            if len(spans) == 1:
                part = "body"
        elif top and any(p.part == "headline" for p in result) and _BYLINE.match(par) and _words(par) <= 12:
            part = "byline"
        elif after_boilerplate and _words(par) <= MAX_FURNITURE_WORDS and not _SENTENCE_END.search(par):
            part = "boilerplate"
        elif top and (credit := _CREDIT.search(par)) and credit.start() > 0:
            caption_end = start + len(par[: credit.start()].rstrip())
            credit_start = start + credit.start() + (len(credit.group(0)) - len(credit.group(0).lstrip()))
            result.append(Paragraph(pid, "caption", start, caption_end, "caption"))
            result.append(Paragraph(pid, "credit", credit_start, end, "credit"))
            top = False
            continue
        if part == "body":
            top = False
        after_boilerplate = part == "boilerplate"
        result.append(Paragraph(pid, part, start, end, part))
    return result
