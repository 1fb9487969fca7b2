"""Colours every chart and widget uses: the Okabe-Ito palette, darkened for marks on white (WCAG 3:1)."""

from __future__ import annotations

from collections.abc import Sequence

OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow (last: weak on white)
    "#000000",  # black
)
"""Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color
Universal Design"), reordered so that the first colours contrast best on white."""


def palette(values: Sequence[str]) -> dict[str, str]:
    """Give each value an Okabe-Ito colour, in order (the palette repeats after eight).

    Examples
    --------
    >>> palette(["named", "anonymous"])
    {'named': '#E69F00', 'anonymous': '#56B4E9'}
    """
    return {str(v): OKABE_ITO[i % len(OKABE_ITO)] for i, v in enumerate(values)}


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#RRGGBB`` colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21).

    Examples
    --------
    >>> round(contrast("#F0E442"), 2), round(contrast("#0072B2"), 2)
    (1.32, 5.19)
    """
    a, b = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def darker(colour: str, *, ratio: float = 3.0, background: str = "#FFFFFF") -> str:
    """The same hue, darkened just enough to reach ``ratio`` against ``background``.

    WCAG 1.4.11 asks 3:1 for the parts of a chart one needs to read it, so every
    bar, point and underline the kit draws uses ``darker`` of its Okabe-Ito colour.
    A colour that already reaches it is returned unchanged.

    Examples
    --------
    >>> darker("#0072B2")
    '#0072B2'
    >>> darker("#F0E442"), round(contrast(darker("#F0E442")), 2) >= 3
    ('#A1960D', True)
    """
    import colorsys

    if contrast(colour, background) >= ratio:
        return colour.upper()
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, sat = colorsys.rgb_to_hls(r, g, b)
    while light > 0:
        light = max(light - 0.005, 0.0)
        out = "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, light, sat))
        if contrast(out, background) >= ratio:
            return out
    return "#000000"


def mark_palette(values: Sequence[str]) -> dict[str, str]:
    """:func:`palette` with each colour :func:`darker`, for marks drawn on white (3:1 or more).

    Examples
    --------
    >>> mark_palette(["named", "anonymous"])
    {'named': '#C58800', 'anonymous': '#229DE2'}
    """
    return {v: darker(c) for v, c in palette(values).items()}
