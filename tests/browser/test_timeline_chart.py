"""The timeline chart in a real browser: intervals at the text's granularity, in a stated zone.

The chart is written to a standalone page with the Vega libraries inline (no
network), rendered to SVG by Chromium, and read back: the bars and ticks it
draws, the axis title naming the zone, and the same picture in a browser set
to another time zone.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit import charts
from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, _need_browser

pytestmark = pytest.mark.browser

ZONES = ("UTC", "America/Los_Angeles", "Asia/Tokyo")
"""The browser's own time zone in each run: the picture must not depend on it."""


@pytest.fixture(scope="module")
def chromium(request):
    _need_browser()
    pw = request.getfixturevalue("playwright_driver")
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def seed_chart_html(tmp_path_factory) -> str:
    chart = charts.timeline_chart(kit.load_article().events)
    path = tmp_path_factory.mktemp("chart") / "timeline.html"
    path.write_text(chart.to_html(inline=True, embed_options={"renderer": "svg"}), encoding="utf-8")
    return path.as_uri()


def _render(chromium, url: str, timezone_id: str) -> dict:
    """Open the page offline in a browser set to ``timezone_id``; read the drawn SVG."""
    context = chromium.new_context(timezone_id=timezone_id, viewport={"width": 1200, "height": 900})
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("svg .mark-rect path", timeout=30_000)
        browser_zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
        svg = page.inner_html("svg")
        bars = page.eval_on_selector_all(
            "svg .mark-rect path",
            "els => els.map(e => e.getAttribute('d') + ' ' + (e.getAttribute('transform') || ''))",
        )
        texts = page.eval_on_selector_all("svg text", "els => els.map(e => e.textContent)")
    finally:
        context.close()
    assert not blocked, f"the chart asked the network for {blocked}"
    return {"zone": browser_zone, "svg": svg, "bars": bars, "texts": texts}


def test_timeline_chart_draws_intervals_in_a_stated_zone(chromium, seed_chart_html):
    drawn = _render(chromium, seed_chart_html, "UTC")
    events = kit.load_article().events
    table = charts.timeline_table(events)
    # one bar per event the text dates, and only those (no invented times)
    assert len(table) == events["granularity"].notna().sum() == 6
    # a bar and a tick for each dated event
    assert len(drawn["bars"]) == 2 * len(table)
    # the zone is in the axis title, and every event name is written out in full
    assert "time (UTC)" in drawn["texts"]
    for name in table["name"]:
        assert name in drawn["texts"]
    # a day is drawn a day wide: the interval of "7 October" is that whole day
    row = table[table["name"] == "the start of the war"].iloc[0]
    assert (row["start"], row["end"], row["granularity"]) == (
        pd.Timestamp("2023-10-07 00:00"),
        pd.Timestamp("2023-10-08 00:00"),
        "day",
    )


@pytest.mark.parametrize("timezone_id", ZONES[1:])
def test_timeline_chart_is_the_same_in_any_browser_zone(chromium, seed_chart_html, timezone_id):
    here = _render(chromium, seed_chart_html, "UTC")
    there = _render(chromium, seed_chart_html, timezone_id)
    assert there["zone"] == timezone_id  # the browser really is elsewhere
    assert there["svg"] == here["svg"]
