"""The claims' and sources' search files (render/search_index.py) and their wiring into Material's pages
(render/search_worker.py, the plugin). The worker that reads them is tested in the browser
(tests/browser/test_search.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data as front_matter

from factcheck.render import search_index as si
from factcheck.render.search_index import SearchEntry, claim_entry, index_files, listing_entries, site_entries, source_entry, terms
from factcheck.render.search_meta import LISTING_BOOST
from factcheck.render.search_worker import INDEXED_BY_WORKER, leave_to_worker, point_to_worker
from factcheck.render.site import render_pages
from site_build import build_site
from site_factory import MINI, claim_data, make_site


# ----------------------------------------------------------------------------- terms


def test_terms_fold_case_and_accents_and_keep_figures_whole() -> None:
    assert terms("Café NAÏVE Zürich") == ["cafe", "naive", "zurich"]
    # A figure with thousands separators is one term, also indexed without them.
    assert terms("more than 270,000 students") == ["more", "than", "270,000", "270000", "students"]
    assert terms("the U.S. and China's") == ["the", "u.s", "us", "and", "china's", "chinas"]
    # Hyphens, dashes, brackets and quotes separate terms; a trailing joiner is not part of one.
    assert terms("2023-24 “deal” (Geneva), end.") == ["2023", "24", "deal", "geneva", "end"]


def test_terms_of_non_latin_text() -> None:
    assert terms("中国 留学生 Москва") == ["中国", "留学生", "москва"]


# ----------------------------------------------------------------------------- the files


def entry(location: str, title: str, *passages: str, tags: tuple[str, ...] = (), boost: float = 1.0) -> SearchEntry:
    return SearchEntry(location=location, title=title, passages=passages, tags=tags, boost=boost)


def shard_postings(files: dict[str, str], term: str) -> dict[int, int]:
    shard = json.loads(files[si.shard_name(si.shard_key(term))])
    flat = shard.get(term, [])
    return dict(zip(flat[::2], flat[1::2]))


def test_every_term_is_in_its_files_shard_with_every_document_holding_it() -> None:
    entries = [
        entry("claims/a/", "Tariffs cut", "The US and China cut tariffs to 30%."),
        entry("claims/b/", "Students", "More than 270,000 Chinese students studied in the US."),
        entry("sources/c/", "Report", "Tariffs on rare earths."),
    ]
    files = index_files(entries)
    manifest = json.loads(files["manifest.json"])
    assert manifest["documents"] == 3
    assert sorted(manifest["keys"]) == sorted(name[2:-5] and bytes.fromhex(name[2:-5]).decode() for name in files if name.startswith("t-"))
    for number, e in enumerate(entries):
        for term in terms(e.title) + [t for p in e.passages for t in terms(p)]:
            assert number in shard_postings(files, term), (term, e.location)
    assert set(shard_postings(files, "tariffs")) == {0, 2}
    assert set(shard_postings(files, "270000")) == {1}


def test_documents_files_hold_what_a_result_shows_in_index_order() -> None:
    entries = [entry(f"claims/c{n}/", f"Claim {n}", f"Text {n}", tags=("True",)) for n in range(si.CHUNK + 3)]
    files = index_files(entries)
    first = json.loads(files["d-0.json"])
    second = json.loads(files["d-1.json"])
    assert len(first) == si.CHUNK and len(second) == 3
    assert first[0] == ["claims/c0/", "Claim 0", ["True"], ["Text 0"]]
    assert second[-1][0] == f"claims/c{si.CHUNK + 2}/"


def test_a_title_match_outscores_a_text_match_and_the_boost_counts() -> None:
    files = index_files([
        entry("a/", "Rare earths", "Exports fell."),
        entry("b/", "Exports", "Rare minerals fell."),
        entry("c/", "Exports", "Rare minerals fell.", boost=2.0),
    ])
    scores = shard_postings(files, "rare")
    assert scores[0] > scores[1]
    assert scores[2] == pytest.approx(2 * scores[1], abs=1)


def test_files_are_plain_ascii_json_where_no_text_reads_as_markup() -> None:
    files = index_files([entry("a/", "<script>alert(1)</script> “Zürich”", "</script><img src=x onerror=alert(1)>")])
    for name, text in files.items():
        assert text.isascii(), name
        assert "<" not in text, name
        json.loads(text)
    document = json.loads(files["d-0.json"])[0]
    assert document[1] == "<script>alert(1)</script> “Zürich”", "the text itself is kept; the worker escapes it"


def test_an_empty_site_has_a_manifest_and_nothing_else() -> None:
    files = index_files([])
    assert list(files) == ["manifest.json"]
    assert json.loads(files["manifest.json"])["keys"] == []


# ----------------------------------------------------------------------------- what is indexed


@pytest.fixture(scope="module")
def mini_site():
    checked = make_site_checked()
    assert checked.site is not None
    return checked.site


def make_site_checked():
    from factcheck.commands.cli import settings_from_mkdocs_yml
    from factcheck.core.pipeline import check

    return check(settings_from_mkdocs_yml(MINI / "mkdocs.yml"))


def test_a_claim_is_found_by_its_claim_claimant_verdict_and_quotes(mini_site) -> None:
    claim = mini_site.claims[0]
    found = claim_entry(mini_site, claim)
    text = " ".join(found.passages)
    assert found.title == claim.short
    assert claim.claim in text
    assert mini_site.corpus.name_of(claim.claimant) in text
    assert claim.conclusion in text
    for use in mini_site.uses_by_claim[claim.id]:
        assert use.exact in text
    assert found.tags == (mini_site.rating(claim).label,)
    assert found.location == mini_site.urls.url(mini_site.urls.claim(claim.id))
    assert claim.explanation not in text, "the long explanation is not indexed"


def test_a_source_is_found_by_its_record_and_its_text_only_when_published(mini_site) -> None:
    from dataclasses import replace

    source = mini_site.corpus.sources[0]
    kept = source_entry(mini_site, replace(source, publish_full_text=False))
    published = source_entry(mini_site, replace(source, publish_full_text=True))
    assert kept.title == source.title and source.publisher in kept.passages[0]
    first_paragraph = source.text.strip().split("\n\n")[0].strip()
    assert first_paragraph not in kept.passages
    assert first_paragraph in published.passages


# ----------------------------------------------------------------------------- wiring


CONFIG = '<script id="__config" type="application/json">{"base": "../..", "features": [], "search": "../../assets/javascripts/workers/search.js", "tags": null}</script>'


def test_point_to_worker_names_the_worker_relative_to_the_page() -> None:
    page = f"<html><body><p>x</p>{CONFIG}<script src=bundle.js></script></body></html>"
    changed = point_to_worker(page, "assets/factcheck-search.js")
    assert changed is not None
    config = json.loads(changed.split('application/json">', 1)[1].split("</script>", 1)[0])
    assert config["search"] == "../../assets/factcheck-search.js"
    assert config["features"] == [] and config["tags"] is None
    assert changed.startswith("<html><body><p>x</p>") and changed.endswith("<script src=bundle.js></script></body></html>")


def test_point_to_worker_keeps_the_block_unable_to_close_its_script() -> None:
    # As Jinja's tojson writes it: "<" and ">" escaped inside the JSON.
    page = CONFIG.replace('"tags": null', '"tags": {"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)": "x"}')
    changed = point_to_worker(page, "assets/factcheck-search.js")
    assert changed is not None and changed.count("</script>") == 1 and "<script>alert" not in changed
    config = json.loads(changed.split('application/json">', 1)[1].split("</script>", 1)[0])
    assert config["tags"] == {"</script><script>alert(1)": "x"}


def test_point_to_worker_leaves_pages_without_materials_configuration() -> None:
    assert point_to_worker("<html><body>plain</body></html>", "assets/factcheck-search.js") is None
    assert point_to_worker('<script id="__config" type="application/json">not json</script>', "w.js") is None


def test_every_generated_page_is_left_to_the_worker_and_found_in_its_files(mini_site) -> None:
    """Each page type the renderer makes is indexed by the worker (and only those): a new page
    type must be added to both, or Material's index and a dirty serve would miss it."""
    pages = render_pages(mini_site)
    kinds = {front_matter(page.markdown)[1]["factcheck"]["type"] for page in pages}
    assert kinds == set(INDEXED_BY_WORKER)
    assert not leave_to_worker({"title": "About"})
    assert not leave_to_worker({"factcheck": "claim"})
    located = {entry.location.split("#", 1)[0] for entry in site_entries(mini_site)}
    assert located == {mini_site.urls.url(page.path) for page in pages}


