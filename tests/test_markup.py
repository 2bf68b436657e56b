"""The building blocks of the generated Markdown (factcheck.render.markup), on ordinary text."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.core.model import Rating
from factcheck.core.reuse import kept_results
from factcheck.render import markup
from factcheck.render.output import front_matter_text, page_meta


def front_matter(fields: dict) -> str:
    """A page's front matter as the renderers write it."""
    return front_matter_text(page_meta(fields))


FALSE = Rating("false", "False", "Not accurate.", "#b91c1c", 1)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize(
    "words",
    [
        "C++ and a|b in a table",
        "*not emphasis* and _not either_",
        "see [this](https://example.org)",
        "# not a heading",
        "- not a list",
        "1986. A year, not a numbered list",
        "2025-05-29: a date",
        "Tariffs of 145% {on} goods!",
        "`not code`",
    ],
)
def test_text_shows_the_words_as_written(words):
    html = to_html(markup.text(words))
    assert html == f"<p>{words}</p>"


def test_text_makes_html_inert_and_joins_lines():
    assert markup.text("<b>bold</b> & co\n\n  next") == "&lt;b&gt;bold&lt;/b&gt; &amp; co next"


def test_text_inside_a_list_item_stays_one_item():
    assert to_html("- " + markup.text("1. first")) == "<ul>\n<li>1. first</li>\n</ul>"


def test_html_text_escapes_quotes_for_attributes():
    assert markup.html_text('He said "no" & <left>') == "He said &quot;no&quot; &amp; &lt;left&gt;"


def test_rich_keeps_formatting_and_moves_headings_down():
    html = markup.rich("## Method\n\nWe read *two* reports:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[IIE](https://www.iie.org/)")
    assert "<h4>Method</h4>" in html
    assert "<em>two</em>" in html
    assert "<li>one</li>" in html and "<td>1</td>" in html
    assert 'href="https://www.iie.org/"' in html and 'rel="noopener nofollow ugc"' in html


def test_rich_removes_raw_html_but_keeps_its_text():
    html = markup.rich('Text <span style="color:red">red</span> and <img src="x.png"> end')
    assert "<span" not in html and "<img" not in html and "style" not in html
    assert "red" in html and "end" in html


def test_rich_block_wraps_in_a_div():
    assert markup.rich_block("Hello", "fc-explanation") == '<div class="fc-explanation">\n<p>Hello</p>\n</div>'


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.org/a?b=1", True), ("http://example.org", True), ("ftp://example.org", False), ("javascript:alert(1)", False), ("https://exa mple.org", False), ("", False)],
)
def test_safe_url(url, safe):
    assert (markup.safe_url(url) is not None) is safe


def test_link_escapes_spaces_and_brackets_in_the_target():
    assert markup.link("x", "a b(c).md") == "[x](a%20b%28c%29.md)"
    assert to_html(markup.link(markup.text("Page"), "../claims/a.md#q-1")) == '<p><a href="../claims/a.md#q-1">Page</a></p>'


def test_external_drops_a_link_that_is_not_http():
    assert markup.external("Label", "javascript:x") == "Label"
    assert markup.external("Label", "https://example.org") == "[Label](https://example.org)"


def test_badge_carries_the_label_in_text():
    assert markup.badge(FALSE) == '<span class="fc-badge fc-badge--false" data-verdict="false">False</span>'
    assert '<span class="fc-badge__prefix">Verdict:</span> False' in markup.badge(FALSE, "Verdict:")


def test_quote_with_an_anchor():
    from factcheck.render import html as h

    html = h.quote("more than 270,000", "q-abc")
    # the id and class are on the quoted paragraph, the target of the link
    assert html == '<blockquote>\n<p class="fc-quote" id="q-abc">\u201cmore than 270,000\u201d</p>\n</blockquote>'


def test_table():
    html = to_html(markup.table(["A", "B"], [["1", ""], [markup.text("a|b"), "2"]]))
    assert html.count("<tr>") == 3
    assert "<td>a|b</td>" in html


def test_dates_and_plurals():
    assert markup.human_date(dt.date(2025, 6, 2)) == "2 June 2025"
    assert markup.human_date(None) == ""
    assert markup.iso(dt.date(2025, 6, 2)) == "2025-06-02" and markup.iso(None) == ""
    assert markup.plural(1, "claim") == "1 claim" and markup.plural(1200, "claim") == "1,200 claims"
    assert markup.plural(2, "person", "people") == "2 people"


