"""Bad input: every case gets a message that names the problem and the fix."""

from __future__ import annotations

import time
import warnings

import pytest

import kit


def test_list_articles():
    assert kit.list_articles() == ["000_32ac5be837c66968"]


def test_default_is_the_seed():
    assert kit.load_article().name == kit.load_article("000_32ac5be837c66968").name


def test_unknown_name_suggests_the_closest():
    with pytest.raises(kit.errors.ArticleNotFoundError) as err:
        kit.load_article("000_32ac5be837c66969")
    message = str(err.value)
    assert message.startswith(
        "No article called '000_32ac5be837c66969': it is neither a bundled article nor a file at"
    )
    assert "Did you mean '000_32ac5be837c66968'?" in message
    assert "The bundled articles are '000_32ac5be837c66968' (see kit.list_articles())" in message
    assert message.endswith("kit.load_article('my_article.txt')")
    assert isinstance(err.value, FileNotFoundError)


def test_missing_file_suggests_a_sibling(tmp_path):
    (tmp_path / "budget.txt").write_text("Headline\n\nBody text.", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"Did you mean 'budget\.txt'\?"):
        kit.load_article(tmp_path / "budgte.txt")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(kit.errors.ArticleNotFoundError, match="is a folder, not an article file"):
        kit.load_article(tmp_path)


def test_pasted_text_passed_to_load_article():
    with pytest.raises(
        kit.errors.ArticleNotFoundError,
        match=r"(?s)looks like the article's text .* kit\.parse_article\(text\)",
    ):
        kit.load_article("Headline\n\nSome body text that a learner pasted.")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(
        kit.errors.EmptyArticleError, match=r"^'empty\.txt' is empty.*Paste the article's text into the file"
    ):
        kit.load_article(path)


def test_empty_pasted_text():
    with pytest.raises(ValueError, match="has no text to analyse"):
        kit.parse_article("   ")


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ],
)
def test_binary_formats(tmp_path, content, what):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(
        kit.errors.BinaryArticleError, match=f"^'article.txt' is {what}.*not plain text.*Plain Text"
    ):
        kit.load_article(path)


def test_nul_bytes(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Headline\n\nBody.".encode("utf-16"))
    with pytest.raises(kit.errors.BinaryArticleError, match="contains NUL bytes.*encoding UTF-8"):
        kit.load_article(path)


def test_windows_1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "Talks \u201cproductive\u201d\n\nThe minister\u2019s aide said it went well.".encode("cp1252")
    )
    with pytest.warns(kit.errors.ArticleEncodingWarning) as caught:
        article = kit.load_article(path)
    message = str(caught[0].message)
    assert message.startswith(
        "'cp1252.txt' is not UTF-8 (byte 0x93 at position 6); it was read as Windows-1252"
    )
    assert message.endswith("re-save the file as UTF-8 to silence this warning.")
    assert article.headline == "Talks \u201cproductive\u201d"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kit.load_article(path, encoding="cp1252").headline == article.headline


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes(b"Headline\n\nBody \x81\x8d\x8f\x90 text.")
    with pytest.raises(
        kit.errors.ArticleEncodingError,
        match=r"is not UTF-8 text \(byte 0x81 at position 15\), nor Windows-1252",
    ):
        kit.load_article(path)


