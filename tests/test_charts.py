"""Charts, asserted as specs (chart.to_dict()), with their table and text twins."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import kit
from kit import charts


def _colours(spec):
    return spec["encoding"]["color"]["scale"]["range"]


def test_import_kit_does_not_import_altair():
    code = "import sys, kit; kit.load_article().sentences; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_setup_makes_the_offline_jupyter_renderer_active():
    import altair as alt

    kit.setup()
    assert alt.renderers.active == "jupyter"
    assert alt.renderers.options == {"offline": True, "embed_options": {"renderer": "svg", "actions": False}}
    kit.setup()  # idempotent


def test_setup_without_vl_convert_says_how_to_install(monkeypatch):
    import importlib.util

    monkeypatch.setitem(charts.offline._STATE, "done", False)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "vl_convert" else real(n, *a))
    with pytest.raises(charts.ChartSetupError, match=r"pip install vl-convert-python==1\.9\.0\.post1"):
        charts.setup()


def test_chart_without_vl_convert_raises_not_cdn(monkeypatch, seed):
    import importlib.util

    import altair as alt

    monkeypatch.setitem(charts.offline._STATE, "done", False)
    before = alt.renderers.active
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "vl_convert" else real(n, *a))
    with pytest.raises(charts.ChartSetupError, match=r"%pip install vl-convert-python==1\.9\.0\.post1"):
        charts.sentence_lengths_chart(seed.sentences)
    assert alt.renderers.active == before  # no renderer was switched to one that needs the network


def test_setup_refuses_the_cdn():
    with pytest.raises(charts.ChartSetupError, match=r"CDN.*Call kit.setup\(\) instead"):
        kit.setup(offline=False)


def test_palette_is_okabe_ito():
    assert charts.OKABE_ITO[:3] == ("#E69F00", "#56B4E9", "#009E73")
    assert list(charts.palette(list("abcdefghi")).values())[8] == "#E69F00"  # repeats after eight


def test_sentence_lengths(seed):
    spec = charts.sentence_lengths_chart(seed.sentences).to_dict()
    assert spec["title"] == "Words per sentence, in reading order"
    assert spec["description"] == f"{spec['title']}. {charts.sentence_lengths_text(seed.sentences)}"
    assert _colours(spec) == [charts.darker(c) for c in ("#E69F00", "#56B4E9", "#009E73")]
    assert spec["config"]["aria"] is True
    data = spec["datasets"][spec["data"]["name"]]
    assert [r["n_words"] for r in data] == charts.sentence_lengths_table(seed.sentences)["n_words"].tolist()


def test_top_words(seed):
    table = charts.top_words_table(seed.tokens, n=5)
    assert table["lower"].tolist() == ["military", "us", "strikes", "said", "attack"]
    assert (
        charts.top_words_text(seed.tokens, n=2)
        == "The 2 commonest words, stop words left out: military (10), us (10)."
    )


def test_count_chart_keeps_zero_categories():
    t = pd.DataFrame({"kind": pd.Categorical(["a", "a"], categories=["a", "b"])})
    assert charts.count_table(t, "kind")["n"].tolist() == [2, 0]
    spec = charts.count_chart(t, "kind", noun="things").to_dict()
    assert spec["description"] == "Things by kind. 2 things by kind: a 2, b 0."


def test_source_types_on_the_seed(seed):
    try:
        quotes = seed.quotes
    except Exception:
        pytest.skip("the quotes table is not built yet")
    table = charts.source_types_table(quotes)
    totals = table.groupby("source_type", sort=False)["n"].sum().to_dict()
    assert totals == {"named": 4, "organization": 2, "anonymous": 1, "own_sources": 1}
    spec = charts.source_types_chart(quotes).to_dict()
    assert spec["description"] == f"{spec['title']}. {charts.source_types_text(quotes)}"
    assert charts.source_types_text(quotes).startswith(
        "8 statements: named 4 (2 direct, 1 indirect, 1 mixed)"
    )


def test_entity_types_on_the_seed(seed):
    try:
        entities = seed.entities
    except Exception:
        pytest.skip("the entities table is not built yet")
    table = charts.entity_types_table(entities)
    assert int(table["mentions"].sum()) == len(entities)
    spec = charts.entity_types_chart(entities).to_dict()
    assert spec["title"].startswith("Who and what is named")
    assert spec["description"] == f"{spec['title']}. {charts.entity_types_text(entities)}"


def test_labels_chart(seed):
    try:
        labels = seed.labels
    except Exception:
        pytest.skip("the labels table is not built yet")
    assert charts.labels_table(labels, by="voice")["n"].sum() == len(labels)
    spec = charts.labels_chart(labels, by="device").to_dict()
    assert spec["description"] == f"{spec['title']}. {charts.labels_text(labels, by='device')}"
    # the twin, the table and the chart count by the same column by default
    assert charts.labels_table(labels).columns[0] == "device"
    assert charts.labels_chart(labels).to_dict()["description"].endswith(charts.labels_text(labels))


def test_timeline_chart_synthetic():
    ev = pd.DataFrame(
        {
            "event_id": [0, 1],
            "text": ["strikes", "drone attack"],
            "start": pd.to_datetime(["2023-12-26 01:45", "2023-12-25 12:00"]),
            "start_char": [10, 50],
        }
    )
    assert charts.timeline_table(ev)["name"].tolist() == ["drone attack", "strikes"]
    spec = charts.timeline_chart(ev).to_dict()
    assert spec["title"].startswith("What happened when")
    assert spec["description"].startswith(spec["title"] + ". 2 events in time order")
    assert "Mon 25 Dec 2023 12:00: drone attack (told 2nd)" in spec["description"]


def test_timeline_uses_one_numbering_and_the_when_column(seed):
    events = seed.events
    table = charts.timeline_table(events)
    merged = table.merge(
        events[["event_id", "narrative_position", "when"]].rename(columns={"when": "written"}), on="event_id"
    )
    assert (merged["narrative"] == merged["narrative_position"] + 1).all()
    text = charts.timeline_text(events)
    for row in merged.itertuples():
        assert f"{row.name} ({row.told})" in text
        if not pd.isna(row.written):
            assert row.when_text == row.written
    # an invented table: the events' `when` strings are what the twin says
    ev = pd.DataFrame(
        {
            "event_id": [0, 1],
            "description": ["a", "b"],
            "narrative_position": [0, 1],
            "time_start": pd.to_datetime(["2023-12-26 05:00", "2023-12-25 00:00"]),
            "when": pd.Series(["Tuesday 26 December 2023, morning", None], dtype="string"),
        }
    )
    assert charts.timeline_text(ev) == (
        "2 events in time order, with their place in the telling (told 1st is the first event the article"
        " tells): Mon 25 Dec 2023 00:00: b (told 2nd); Tuesday 26 December 2023, morning: a (told 1st)."
    )
    assert [charts.timeline._ordinal(k) for k in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]


def test_wrong_table_messages():
    with pytest.raises(KeyError, match=r"needs the column\(s\) \['n_words'\]"):
        charts.sentence_lengths_table(pd.DataFrame({"sentence_id": [0], "part": ["body"]}))
    with pytest.raises(TypeError, match="needs a table"):
        charts.count_table([1, 2], "x")


def test_offline_bundle_is_cached_and_reused(tmp_path, monkeypatch):
    from altair import JupyterChart

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(JupyterChart, "_is_offline", False)
    monkeypatch.setattr(JupyterChart, "_esm", JupyterChart._esm)
    path = charts.offline._cache_file()
    path.parent.mkdir(parents=True)
    path.write_text("export default {render() {}}; // cached")
    charts.offline._offline_bundle()
    assert JupyterChart._is_offline and JupyterChart._esm.endswith("// cached")
    assert "esm.sh" not in path.read_text()


# ----- accessibility and size ------------------------------------------------------


def _mark_colours(spec) -> list[str]:
    """Every colour a chart's marks are filled with (scale ranges and fixed mark colours)."""
    found = []
    for layer in spec.get("layer", [spec]):
        mark = layer.get("mark", {})
        if isinstance(mark, dict) and "color" in mark:
            found.append(mark["color"])
        colour = layer.get("encoding", {}).get("color", {})
        found += colour.get("scale", {}).get("range", [])
    return found