def test_listings_are_found_by_their_title_and_what_they_say_above_the_table(mini_site) -> None:
    by_title = {entry.title: entry for entry in listing_entries(mini_site)}
    person = mini_site.corpus.person_by_key[mini_site.person_keys()[0]]
    assert person.role in by_title[person.name].passages
    assert by_title[person.name].boost == LISTING_BOOST
    true = next(r for r in mini_site.corpus.scale.ratings if r.key == "true")
    assert by_title[true.label].passages == (true.definition,)
    subject = mini_site.disagreements[0]
    entry = by_title[subject.title]
    assert entry.location.endswith("#subject-" + subject.subject)
    assert any(subject.sides[0].quote in passage for passage in entry.passages)
    # the claims of a listing are found on their own pages, not in the listing's entry
    all_claims = by_title["All claims"]
    assert not any(claim.short in passage for claim in mini_site.claims for passage in all_claims.passages)


# ----------------------------------------------------------------------------- the build


def built(tmp_path: Path, **mkdocs_changes) -> Path:
    config = yaml.safe_load((MINI / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(mkdocs_changes)
    site = make_site(tmp_path / "repo", claims={"extra": claim_data(short="Quarter of foreign students")}, mkdocs=config)
    out = tmp_path / "site"
    build_site(site.root, out)
    return out


def material_locations(out: Path) -> list[str]:
    return [d["location"] for d in json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]


def worker_of(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return json.loads(text.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0])["search"]


def test_the_build_indexes_claims_and_sources_in_its_files_and_every_page_uses_the_worker(tmp_path: Path) -> None:
    out = built(tmp_path)
    locations = material_locations(out)
    assert not [loc for loc in locations if loc.startswith(("claims/extra", "sources/newsletter"))]
    assert not [loc for loc in locations if loc.startswith(("claims/", "verdicts/", "people/", "topics/", "sources/", "disagreements/"))], \
        "every generated page is searched through the worker"
    assert "" in locations, "the hand-written pages stay in Material's index"
    manifest = json.loads((out / "search" / "factcheck" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] >= 2
    documents = [d for n in range(0, manifest["documents"], manifest["chunk"])
                 for d in json.loads((out / "search" / "factcheck" / f"d-{n // manifest['chunk']}.json").read_text(encoding="utf-8"))]
    assert {"claims/extra/", "claims/", "verdicts/true/", "disagreements/"} <= {d[0] for d in documents}
    pages = list(out.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        worker = worker_of(page)
        if page.name == "404.html":  # served at any depth, so its addresses start at the site's root
            assert worker == "/mini/assets/factcheck-search.js"
            continue
        assert (page.parent / worker).resolve() == (out / "assets" / "factcheck-search.js").resolve(), (page, worker)
    assert "FactcheckSearch" in (out / "assets" / "factcheck-search.js").read_text(encoding="utf-8")


def test_without_the_worker_claims_stay_in_materials_index(tmp_path: Path) -> None:
    config = yaml.safe_load((MINI / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][1]["factcheck"]["search_worker"] = False
    out = built(tmp_path, plugins=config["plugins"])
    assert "claims/extra/" in material_locations(out)
    assert not (out / "search" / "factcheck").exists()
    assert "workers/search." in worker_of(out / "index.html")
