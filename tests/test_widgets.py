"""The widgets: their pure functions on the seed and on any input, then each widget headless."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit import widgets as W


def _marks(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<mark data-row="(\d+)" data-value="([^"]*)"', page)


# ----- pure functions --------------------------------------------------------------


def test_offset_tables_lists_the_built_tables(seed):
    names = W.offset_tables(seed)
    assert names[:4] == ["parts", "sentences", "tokens", "quote_marks"]
    assert "entity_registry" not in names and "claims" not in names  # no offsets


def test_highlight_spans_sentences_filtered(seed):
    spans = W.highlight_spans(seed, "sentences", keep="body")
    assert len(spans) == 16 and set(spans["value"]) == {"body"}
    assert spans["row"].tolist() == list(range(2, 18))


def test_highlight_html_offsets_match_the_text(seed):
    page = W.highlight_html(seed, "quote_marks", legend=False)
    texts = re.findall(r'<mark data-row="\d+"[^>]*>(.*?)</mark>', page)
    assert len(texts) == 4
    assert texts[3] == "“self-defense.”"
    assert "News" not in page.split(">", 2)[1]  # the breadcrumb is left out


def test_highlight_html_escapes_and_keeps_every_character(seed):
    page = W.highlight_html(seed, "tokens", legend=False)
    plain = re.sub(r"<[^>]+>", "", page).replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
    body = "".join(
        seed.text[p.start_char : p.end_char] for p in seed._paragraphs if p.part not in W.highlight._HIDDEN_PARTS
    )
    assert plain.replace("\n", "") == body.replace("\n", "")


def test_nested_spans_go_to_the_innermost_row():
    pieces = W.highlight._segments(0, 10, [(0, 10, 0), (2, 4, 1)])
    assert pieces == [(0, 2, 0), (2, 4, 1), (4, 10, 0)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 9)), max_size=12))
def test_segments_tile_the_range(spans):
    spans = [(min(a, b), max(a, b), r) for a, b, r in spans]
    pieces = W.highlight._segments(5, 35, spans)
    assert pieces[0][0] == 5 and pieces[-1][1] == 35
    assert all(a < b for a, b, _ in pieces)
    assert all(p[1] == q[0] for p, q in itertools.pairwise(pieces))


def test_highlight_any_dataframe_with_offsets(seed):
    mine = pd.DataFrame({"start_char": [32, 561], "end_char": [34, 704], "note": ["US", "quote"]})
    page = W.highlight_html(seed, mine, by="note", legend=False)
    assert _marks(page) == [("0", "US"), ("1", "quote")]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda a: W.highlight_spans(a, "sentences", by="parts"),
            "The table has no column 'parts'. Did you mean 'part'?",
        ),
        (
            lambda a: W.highlight_spans(a, "sentences", keep="bdoy"),
            "No row has part = 'bdoy'. Did you mean 'body'?",
        ),
        (
            lambda a: W.highlight_html(a, pd.DataFrame({"x": [1]})),
            "This table has no start_char or end_char column",
        ),
        (lambda a: W.highlight_html(a, 3), "A table is a name such as 'quotes' or a DataFrame, not int."),
        (lambda a: W.row_record(a, "sentences", 99), "There is no row 99: the table has rows 0 to 17."),
    ],
)
def test_bad_input_messages(seed, call, message):
    with pytest.raises(W.WidgetInputError) as info:
        call(seed)
    assert message in str(info.value)


def test_row_record(seed):
    assert W.row_record(seed, "quote_marks", 3)["text"] == "“self-defense.”"
    assert "Click a highlight" in W.row_html(seed, "quote_marks", None)


def test_diff_html():
    assert W.diff_html("a b c", "a x c") == "a <del>b</del> <ins>x</ins> c"
    assert W.diff_html("same", "same") == "same"
    assert W.diff_html("<b>", "<i>") == "<del>&lt;b&gt;</del> <ins>&lt;i&gt;</ins>"


def test_move():
    assert W.move([1, 2, 3], 1, -1) == [2, 1, 3]
    assert W.move([1, 2, 3], 2, 5) == [1, 2, 3]
    with pytest.raises(W.WidgetInputError, match="There is no item at position 3"):
        W.move([1, 2, 3], 3, 1)


def test_check_sources_synthetic():
    quotes = pd.DataFrame(
        {"quote_id": [0, 1], "speaker": ["A", "a source"], "source_type": ["named", "anonymous"]}
    )
    result = W.check_sources(quotes, {0: "named", 1: "named"})
    assert result["correct"].tolist() == [True, False]
    with pytest.raises(
        W.WidgetInputError, match="'anonymus' is not a source type. Did you mean 'anonymous'?"
    ):
        W.check_sources(quotes, {0: "anonymus"})
    with pytest.raises(W.WidgetInputError, match="There is no statement with quote_id 7"):
        W.check_sources(quotes, {7: "named"})


# ----- widgets, headless ----------------------------------------------------------------


def test_viewer_filters_and_shows_the_chosen_row(seed):
    viewer = W.article_viewer(seed, "sentences")
    assert viewer.by_select.value == "part"
    assert viewer.keep_select.options == ("all", "headline", "caption", "body")
    viewer.keep_select.value = "caption"
    assert [r for r, _ in _marks(viewer.view.html)] == ["1"]
    viewer.view.selected = 1
    assert "Iraqi fighters from the anti-terror" in viewer.row_view.value
    viewer.table_select.value = "quote_marks"
    assert viewer.by_select.value == "closed" and viewer.keep_select.value == "all"
    assert len(viewer.spans) == 4 and viewer.view.selected == -1
    assert "kit-viewer" in viewer.widget._dom_classes


def test_viewer_over_your_own_table(seed):
    mine = pd.DataFrame({"start_char": [32], "end_char": [34], "kind": ["x"]})
    viewer = W.article_viewer(seed, mine)
    assert viewer.table_select.value == "your table" and len(viewer.spans) == 1


def _has(seed, table):
    try:
        seed.table(table)
    except Exception:
        return False
    return True


def test_viewer_anonymous_quotes(seed):
    if not _has(seed, "quotes"):
        pytest.skip("the quotes table is not built yet")
    quotes = seed.quotes
    viewer = W.article_viewer(seed, "quotes")
    assert viewer.by_select.value == "source_type"
    viewer.keep_select.value = "anonymous"
    rows = sorted({int(r) for r, _ in _marks(viewer.view.html)})
    assert rows == quotes.index[quotes["source_type"] == "anonymous"].tolist()


def test_source_sorter_checks_each_choice(seed):
    if not _has(seed, "quotes"):
        pytest.skip("the quotes table is not built yet")
    sorter = W.source_sorter(seed)
    first = int(seed.quotes["quote_id"].iloc[0])
    truth = str(seed.quotes["source_type"].iloc[0])
    sorter.choices[first].value = truth
    assert sorter.result["correct"].iloc[0] == True  # noqa: E712
    assert "1 of 1 answered right" in sorter.feedback.value
    wrong = next(t for t in W.SOURCE_TYPES if t != truth)
    assert sorter.verdicts[first].value == f"<p>✓ Right: {truth}.</p>"  # beside its dropdown
    sorter.choices[first].value = wrong
    assert "0 of 1 answered right" in sorter.feedback.value
    assert f"the kit says {truth}" in sorter.verdicts[first].value
    assert all(v.value == "" for q, v in sorter.verdicts.items() if q != first)


def test_source_sorter_shows_and_names_each_whole_statement(seed):
    sorter = W.source_sorter(seed)
    for r in seed.quotes.itertuples():
        statement = " ".join(seed.text[r.start_char : r.end_char].split())
        pick = sorter.choices[int(r.quote_id)]
        assert pick.description == statement  # the dropdown's label: its accessible name
        assert not statement.endswith("...")
    longest = max(len(p.description) for p in sorter.choices.values())
    assert longest > 160  # the seed has statements longer than the old cut


def test_reframing_lab_swaps_a_label(seed):
    if not _has(seed, "labels"):
        pytest.skip("the labels table is not built yet")
    lab = W.reframing_lab(seed)
    assert lab.picks, "no label has alternatives from other outlets"
    lid, pick = next(iter(lab.picks.items()))
    assert "No label swapped yet" in lab.diff_view.value
    pick.value = pick.options[1]
    assert lab.substitutions == {lid: pick.options[1]}
    assert "<del>" in lab.diff_view.value and "<ins>" in lab.diff_view.value
    assert pick.options[1] in lab.result.text


def test_event_orderer_keyboard_and_check(seed):
    events = pd.DataFrame({"event_id": [0, 1, 2], "label": ["attack", "briefing", "strikes"]})
    seen = []

    def check(article, order):
        seen.append(order)
        return "ok" if order == [0, 1, 2] else "attack must come before strikes"

    orderer = W.event_orderer(seed, events, check=check)
    assert orderer.order == [0, 1, 2]
    orderer.pick.value = 2
    orderer.up.click()
    assert orderer.order == [0, 2, 1] and orderer.drag.order == [0, 2, 1]
    assert orderer.pick.options[1] == ("2. strikes", 2)
    orderer.check_button.click()
    assert seen[-1] == [0, 2, 1] and "before strikes" in orderer.feedback.value
    orderer.drag.order = [0, 1, 2]  # what a drag in the browser does
    assert orderer.check() == "ok" and orderer.pick.options[2] == ("3. strikes", 2)


def test_check_answer_normalises_and_explains(capsys):
    from kit.widgets import check_answer

    cases = [
        (("scare quotes", "Scare_Quotes"), "✓ Right: 'Scare_Quotes'.\n"),
        (("name calling, labeling", "Name_Calling,Labeling"), "✓ Right: 'Name_Calling,Labeling'.\n"),
        (("12", 12), "✓ Right: 12. (You typed the number as text, '12'; without the quotes it is the number 12.)\n"),
        (("13", 12), "✗ Not quite: you answered '13'. Try again.\n"),
        (("twelve", 12, "count them"), "✗ Not quite: you answered 'twelve'. The answer is a number: write it"
         " with digits and no quotes, like 7. Hint: count them.\n"),
        (("Euphemsm", "Euphemism"), "✗ Not quite: you answered 'Euphemsm'. Did you mean 'Euphemism'? Check the spelling.\n"),
        (("Loaded", "Euphemism"), "✗ Not quite: you answered 'Loaded'. Try again.\n"),
        ((3, "Euphemism"), "✗ Not quite: you answered 3. The answer is a text: write it in quotes, like \"word\". Try again.\n"),
    ]  # fmt: skip
    for args, printed in cases:
        hint = args[2] if len(args) > 2 else ""
        check_answer(args[0], args[1], hint=hint)
        assert capsys.readouterr().out == printed


def test_order_feedback_names_every_broken_constraint():
    import kit
    from kit.widgets import order_feedback

    fake = pd.DataFrame({"explanation": ["A came after B: 'after B' (2023-12-25TMO).", "C came before D."]})
    text = order_feedback(None, [1, 2], check=lambda a, o: fake)
    assert text == "Your order breaks 2 constraints:\n1. A came after B: 'after B'.\n2. C came before D."
    one = order_feedback(None, [1], check=lambda a, o: fake.iloc[:1])
    assert one == "Your order breaks 1 constraint: A came after B: 'after B'."
    seed = kit.load_article()
    broken = kit.check_order(seed, [1, 10, 2], partial=True)
    assert order_feedback(seed, [1, 10, 2], partial=True).count("\n") == len(broken) == 3


# ----- one home for feedback, public names, accessibility --------------------------------


def test_feedback_lives_in_its_own_module_and_widgets_reexport_it():
    from kit import feedback

    for name in ("check_answer", "check_sources", "order_feedback", "move", "diff_html", "SOURCE_TYPES"):
        assert getattr(W, name) is getattr(feedback, name), name
    assert W.WidgetInputError is feedback.WidgetInputError
    assert not hasattr(W, "_changed_sentences")


def test_widgets_read_the_doc_not_private_article_attributes():
    import inspect

    source = inspect.getsource(W)
    assert not re.search(r"article\._\w", source), re.findall(r"article\._\w+", source)


def test_reframing_lab_shows_the_reframe_results_own_changed_sentences(seed):
    from kit import feedback

    lab = W.reframing_lab(seed)
    pick = next(iter(lab.picks.values()))
    pick.value = pick.options[1]
    result = lab.result
    assert len(result.sentences) >= 1
    assert lab.diff_view.value == feedback.changed_sentences_html(result.sentences)
    assert lab.diff_view.value.count("<p>") == len(result.sentences)


def test_highlights_are_named_by_their_words_first(seed):
    page = W.highlight_html(seed, "entities")
    assert 'aria-label="Lloyd Austin, PERSON"' in page
    assert 'title="type: PERSON, row' in page
    long = W.highlight_html(seed, "sentences", keep="headline", legend=False)
    assert 'aria-label="US military pounds three Iraqi resistance sites following ..., headline"' in long


def test_highlight_underlines_reach_three_to_one(seed):
    from kit.charts import contrast

    page = W.highlight_html(seed, "quotes", by="source_type")
    underlines = set(re.findall(r"border-bottom:3px solid (#[0-9A-Fa-f]{6})", page))
    assert underlines and all(contrast(c) >= 3.0 for c in underlines), underlines


def test_no_private_class_name_in_any_widget_repr(seed):
    events = seed.events[seed.events["event_id"].isin([1, 2, 10])]
    shells = [
        W.article_viewer(seed, "quotes"),
        W.source_sorter(seed),
        W.reframing_lab(seed),
        W.event_orderer(seed, events),
    ]
    for shell in shells:
        text = repr(shell.widget)
        assert "<locals>" not in text and "_list_class" not in text and "_view_class" not in text, text[:300]
        bundle = shell._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        assert data["text/plain"].endswith("run the notebook's cells to use it (it needs the kernel).")
        assert "application/vnd.jupyter.widget-view+json" in data
    orderer = shells[-1]
    assert isinstance(orderer.drag, W.DragList) and type(orderer.drag).__qualname__ == "DragList"
    assert repr(orderer.drag) == "DragList(order=[1, 2, 10])"


def test_every_widget_holds_a_frame_and_live_regions(seed):
    events = seed.events[seed.events["event_id"].isin([1, 2, 10])]
    shells = {
        "viewer": (W.article_viewer(seed, "quotes"), "row_view"),
        "sorter": (W.source_sorter(seed), "feedback"),
        "reframe": (W.reframing_lab(seed), "diff_view"),
        "orderer": (W.event_orderer(seed, events), "feedback"),
    }
    for name, (shell, live) in shells.items():
        box = shell.widget
        assert "kit-widget" in box._dom_classes, name
        assert any(type(c).__name__ == "KitFrame" for c in box.children), name
        assert "kit-live" in getattr(shell, live)._dom_classes, name
    frame_js = W.shell._static("frame.js")
    assert 'setAttribute("data-lm-suppress-shortcuts", "true")' in frame_js
    assert 'setAttribute("aria-live", "polite")' in frame_js


def test_the_viewer_pages_a_long_text(seed):
    import kit

    paragraph = " ".join(["The council said the new bus lanes open on Monday."] * 20)
    text = "\n\n".join(f"{paragraph} Paragraph {i}." for i in range(60))
    assert len(text) > 2 * W.PAGE_CHARS
    article = kit.parse_article(text)
    pages = W.viewer_pages(article)
    assert len(pages) >= 3 and pages[0][0] <= 2
    assert all(b - a <= W.PAGE_CHARS for a, b in pages)
    assert all(pages[i][1] <= pages[i + 1][0] for i in range(len(pages) - 1))
    viewer = W.article_viewer(article, "sentences")
    assert viewer.page_select in viewer.widget.children[0].children
    first = viewer.view.html
    assert first.startswith(f'<p class="kit-note">Page 1 of {len(pages)}: this text is longer than')
    viewer.page_select.value = 1
    assert viewer.view.html.startswith(f'<p class="kit-note">Page 2 of {len(pages)}')
    assert "Paragraph 0." in first and "Paragraph 0." not in viewer.view.html
    with pytest.raises(W.WidgetInputError, match="There is no page 99"):
        W.highlight_html(article, "sentences", page=99)
    short = W.article_viewer(seed, "sentences")
    assert short.page_select not in short.widget.children[0].children
