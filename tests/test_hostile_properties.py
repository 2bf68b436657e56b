"""Property-based tests of hostile input (issue 9), with hypothesis.

- Random YAML documents (random text, dumps of random data, and valid claims with random
  characters inserted) go through ``load.parse`` and the whole check: nothing escapes but the
  project's own located ``Problem`` records.
- Random strings made of HTML, Markdown and attr_list fragments go into every text field of
  a claim, a source and a person; when the input is valid, every generated page's Markdown is
  rendered with the extensions MkDocs uses, and the HTML must hold no active content. The
  front-matter title and description, which the theme writes unescaped, are checked too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from active_content import scan_html
from site_factory import MINI, claim_data
from factcheck.commands.cli import settings_from_mkdocs_yml
from factcheck.core.load import parse
from factcheck.core.pipeline import check, render
from factcheck.core.problems import Problem

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS)  # one instance, reset per page: loading extensions is the slow part


def to_html(text: str) -> str:
    return _MARKDOWN.reset().convert(text)
FRAGMENTS = [
    "<", ">", "</", "/>", "script", "<script>", "</script>", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
    "{:", "{: ", "}", " onclick=", "onerror=", "\"", "'", "=", "[", "](", ")", "]: ", "<http://x>", "&", "&lt;", "&#",
    "&#x3C;", ";", "#", "`", "``", "*", "_", "|", "!", "![", "\\", "\n", "\n\n", "  ", "-", "1. ", "> ", "<!--", "-->",
    "<iframe", "<style>", "<img src=x ", "<svg", "<a href=", "markdown=\"1\"", "<div ", "</div>", "---", ":", "x", "é", "\u2028",
]
# Control characters are refused by the loader (tested above); leaving them out lets most examples reach the pages.
printable = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=3)
hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), printable), min_size=1, max_size=14).map("".join)
_SUPPRESS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
YAML_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=_SUPPRESS)
# Each example renders every page of the site (~0.4 s): fewer examples keep the suite fast.
RENDER_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=_SUPPRESS)


def _fits(text: str, limit: int) -> str:
    text = text[:limit]
    return text if text.strip() else "x"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("props") / "repo"
    shutil.copytree(MINI, root)
    return root


def _run(root: Path):
    """The whole check; when it passes, the rendered pages. Only Problems may come out."""
    checked = check(settings_from_mkdocs_yml(root / "mkdocs.yml"))
    assert all(isinstance(p, Problem) for p in checked.problems)
    assert all(p.line >= 1 and p.column >= 1 and p.path for p in checked.problems)
    if not checked.ok:
        return None
    pages, _assets = render(checked.site)
    return pages


# ----------------------------------------------------------------------------- random YAML


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), st.dates())
yaml_data = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=20,
)
VALID_CLAIM = yaml.safe_dump(claim_data(), sort_keys=False, allow_unicode=True)


@st.composite
def yaml_documents(draw) -> str:
    kind = draw(st.sampled_from(["text", "dump", "mutated"]))
    if kind == "text":
        return draw(st.text(alphabet=st.sampled_from(list("ab :-[]{}&*!|>'\"#\n\t?,%@`<=~.0123456789") + ["\ufeff", "\x00", "é"]), max_size=80))
    if kind == "dump":
        return yaml.safe_dump(draw(yaml_data), allow_unicode=True)
    at = draw(st.integers(0, len(VALID_CLAIM)))
    insert = draw(st.sampled_from(["!!python/object:os.system ", "&a ", "*a", "\t", ": ", "- ", "[", "{", "<<: ", "\n  ", "'", "\"\\x07", "2025-02-30", "1.0e+999", ".nan"]))
    return VALID_CLAIM[:at] + insert + VALID_CLAIM[at:]


@YAML_SETTINGS
@given(text=yaml_documents())
def test_random_yaml_gives_data_or_located_problems(repo, text):
    document, problems = parse(text, "claims/random.yaml")
    assert (document is None) == bool(problems)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    (repo / "claims" / "random.yaml").write_text(text, "utf-8")
    try:
        _run(repo)
    finally:
        (repo / "claims" / "random.yaml").unlink()


# ----------------------------------------------------------------------------- random strings in every field


@pytest.fixture(scope="module")
def our_elements() -> set:
    """Scripts and embedding elements our own pages hold (the claims filter's form) on the clean fixture."""
    checked = check(settings_from_mkdocs_yml(MINI / "mkdocs.yml"))
    pages, _assets = render(checked.site)
    found: set = set()
    for page in pages:
        found |= scan_html(to_html(page.markdown.split("\n---\n", 1)[-1]))[1]
    return found


def _inert(markdown_text: str, allowed: set) -> list[str]:
    body = markdown_text
    if body.startswith("---\n"):
        meta_text, body = body[4:].split("\n---\n", 1)
        meta = yaml.load(meta_text, Loader=yaml.CSafeLoader)
        for key in ("title", "description"):  # written into the HTML unescaped by the theme
            if isinstance(meta.get(key), str):
                problems, elements = scan_html(meta[key])
                assert not problems and not elements, (key, meta[key])
                assert "<" not in meta[key] and '"' not in meta[key], (key, meta[key])
    html = to_html(body)
    problems, elements = scan_html(html)
    return problems + [f"<{e[0]}> element: {e}" for e in elements - allowed]


@RENDER_SETTINGS
@given(
    words=st.lists(hostile_text, min_size=21, max_size=21),
)
def test_random_strings_in_every_field_render_inert(repo, our_elements, words):
    w = iter(words)
    claim = claim_data(
        claim=_fits(next(w), 3000), short=_fits(next(w), 75), conclusion=_fits(next(w), 300),
        explanation=_fits(next(w), 20000), right=[_fits(next(w), 500)], wrong=[_fits(next(w), 500)],
        topics=[_fits(next(w), 60)], checked_by=_fits(next(w), 200),
        references=[{"url": "https://example.org/x", "title": _fits(next(w), 300), "publisher": _fits(next(w), 200), "note": _fits(next(w), 2000)}],
        corrections=[{"date": claim_data()["published"], "kind": "update", "text": _fits(next(w), 2000)}],
    )
    claim["appeared"][0]["note"] = _fits(next(w), 2000)
    source = yaml.safe_load((MINI / "sources" / "newsletter.yaml").read_text("utf-8"))
    source.update(
        title=_fits(next(w), 400), publisher=_fits(next(w), 200), authors=[_fits(next(w), 200)],
        reliability=[_fits(next(w), 1000)], summary=_fits(next(w), 2000), archived_from=_fits(next(w), 300),
    )
    people = yaml.safe_load((MINI / "people.yaml").read_text("utf-8"))
    people["marco-rubio"] = {"name": _fits(next(w), 200), "role": _fits(next(w), 300)}
    files = {"claims/random.yaml": claim, "sources/newsletter.yaml": source, "people.yaml": people}
    originals = {name: (repo / name).read_text("utf-8") for name in files if (repo / name).exists()}
    for name, data in files.items():
        (repo / name).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    try:
        pages = _run(repo)
    finally:
        (repo / "claims" / "random.yaml").unlink()
        for name, text in originals.items():
            (repo / name).write_text(text, "utf-8")
    event("valid input, pages rendered" if pages is not None else "invalid input, problems reported")
    if pages is None:
        return
    for page in pages:
        assert _inert(page.markdown, our_elements) == [], page.path
