"""`factcheck import-claimreview`: ClaimReview JSON-LD and Fact Check Tools API responses into claim files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from factcheck.commands.cli import main
from factcheck.commands.import_claimreview import OriginalRating, map_verdict, plan_import, read_reviews
from factcheck.core.model import Rating, Scale
from factcheck.core.pipeline import render
from factcheck.core.problems import errors
from factcheck.core.scale import DEFAULT_SCALE
from factcheck.render.jsonld import claim_review
from factcheck.render.markup import rich
from site_build import build_site

TALKS = {  # a third claim, appearing in a source without an address (so its ClaimReview gives archivedAt)
    "claim": "Bessent said the trade talks were a bit stalled.",
    "short": "Bessent said the talks were a bit stalled",
    "claimant": "scott-bessent",
    "appeared": [{"source": "wire", "quote": "The talks are “a bit stalled,” Bessent said."}],
    "verdict": "unverifiable",
    "conclusion": "Only one report gives the words.",
    "explanation": "No transcript was found.",
    "claimed": dt.date(2025, 5, 29),
    "published": dt.date(2025, 6, 3),
    "updated": dt.date(2025, 6, 6),
}


def import_file(data, repo: Path, *options: str) -> int:
    path = repo.parent / f"input-{len(list(repo.parent.glob('input-*')))}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return main(["import-claimreview", str(path), "--out-dir", str(repo), *options])


def checked_site(site_dir):
    checked = site_dir.check()
    assert not errors(checked.problems), [str(p) for p in checked.problems]
    assert checked.site is not None
    return checked.site


def essentials(site, claim) -> dict:
    """What a ClaimReview says about a claim, without the addresses that differ from site to site."""
    data = claim_review(site, claim)
    rating = data["reviewRating"]
    return {
        "claimReviewed": data["claimReviewed"], "datePublished": data["datePublished"], "dateModified": data.get("dateModified"),
        "rating": (rating["alternateName"], rating.get("ratingValue"), rating.get("ratingExplanation")),
        "claimant": data["itemReviewed"]["author"]["name"], "claimed": data["itemReviewed"].get("datePublished"),
        "first_appearance": data["itemReviewed"]["firstAppearance"]["headline"],
    }


# ---------------------------------------------------------------------------- export, then import


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, make_site):
    folder = tmp_path_factory.mktemp("roundtrip")
    original = make_site(folder / "original", claims={"talks-stalled": TALKS})
    build_site(original.root, folder / "site")  # not strict: the fixture has no IFCN pages
    exported = folder / "site" / "api" / "claimreview.json"
    fresh = make_site(folder / "fresh", base=None)  # mkdocs.yml and a home page, no data
    code = main(["import-claimreview", str(exported), "--out-dir", str(fresh.root)])
    return checked_site(original), fresh, code


def test_export_then_import_gives_back_the_same_claims(round_trip):
    before, fresh, code = round_trip
    assert code == 0
    after = checked_site(fresh)  # the imported files pass validation
    assert sorted(c.id for c in after.claims) == sorted(c.id for c in before.claims)  # ids from the pages' addresses
    for claim in before.claims:
        imported = after.claim_by_id[claim.id]
        assert imported.short == claim.short
        assert imported.verdict == claim.verdict
        assert after.corpus.name_of(imported.claimant) == before.corpus.name_of(claim.claimant)
        assert (imported.published, imported.updated) == (claim.published, claim.updated)
        assert imported.conclusion == claim.conclusion
        # Exported again, the imported claim says what the original said.
        assert essentials(after, imported) == essentials(before, claim)


def test_the_imported_appearances_are_sources_whose_quotes_verify(round_trip):
    before, fresh, _ = round_trip
    after = checked_site(fresh)
    recap = next(s for s in after.corpus.sources if s.url == "https://example.org/recap")
    assert (recap.title, recap.publisher, recap.published) == ("Weekly recap", "Example Newsletter", dt.date(2025, 5, 30))
    quoting_recap = [u.claim for u in after.uses if u.quote.source == recap.id]
    assert sorted(quoting_recap) == ["rubio-revoke", "students-270000"]  # one source for the one document
    talks = after.claim_by_id["talks-stalled"]
    wire = after.source(talks.appeared[0].source)
    assert wire.url == "" and wire.title == "Talks stall"  # no original address, so none invented
    assert "https://example.org/mini/sources/wire/" in wire.summary  # our archived copy, from archivedAt
    assert after.corpus.person_by_key[talks.claimant].name == "Scott Bessent"
    assert {u.claim for u in after.uses} == {c.id for c in after.claims}  # every appeared quote was verified


# ---------------------------------------------------------------------------- Fact Check Tools API

API_RESPONSE = {
    "claims": [
        {
            "text": "The moon is made of cheese, says an example senator.",
            "claimant": "Senator Example",
            "claimDate": "2024-03-01T00:00:00Z",
            "claimReview": [
                {"publisher": {"name": "Example Checks", "site": "checks.example.org"},
                 "url": "https://checks.example.org/moon-cheese", "title": "No, the moon is not cheese",
                 "reviewDate": "2024-03-04T10:00:00Z", "textualRating": "False", "languageCode": "en"},
                {"publisher": {"name": "Other Example Desk", "site": "desk.example.org"},
                 "url": "https://desk.example.org/2024/03/moon.html", "title": "Moon made of cheese?",
                 "reviewDate": "2024-03-05", "textualRating": "Pants on Fire", "languageCode": "en"},
            ],
        },
        {
            "text": "Example City has more bicycles than residents.",
            "claimDate": "2024-02-10",
            "claimReview": [
                {"publisher": {"site": "checks.example.org"}, "url": "https://checks.example.org/bikes",
                 "title": "Bicycles in Example City", "reviewDate": "2024-02-12", "textualRating": "MOSTLY TRUE"},
            ],
        },
    ],
    "nextPageToken": "example-token",
}


@pytest.fixture()
def api_import(tmp_path, make_site, capsys):
    site = make_site(tmp_path / "repo")
    people_before = "# Who is who. Keep this comment.\n" + site.read("people.yaml")
    site.write("people.yaml", people_before)
    code = import_file(API_RESPONSE, site.root)
    return site, people_before, code, capsys.readouterr()


def test_a_fact_check_tools_response_becomes_claims_one_per_review(api_import):
    site, _, code, output = api_import
    assert code == 0, output.err
    built = checked_site(site)
    imported = {c.id: c for c in built.claims if c.id not in ("rubio-revoke", "students-270000")}
    # An id from the review's address when it has words enough, else from the claim's words.
    assert sorted(imported) == ["example-city-more-bicycles-than-residents", "moon-cheese", "moon-made-cheese-example-senator"]
    cheese, fire = imported["moon-cheese"], imported["moon-made-cheese-example-senator"]
    bikes = imported["example-city-more-bicycles-than-residents"]
    assert cheese.claim == fire.claim == "The moon is made of cheese, says an example senator."
    assert (cheese.verdict, cheese.claimed, cheese.published) == ("false", dt.date(2024, 3, 1), dt.date(2024, 3, 4))
    assert built.corpus.name_of(cheese.claimant) == built.corpus.name_of(fire.claimant) == "Senator Example"
    # A rating the scale does not have: unverifiable, the original kept in the explanation and the reference.
    assert fire.verdict == "unverifiable" and "Pants on Fire" in fire.explanation and "matches none" in fire.explanation
    assert fire.references[0].url == "https://desk.example.org/2024/03/moon.html" and "Pants on Fire" in fire.references[0].note
    assert bikes.verdict == "mostly-true"  # labels compared without case
    assert bikes.claimant == "unknown-claimant" and bikes.references[0].publisher == "checks.example.org"
    # The API gives no appearance: the source is the fact check itself, and says so.
    source = built.source(bikes.appeared[0].source)
    assert source.url == "https://checks.example.org/bikes" and source.type == "other"
    assert "does not say where the claim appeared" in source.summary


def test_new_claimants_are_appended_to_the_people_file_which_keeps_its_text(api_import):
    site, before, _, output = api_import
    after = site.read("people.yaml")
    assert after.startswith(before)  # every byte of it, comments included
    people = yaml.safe_load(after)
    assert people["marco-rubio"]["name"] == "Marco Rubio"
    assert people["senator-example"] == {"name": "Senator Example"}
    assert people["unknown-claimant"]["name"].startswith("Unknown claimant")
    assert "people.yaml" in output.out.split()


def test_nothing_is_overwritten_without_force(api_import, capsys):
    site, _, _, _ = api_import
    claim_file = site.root / "claims" / "moon-cheese.yaml"
    claim_file.write_text(claim_file.read_text("utf-8") + "# an editor's note\n", encoding="utf-8")
    people = site.read("people.yaml")
    assert import_file(API_RESPONSE, site.root) == 1
    err = capsys.readouterr().err
    assert "claims/moon-cheese.yaml: exists" in err and "Nothing was written" in err
    assert claim_file.read_text("utf-8").endswith("# an editor's note\n") and site.read("people.yaml") == people
    assert import_file(API_RESPONSE, site.root, "--force") == 0
    assert "editor's note" not in claim_file.read_text("utf-8")
    assert site.read("people.yaml") == people  # the claimants were known by name: no entry twice
    checked_site(site)


def test_a_people_file_that_cannot_be_appended_to_is_left_alone(tmp_path, make_site, capsys):
    flow = "{marco-rubio: {name: Marco Rubio}, scott-bessent: {name: Scott Bessent}, newsletter-editor: {name: Ann}}\n"
    site = make_site(tmp_path / "repo", people=flow)
    (tmp_path / "api.json").write_text(json.dumps(API_RESPONSE), encoding="utf-8")
    assert main(["-f", str(site.config_file), "import-claimreview", str(tmp_path / "api.json")]) == 0  # the site of -f
    err = capsys.readouterr().err
    assert site.read("people.yaml") == flow
    separate = yaml.safe_load(site.read("people.imported.yaml"))
    assert separate["senator-example"] == {"name": "Senator Example"}
    assert "people.imported.yaml" in err and "move them into people.yaml" in err


# ---------------------------------------------------------------------------- shapes of the input


CLAIM_REVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example.org/reviews/tides-moon",
    "claimReviewed": "The tides are caused by the wind alone",
    "author": {"@type": "Organization", "name": "Example Checks"}, "datePublished": "2024-05-02",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "worstRating": 1, "bestRating": 7, "alternateName": "Wrong"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Example", "sameAs": ["https://example.org/a", "ftp://example.org/x"]},
                     "appearance": [{"@type": "SocialMediaPosting", "url": "https://social.example.org/post/1", "datePublished": "2024-05-01"}]},
}


@pytest.mark.parametrize("wrapping", [
    CLAIM_REVIEW,
    [CLAIM_REVIEW],
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, CLAIM_REVIEW]},
    {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [CLAIM_REVIEW]}]},
    {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": dict(CLAIM_REVIEW, **{"@type": "schema:ClaimReview"})}]},
], ids=["one", "list", "graph", "datafeed", "prefixed-type"])
def test_every_shape_of_claimreview_is_read(wrapping):
    reviews, notes = read_reviews(wrapping)
    assert notes == [] and len(reviews) == 1
    review = reviews[0]
    assert review.claim == "The tides are caused by the wind alone" and review.reviewer == "Example Checks"
    assert review.claimant.name == "A. Example" and review.claimant.same_as == ("https://example.org/a",)
    assert [(a.url, a.type, a.published) for a in review.appearances] == [("https://social.example.org/post/1", "social-media-post", dt.date(2024, 5, 1))]


def test_a_rating_off_the_labels_is_placed_by_its_value(tmp_path):
    reviews, _ = read_reviews(CLAIM_REVIEW)
    plan = plan_import(reviews, _settings(tmp_path), {}, dt.date(2024, 6, 1))
    claim = yaml.safe_load(next(f.text for f in plan.files if f.path == "claims/tides-moon.yaml"))
    assert claim["verdict"] == "false"  # 1 on 1..7 is the worst: the worst of this scale
    assert "Wrong" in claim["explanation"] and "same position" in claim["explanation"]


@pytest.mark.parametrize(("rating", "expected"), [
    (OriginalRating(name="mostly TRUE"), ("mostly-true", "label")),
    (OriginalRating(name="half-true"), ("half-true", "label")),
    (OriginalRating(name="Somewhat", value=2, worst=1, best=3), ("half-true", "value")),
    (OriginalRating(name="Seven", value=7, worst=0, best=10), ("mostly-true", "value")),  # 1 + 0.7 * 4 = 3.8
    (OriginalRating(name="Reversed", value=9, worst=10, best=0), ("false", "value")),
    (OriginalRating(name="Odd", value=12, worst=1, best=5), ("unverifiable", "none")),  # outside its own range
    (OriginalRating(name="Pants on Fire"), ("unverifiable", "none")),
    (OriginalRating(), ("unverifiable", "none")),
])
def test_verdict_mapping(rating, expected):
    verdict = map_verdict(rating, DEFAULT_SCALE)
    assert (verdict.key, verdict.how) == expected


def test_a_scale_with_nothing_to_fall_back_on_stops_the_import(tmp_path):
    scale = Scale((Rating("yes", "Yes", "", "#1b7a3a", 2), Rating("no", "No", "", "#b91c1c", 1)))
    reviews, _ = read_reviews(dict(CLAIM_REVIEW, reviewRating={"alternateName": "Pants on Fire"}))
    plan = plan_import(reviews, _settings(tmp_path, scale=scale), {}, dt.date(2024, 6, 1))
    assert len(plan.problems) == 1 and "Pants on Fire" in plan.problems[0]
    assert not any(f.path.startswith("claims/") for f in plan.files)


def _settings(root: Path, **changes):
    from factcheck.core.settings import Settings

    return Settings(root=root, **changes)


# ---------------------------------------------------------------------------- untrusted input

HOSTILE = {
    "@type": "ClaimReview", "url": "javascript:alert(1)",
    "claimReviewed": "<script>alert(1)</script> Claim\u0000 with\u202e tricks",
    "author": {"name": "<img src=x onerror=alert(2)>"}, "datePublished": "2024-05-02T08:00:00+02:00",
    "reviewRating": {"alternateName": "[click](javascript:alert(3)) <b>bold</b>", "ratingExplanation": "<iframe src=x></iframe>"},
    "itemReviewed": {
        "author": {"@type": "Person", "name": "index", "sameAs": "javascript:alert(4)"},
        "datePublished": "2024-06-30",  # after the fact check: left out
        "firstAppearance": {"@type": "CreativeWork", "url": "data:text/html,<script>alert(5)</script>", "headline": "index"},
        "appearance": ["javascript:alert(6)", {"headline": "A post"}],
    },
}


def test_untrusted_input_stays_plain_text_and_validates(tmp_path, make_site):
    site = make_site(tmp_path / "repo")
    assert import_file([HOSTILE, HOSTILE], site.root) == 0
    built = checked_site(site)
    written = {p: p.read_text("utf-8") for p in site.root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".txt")}
    assert not any("\u0000" in text or "\u202e" in text for text in written.values())
    addresses = [a for p, text in written.items() if p.suffix == ".yaml" for a in _addresses(yaml.safe_load(text))]
    assert addresses and all(a.startswith("https://") or a.startswith("http://") for a in addresses)
    new = [c for c in built.claims if c.id not in ("rubio-revoke", "students-270000")]
    assert len(new) == 1  # the same review twice is imported once: two exact copies would be an error (issue 24)
    for claim in new:
        assert claim.claim == "<script>alert(1)</script> Claim with tricks"  # kept as text, not dropped or run
        assert claim.claimed is None and claim.published == dt.date(2024, 5, 2)
        assert claim.claimant != "index" and built.corpus.person_by_key[claim.claimant].same_as == ()
        assert not any(r.url.startswith("javascript") for r in claim.references)
        explanation = rich(claim.explanation)  # the explanation is Markdown: what it quotes is inert
        assert "<a" not in explanation and "<b>" not in explanation and "<img" not in explanation
        assert [built.source(q.source).title for q in claim.appeared] == ["index", "A post"]
    pages, _ = render(built)
    assert any("&lt;script&gt;alert" in page.markdown for page in pages)  # the text is shown, as text
    for page in pages:  # the Markdown bodies (the front matter is data, escaped by the templates: see test_jsonld)
        body = page.markdown.split("\n---\n", 1)[-1]
        assert "<script>alert" not in body and "<img src=x" not in body and "<iframe" not in body


def _addresses(data) -> list[str]:
    """Every value of a `url` or `same_as` field, however deep."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("url", "same_as"):
                found += value if isinstance(value, list) else [value]
            else:
                found += _addresses(value)
    elif isinstance(data, list):
        for item in data:
            found += _addresses(item)
    return found