def test_front_matter_is_yaml():
    block = front_matter({"title": "Rubio's words: a check", "factcheck": {"type": "claim", "id": "a"}})
    assert block.startswith("---\n") and block.endswith("\n---")
    assert yaml.safe_load(block.strip("-\n")) == {"title": "Rubio's words: a check", "factcheck": {"type": "claim", "id": "a"}}


# Contributor Markdown is converted without the inline patterns and block processors that cannot
# match it (markup.rich); the HTML must be what the converter with all of them gives, whatever the text.
_PIECES = [
    "word", "two words", " ", "  ", "\n", "\n\n", "\t", "\r", "\r\n", "\x02", "\x03", "*", "**", "_", "__", "`", "\\",
    "[", "]", "(", ")", "![", "[a]: https://a.example", "[a]", "<", ">", "<b>", "</b>", "<https://a.example>",
    "<a@b.example>", "&", "&amp;", "&amp x", "&#35;", "<hr>", "<div>\n\n", "#", "# ", "- ", "1. ", "> ", "|", "| a | b |", "|---|---|", "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", "---", "===",
    "***", "- - -", "    ", "é", "\u2028",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("to &#2019\nnext")  # the raw-HTML extractor writes "&#2019;"
@example("line\x03 \x02 \nnext")  # a line break once Markdown has dropped \x02 and \x03
def test_rich_without_unmatchable_processors_gives_the_html_of_them_all(value):
    every_processor = markup._contributor_markdown().reset().convert(value)
    assert markup._contributor_markdown(markup._unmatchable(value)).reset().convert(value) == every_processor


def test_rich_leaves_out_only_processors_whose_characters_are_missing():
    left_out = markup._unmatchable("A **bold** claim.")
    inline = {name for kind, name in left_out if kind == "inline"}
    assert inline >= {"backtick", "link", "html", "entity", "linebreak"} and "em_strong" not in inline
    assert {name for kind, name in left_out if kind == "block"} == {"hashheader", "setextheader", "quote", "reference", "table"}
    assert ("preprocessor", "html_block") in left_out and ("preprocessor", "html_block") not in markup._unmatchable("&#2019")
    assert ("inline", "linebreak") not in markup._unmatchable("line\x03 \x02 \nnext")  # Markdown drops \x02 and \x03 first
    assert markup._unmatchable("[a](b) <i> &amp; `c` \\* _x_  \ny\n\n# h\n\n> q\n\n| a |\n|---|\n\nz\n===") == frozenset()
    assert markup.rich("A **bold** claim.\n\nNext.") == "<p>A <strong>bold</strong> claim.</p>\n<p>Next.</p>"


def test_a_serve_keeps_rich_renderings_from_one_run_to_the_next():
    """Under `mkdocs serve` an explanation unchanged since the last run is not converted again
    (reuse.py); a one-shot build keeps nothing."""
    counts = (kept_results.made, kept_results.kept)
    markup.rich("*one*")
    assert (kept_results.made, kept_results.kept) == counts  # off: nothing kept, nothing counted

    kept_results.start()
    try:
        kept_results.new_run()
        first = markup.rich("*one*")
        markup.rich("**two**")
        assert (kept_results.made, kept_results.kept) == (2, 0)
        kept_results.new_run()
        assert markup.rich("*one*") == first == "<p><em>one</em></p>"
        assert markup.rich("*one,* edited") == "<p><em>one,</em> edited</p>"
        assert (kept_results.made, kept_results.kept) == (1, 1)  # the unchanged one kept from the run before
    finally:
        kept_results.stop()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_front_matter_is_ascii_so_no_line_separator_can_end_it(separator):
    import yaml

    written = front_matter({"title": f"Innocent title{separator}--- x", "template": "claim.html"})
    assert separator not in written and written.count("\n") == 3
    assert yaml.safe_load(written.strip("-\n")) == {"title": f"Innocent title{separator}--- x", "template": "claim.html"}


def test_front_matter_keeps_printable_letters_and_escapes_the_rest_as_yaml_reads_them():
    import yaml

    fields = {"title": "Zürich \u4e2d\u6587 \U0001F600 \U00099dca \u202e \u200b"}
    written = front_matter(fields)
    assert "Zürich \u4e2d\u6587 \U0001F600" in written and "\u202e" not in written and "\U00099dca" not in written
    assert yaml.safe_load(written.strip("-\n")) == fields
