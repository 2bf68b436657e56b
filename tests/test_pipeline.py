"""The run as a whole (factcheck.core.pipeline): what check() leaves behind."""

from __future__ import annotations

import gc

from factcheck.core.pipeline import collection_paused
from site_factory import synthetic_site


def test_check_runs_without_cyclic_collections_and_restores_them(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"another": claim_data()})
    seen = []
    gc.callbacks.append(lambda phase, info: seen.append(phase))
    try:
        assert gc.isenabled()
        checked = site.check()
        assert checked.ok
        assert gc.isenabled()
        gc.disable()
        site.check()
        assert not gc.isenabled()  # a caller that had them off keeps them off
    finally:
        gc.enable()
        gc.callbacks.pop()
    with collection_paused():
        seen.clear()
        garbage = [[] for _ in range(50_000)]  # enough new objects to trigger collections
        assert seen == [] and not gc.isenabled()
    assert gc.isenabled() and garbage


def test_collections_come_back_after_a_failure():
    try:
        with collection_paused():
            raise ValueError("a broken claim")
    except ValueError:
        pass
    assert gc.isenabled()


def test_every_quote_is_verified_in_the_order_of_the_claims(tmp_path):
    from factcheck.core import evidence, validate

    site = synthetic_site(tmp_path / "site", 80)
    claim_file = sorted((site.root / "claims").glob("*.yaml"))[5]
    text = claim_file.read_text(encoding="utf-8")
    start = text.index("quote: ") + len("quote: ")
    claim_file.write_text(text[:start] + "Words no source holds " + text[start:], encoding="utf-8")  # one quote that is not found
    settings = site.settings()
    loaded, _ = validate.load_all(settings)
    corpus, _ = validate.build_corpus(loaded, settings)
    uses, problems = evidence.verify_quotes(corpus)
    assert len(uses) > 100 and [p.field for p in problems] == ["appeared[0].quote"]
    assert any(use.value is not None for use in uses)
    found = {id(use.quote) for use in uses}
    assert [id(use.quote) for use in uses] == [id(q) for claim in corpus.claims for q in (*claim.appeared, *claim.evidence) if id(q) in found]
    quotes = {id(quote) for claim in corpus.claims for quote in claim.quotes}
    assert all(id(use.quote) in quotes for use in uses)  # the claims' own quotes, not copies


def test_the_claim_texts_read_from_the_files_are_those_of_the_built_claims(tmp_path):
    from factcheck.core import validate
    from factcheck.core.duplicates import texts_of

    site = synthetic_site(tmp_path / "site", 60)
    settings = site.settings()
    loaded, _ = validate.load_all(settings)
    corpus, problems = validate.build_corpus(loaded, settings)
    assert corpus is not None
    assert validate.claim_texts(loaded.claims) == texts_of(corpus.claims)
    assert {kind for _, kind, _ in texts_of(corpus.claims)} >= {"fact"}