# ---------------------------------------------------------------------------- fact checks from other desks

INTERNATIONAL = Path(__file__).parent / "fixtures" / "claimreview" / "international.json"


def _import(repo: Path, *options: str) -> int:
    return main(["import-claimreview", str(INTERNATIONAL), "--out-dir", str(repo), *options])


def _claims(repo: Path) -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted((repo / "claims").glob("*.yaml"))}


@pytest.fixture
def international(tmp_path, make_site, capsys):
    site = make_site(tmp_path / "desk", base=None)
    code = _import(site.root)
    return site, code, capsys.readouterr()


def test_lists_non_text_fields_and_a_huge_number_are_read_with_warnings_not_a_traceback(international):
    site, code, output = international
    assert code == 0, output.err
    claims = _claims(site.root)
    spanish = claims["exportaciones-crecieron-diez"]
    assert spanish["claim"] == "La ministra dijo que las exportaciones crecieron un 10 % en mayo."  # the first of the list
    assert "claimReviewed gives 2 texts; the first was kept" in output.err
    assert "reviewRating.ratingExplanation is a number, not text; ignored" in output.err
    assert spanish["conclusion"] != "5" and "Falso" in spanish["conclusion"]
    assert "reviewRating.ratingValue is a number of 5,000 digits; ignored" in output.err
    assert "Traceback" not in output.err
    assert checked_site(site)  # every imported file validates


