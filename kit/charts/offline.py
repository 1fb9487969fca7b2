"""Charts that render with the network closed: :func:`setup` and the cached offline bundle."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from kit.errors import KitError

VL_CONVERT_PIN = "vl-convert-python==1.9.0.post1"
"""The package that ships the Vega JavaScript for offline charts."""

_STATE = {"done": False}


class ChartSetupError(KitError, ImportError):
    """Charts cannot render offline because a package is missing."""


def setup(*, offline: bool = True) -> None:
    """Make altair charts render in JupyterLab and Notebook 7 with no network.

    Call it once per notebook (``kit.setup()``); the chart functions call it
    for you. It switches altair to its ``jupyter`` renderer in offline mode,
    with SVG output (readable by screen readers). Calling it again does nothing.

    Parameters
    ----------
    offline
        ``True`` (the only choice) takes Vega from ``vl-convert-python``;
        ``False`` is refused: the kit never loads Vega from a CDN.

    Raises
    ------
    ChartSetupError
        When ``vl-convert-python`` is not installed (the message says how to
        install it), or when ``offline=False``. Every chart function raises it
        too, rather than fall back to a renderer that needs the network.

    Examples
    --------
    >>> import kit
    >>> kit.setup()
    >>> import altair as alt
    >>> alt.renderers.active
    'jupyter'
    """
    import altair as alt

    if not offline:
        raise ChartSetupError(
            "kit.setup(offline=False) would load Vega from the internet (a CDN), and the kit"
            " works offline only. Call kit.setup() instead."
        )
    if _STATE["done"]:
        return
    if importlib.util.find_spec("vl_convert") is None:
        raise ChartSetupError(
            "Charts need the package 'vl-convert-python' to render without a network"
            " connection, and it is not installed. Install it with:"
            f" pip install {VL_CONVERT_PIN} (in a notebook cell: %pip install {VL_CONVERT_PIN}),"
            " then restart the kernel. The kit never loads chart code from the internet;"
            " every table the chart shows is still there to read (the chart functions' text twins)."
        )
    _offline_bundle()
    alt.renderers.enable("jupyter", offline=True, embed_options={"renderer": "svg", "actions": False})
    _STATE["done"] = True


def _cache_file() -> Path:
    import altair as alt
    import vl_convert

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = f"altair-{alt.__version__}-vlc-{getattr(vl_convert, '__version__', 'x')}"
    return base / "newsreading-kit" / f"jupyterchart-{version}.js"


def _offline_bundle() -> None:
    """Put JupyterChart in offline mode, reusing the JavaScript bundle from an earlier run.

    ``JupyterChart.enable_offline()`` asks vl-convert to bundle Vega with the
    widget's code, which takes seconds; the bundle depends only on the two
    packages' versions, so it is cached on disk (``~/.cache/newsreading-kit``).
    """
    from altair import JupyterChart

    if getattr(JupyterChart, "_is_offline", False):
        return
    try:
        path = _cache_file()
        bundle = path.read_text(encoding="utf-8") if path.is_file() else None
    except OSError:
        path, bundle = None, None
    if bundle and hasattr(JupyterChart, "_esm"):
        JupyterChart._esm = bundle
        JupyterChart._is_offline = True
        return
    JupyterChart.enable_offline()
    if path is not None and isinstance(getattr(JupyterChart, "_esm", None), str):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(JupyterChart._esm, encoding="utf-8")
            tmp.replace(path)
        except OSError:  # a read-only home: no cache, only slower
            pass


def _ready() -> None:
    """Apply :func:`setup` before drawing: without vl-convert-python a chart function
    raises :class:`ChartSetupError` (how to install it), never falls back to a CDN."""
    setup()