def test_darker_keeps_the_hue_and_reaches_three_to_one():
    import colorsys

    for colour in charts.OKABE_ITO:
        dark = charts.darker(colour)
        assert charts.contrast(dark) >= 3.0, (colour, dark)
        if charts.contrast(colour) >= 3.0:
            assert dark == colour.upper()
        else:
            rgb = [int(c, 16) / 255 for c in (colour[1:3], colour[3:5], colour[5:7])]
            rgb_dark = [int(c, 16) / 255 for c in (dark[1:3], dark[3:5], dark[5:7])]
            h, _, _ = colorsys.rgb_to_hls(*rgb)
            h2, _, _ = colorsys.rgb_to_hls(*rgb_dark)
            assert abs(h - h2) < 0.02, (colour, dark)
    assert round(charts.contrast("#F0E442"), 2) == 1.32  # the figure the issue gives for yellow


def test_every_chart_mark_reaches_three_to_one_and_its_title_is_in_its_name(seed):
    made = [
        charts.sentence_lengths_chart(seed.sentences),
        charts.top_words_chart(seed.tokens),
        charts.count_chart(seed.sentences, "part", noun="sentences"),
        charts.source_types_chart(seed.quotes),
        charts.entity_types_chart(seed.entities),
        charts.labels_chart(seed.labels, by="device"),
        charts.timeline_chart(seed.events),
    ]
    for chart in made:
        spec = chart.to_dict()
        colours = _mark_colours(spec)
        assert colours, spec.get("title")
        assert all(charts.contrast(c) >= 3.0 for c in colours), (spec.get("title"), colours)
        title = spec["title"] if isinstance(spec["title"], str) else spec["title"]["text"]
        assert spec["description"].startswith(f"{title}. "), spec["description"]