def test_reviewer_headline_appearance_job_title_and_licence_are_kept(international):
    site, _, _ = international
    spanish = _claims(site.root)["exportaciones-crecieron-diez"]
    (reference,) = spanish["references"]
    assert reference["publisher"] == "Factchequeo Ejemplo" and reference["title"] == "¿Crecieron las exportaciones un 10 %?"
    assert "Licence of the ClaimReview data: https://creativecommons.org/licenses/by/4.0/" in reference["note"]
    assert spanish["appeared"][0]["occasion"] == "Entrevista en la televisión pública"
    people = yaml.safe_load((site.root / "people.yaml").read_text("utf-8"))
    assert people[spanish["claimant"]] == {"name": "Ana Pérez Ejemplo", "role": "Ministra de Economía"}


def test_a_claim_in_a_script_without_latin_letters_gets_a_readable_id(international):
    site, _, _ = international
    claims = _claims(site.root)
    (chinese_id,) = [key for key, data in claims.items() if data["claim"].startswith("部长")]
    assert chinese_id.startswith("claim-2025-06-02-") and len(chinese_id.rsplit("-", 1)[1]) == 8  # the date and a hash
    assert claims[chinese_id]["claimant"].startswith("organisation-")
    assert "item" not in claims and "item" not in yaml.safe_load((site.root / "people.yaml").read_text("utf-8"))


