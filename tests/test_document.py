"""The Doc every builder reads, the declared table graph and the one cache."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.document import SENTENCE_COLUMNS, TOKEN_COLUMNS, Doc, make_doc
from kit.schemas import INPUTS, STEPS, TABLES


def test_doc_is_read_only(seed):
    doc = seed.doc
    assert isinstance(doc, Doc)
    assert set(doc.sentences) == set(SENTENCE_COLUMNS)
    assert set(doc.tokens) == set(TOKEN_COLUMNS)
    assert all(isinstance(v, tuple) for v in doc.sentences.values())
    with pytest.raises(TypeError):
        doc.sentences["start_char"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        doc.metadata["outlet"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]


def test_doc_matches_the_tables(seed):
    doc = seed.doc
    assert list(seed.sentences["start_char"]) == list(doc.sentences["start_char"])
    assert list(seed.tokens["text"]) == list(doc.tokens["text"])
    assert [p.paragraph_id for p in doc.paragraphs] == list(seed.parts["paragraph_id"])


def test_make_doc_alone_equals_the_articles_doc(seed):
    doc = make_doc(seed.text, name=seed.name, metadata=seed.metadata)
    assert doc.sentences == seed.doc.sentences
    assert doc.tokens == seed.doc.tokens


def test_every_table_declares_its_inputs_and_builder():
    for name in [*TABLES, *STEPS]:
        assert name in INPUTS, name
        module = importlib.import_module(TABLES.get(name) or STEPS[name])
        builder = getattr(module, f"build_{name.lstrip('_')}")
        inputs = INPUTS[name]
        for i in inputs:
            assert i in TABLES or i in STEPS, f"{name} reads {i}, which nothing builds"
        params = list(inspect.signature(builder).parameters.values())
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        assert len(positional) == 1 + len(inputs), f"build_{name} takes {positional}, declared {inputs}"


def test_the_graph_has_no_loop():
    seen: dict[str, int] = {}

    def visit(name: str) -> None:
        assert seen.get(name) != 1, f"loop through {name}"
        if seen.get(name) == 2:
            return
        seen[name] = 1
        for i in INPUTS.get(name) or ():
            visit(i)
        seen[name] = 2

    for name in TABLES:
        visit(name)


def test_describe_shows_the_graph():
    graph = kit.describe()
    assert list(graph.columns) == ["table", "module", "inputs"]
    assert list(graph["table"]) == list(TABLES)


def test_each_input_is_built_once_and_not_changed_by_later_builders():
    article = kit.load_article()
    first = {name: article.table(name) for name in TABLES}
    # every table built again from a fresh article equals the cached one, whatever the order
    fresh = kit.load_article()
    for name in reversed(list(TABLES)):
        pd.testing.assert_frame_equal(fresh.table(name), first[name])
    # the cache holds one object per table and hands out copies
    assert article.table("quotes") is not article.table("quotes")
    cache = article.__dict__["_cache"]
    assert set(TABLES) <= set(cache)
    for name in TABLES:
        pd.testing.assert_frame_equal(cache[name], first[name])


def _private_article_reads(path: Path, root: Path) -> list[str]:
    """``article._x`` and ``article.__dict__`` in a module (``self.article._x`` too), as file:line."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        name = (
            owner.id
            if isinstance(owner, ast.Name)
            else owner.attr
            if isinstance(owner, ast.Attribute)
            else ""
        )
        dunder = node.attr.startswith("__") and node.attr.endswith("__")
        if name == "article" and node.attr.startswith("_") and (not dunder or node.attr == "__dict__"):
            found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} article.{node.attr}")
    return found


KIT = Path(kit.__file__).resolve().parent


def test_no_module_but_article_reads_an_articles_private_attributes():
    """Builders get the Doc and their input tables; only kit/article.py knows the Article's insides."""
    found = [
        hit
        for path in sorted(KIT.rglob("*.py"))
        if path != KIT / "article.py"
        for hit in _private_article_reads(path, KIT.parent)
    ]
    assert not found, "\n".join(found)


def test_the_private_attribute_check_finds_what_it_should(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(article, self):\n"
        "    a = article._sentence_rows\n"
        "    b = self.article._token_rows\n"
        "    c = article.__dict__['_cache']\n"
        "    d = article.doc.sentences, article.__class__, other._x\n",
        encoding="utf-8",
    )
    hits = [h.split(" ", 1)[1] for h in _private_article_reads(sample, tmp_path)]
    assert hits == ["article._sentence_rows", "article._token_rows", "article.__dict__"]