def test_count_chart_aggregates_past_max_bars():
    many = pd.DataFrame({"word": [f"w{i:02d}" for i in range(60)] + ["w00"] * 5})
    table = charts.count_table(many, "word")
    assert len(table) == charts.MAX_BARS and table["n"].sum() == len(many)
    assert table["word"].iloc[0] == "w00" and table["n"].iloc[0] == 6
    assert table["word"].iloc[-1] == "other (36 values)"
    spec = charts.count_chart(many, "word", noun="words").to_dict()
    assert "the rest summed as 'other (36 values)'" in spec["title"]
    assert "the rest summed as 'other (36 values)'" in charts.count_text(many, "word", noun="words")
    assert len(spec["datasets"][spec["data"]["name"]]) == charts.MAX_BARS


def test_sentence_lengths_chart_aggregates_a_long_text():
    n = charts.MAX_SENTENCE_BARS * 3
    sentences = pd.DataFrame(
        {"sentence_id": range(n), "part": ["headline"] + ["body"] * (n - 1), "n_words": [10, 20] * (n // 2)}
    )
    spec = charts.sentence_lengths_chart(sentences).to_dict()
    data = spec["datasets"][spec["data"]["name"]]
    assert len(data) <= charts.MAX_SENTENCE_BARS // 2
    assert {r["n_words"] for r in data} == {15.0}
    assert "mean of each run of 6 sentences" in spec["title"]
    assert charts.sentence_lengths_text(sentences).endswith("the mean length of each run of 6 sentences.")