def test_unmapped_labels_are_reported_and_a_rating_map_places_them(tmp_path, make_site, capsys):
    site = make_site(tmp_path / "desk", base=None)
    assert _import(site.root) == 0
    assert "Ratings matched to no rating of the scale: 'Engañoso' (2)." in capsys.readouterr().err
    assert {data["verdict"] for data in _claims(site.root).values()} == {"false", "unverifiable"}
    assert _import(site.root, "--force", "--rating", "Engañoso=mostly-false") == 0
    assert "Ratings matched to no rating" not in capsys.readouterr().err
    assert sorted(data["verdict"] for data in _claims(site.root).values()) == ["false", "mostly-false", "mostly-false"]
    assert _import(site.root, "--force", "--rating", "Engañoso=misleading") == 1
    assert "'misleading', which is not on the scale" in capsys.readouterr().err


def test_the_rating_map_can_be_given_in_mkdocs_yml(tmp_path, make_site, capsys):
    mkdocs = (MINI_CONFIG := Path(__file__).parent / "fixtures" / "mini" / "mkdocs.yml").read_text("utf-8")
    site = make_site(tmp_path / "desk", base=None, mkdocs=mkdocs.replace("publisher_name: Mini Desk", "publisher_name: Mini Desk\n      import_ratings:\n        Engañoso: mostly-false"))
    assert MINI_CONFIG.exists() and _import(site.root) == 0
    assert sorted(data["verdict"] for data in _claims(site.root).values()) == ["false", "mostly-false", "mostly-false"]