def test_unknown_encoding_name(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nBody.", encoding="utf-8")
    with pytest.raises(kit.errors.ArticleEncodingError, match="encoding='klingon'.*Leave encoding out"):
        kit.load_article(path, encoding="klingon")


def test_control_characters(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 50)
    with pytest.raises(kit.errors.BinaryArticleError, match="control characters"):
        kit.load_article(path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # a sparse 50 MB file: nothing is written
    start = time.perf_counter()
    with pytest.raises(
        kit.errors.ArticleTooLargeError,
        match=r"'dump\.txt' is 50\.0 MB, but the kit reads articles of at most 10 MB",
    ):
        kit.load_article(path)
    assert time.perf_counter() - start < 1.0  # refused from its size alone


def test_large_limit_can_be_raised(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Headline\n\n" + "A sentence. " * 1000, encoding="utf-8")
    with pytest.raises(kit.errors.ArticleTooLargeError):
        kit.load_article(path, max_bytes=1000)
    assert len(kit.load_article(path).sentences) == 1001


def test_unclosed_header(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("---\noutlet: X\nHeadline\n\nBody.", encoding="utf-8")
    with pytest.raises(
        kit.errors.ArticleFormatError, match="Line 3 of the metadata header of 'h.txt' is 'Headline'"
    ):
        kit.load_article(path)
    path.write_text("---\noutlet: X\n", encoding="utf-8")
    with pytest.raises(kit.errors.ArticleFormatError, match="never closes it. Add a line '---'"):
        kit.load_article(path)


def test_bad_date_in_header():
    with pytest.raises(ValueError, match=r"published: '5 March 2024', but dates must be written YYYY-MM-DD"):
        kit.parse_article("---\npublished: 5 March 2024\n---\nHeadline\n\nBody.")


def test_only_furniture():
    with pytest.raises(kit.errors.EmptyArticleError, match="only page furniture"):
        kit.parse_article("News / World\n\nSHARE THIS ARTICLE\n\nwww.example.com")


def test_parse_article_rejects_bytes():
    with pytest.raises(TypeError, match=r"got a bytes\. To load a file, use kit\.load_article\(path\)"):
        kit.parse_article(b"Headline")


def test_errors_subclass_builtins():
    assert issubclass(kit.errors.EmptyArticleError, ValueError)
    assert issubclass(kit.errors.ArticleNotFoundError, FileNotFoundError)
    assert issubclass(kit.errors.ArticleEncodingWarning, UserWarning)
    for name in ("EmptyArticleError", "BinaryArticleError", "ArticleEncodingError", "ArticleTooLargeError"):
        assert issubclass(getattr(kit.errors, name), kit.KitError)


def test_top_level_kit_exports_only_the_two_base_classes():
    """kit.KitError and kit.KitWarning catch everything; the particular classes live in kit.errors."""
    exported = [n for n in kit.__all__ if n.endswith(("Error", "Warning"))]
    assert exported == ["KitError", "KitWarning"]
    for name in kit.errors.__all__:
        cls = getattr(kit.errors, name)
        assert issubclass(cls, (kit.KitError, kit.KitWarning)), name
        if name not in exported:
            with pytest.raises(AttributeError, match=rf"kit\.{name} lives in kit\.errors"):
                getattr(kit, name)


def test_batch_of_articles_never_stops(tmp_path):
    """One bad file in a folder gets its own message; the rest load."""
    (tmp_path / "a.txt").write_text("Headline A\n\nBody A.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.txt").write_text("Headline D\n\nBody D.", encoding="utf-8")
    loaded, failed = {}, {}
    for path in sorted(tmp_path.glob("*.txt")):
        try:
            loaded[path.name] = kit.load_article(path)
        except kit.KitError as err:
            failed[path.name] = type(err).__name__
    assert sorted(loaded) == ["a.txt", "d.txt"]
    assert failed == {"b.txt": "EmptyArticleError", "c.txt": "BinaryArticleError"}


def test_wrong_argument_type():
    with pytest.raises(TypeError, match=r"got 42, of type int\. For example"):
        kit.load_article(42)


def test_encoding_error_names_the_byte_windows_1252_cannot_read(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Headline\n\nCaf\u00e9 \x81 text.".encode("latin-1"))
    with pytest.raises(
        kit.errors.ArticleEncodingError, match=r"nor Windows-1252 \(byte 0x81 at position 15\)"
    ):
        kit.load_article(path)


def test_a_markdown_rule_on_the_first_line_is_not_a_header():
    article = kit.parse_article("---\n\nHeadline\n\nBody text here.")
    assert article.metadata == {}
    assert article.parts[["part", "rule"]].values.tolist() == [
        ["boilerplate", "separator"],
        ["headline", "headline"],
        ["body", "body"],
    ]