def test_a_second_import_with_skip_existing_adds_only_what_is_new(tmp_path, make_site, capsys):
    site = make_site(tmp_path / "desk", base=None)
    assert _import(site.root) == 0
    before = {path: path.read_bytes() for path in site.root.rglob("*.yaml")}
    capsys.readouterr()
    assert _import(site.root) == 1  # without it, nothing is overwritten
    assert "exists; not overwritten" in capsys.readouterr().err
    assert _import(site.root, "--skip-existing") == 0
    assert "3 claim(s) imported before were left as they are" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in site.root.rglob("*.yaml")} == before
    more = json.loads(INTERNATIONAL.read_text("utf-8").replace("9" * 5000, "2"))
    more.append({**more[2], "url": "https://factchequeo.example.org/verificaciones/otra-cifra", "claimReviewed": "El superávit se duplicó en un año."})
    extra = tmp_path / "more.json"
    extra.write_text(json.dumps(more, ensure_ascii=False), "utf-8")
    assert main(["import-claimreview", str(extra), "--out-dir", str(site.root), "--skip-existing"]) == 0
    assert set(_claims(site.root)) == {"exportaciones-crecieron-diez", "cifra-gigante", "otra-cifra", next(k for k in _claims(site.root) if k.startswith("claim-"))}
    assert checked_site(site)




def test_id_allocation_is_linear_in_the_number_of_reviews():
    """20,000 reviews with the same wording: each id costs a bounded number of look-ups."""
    from factcheck.commands import import_claimreview as module

    class Counting(module._Ids):
        looked = 0

        def __contains__(self, item):
            Counting.looked += 1
            return super().__contains__(item)

    taken = Counting()
    ids = [module._unique("same-claim", taken) for _ in range(20_000)]
    assert len(set(ids)) == 20_000 and ids[:3] == ["same-claim", "same-claim-2", "same-claim-3"]
    assert Counting.looked <= 3 * 20_000
