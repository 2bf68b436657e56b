"""Everything the pages need, computed once: verified quotes, disagreements and the indexes.

Each index is a dictionary filled in one pass over the claims, so the work grows with the
number of claims, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Optional

from .disagree import Consistent, Disagreement, find_consistent, find_disagreements, seen_from, sides_by
from .evidence import verify_quotes
from .model import Claim, Corpus, QuoteUse, Rating, Source
from .problems import Problem
from .reuse import kept_results
from .settings import Settings
from .urls import Urls
from .validate import topic_slug


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str


@dataclass(frozen=True)
class SiteView:
    """What any page may show besides its own records: the settings and addresses, every source,
    person and subject and the scale (``corpus``, its claims left out), and every topic.

    A renderer kept while serving (reuse.py) is given one of these, extended with exactly the
    records of its own page (``ClaimView``, ``render.claim_page.ClaimPageView``, ...), never the
    ``Site``: what it does not hold, it cannot show, so a kept page is never out of date.
    """

    settings: Settings
    urls: Urls
    corpus: Corpus
    topics: dict[str, Topic]  # by slug, as the Site has them (views are compared, never hashed)

    def parts(self) -> tuple:
        """The fields of a ``SiteView``, to build a view that extends it: ``ClaimView(*view.parts(), claim)``."""
        return (self.settings, self.urls, self.corpus, self.topics)

    def rating(self, claim: Claim) -> Rating:
        rating = self.corpus.scale.get(claim.verdict)
        assert rating is not None, "validated claims carry a verdict of the scale"
        return rating

    def source(self, source_id: str) -> Source:
        return self.corpus.source_by_id[source_id]

    def topic(self, slug: str) -> Topic:
        return self.topics[slug]


@dataclass(frozen=True)
class ClaimView(SiteView):
    """A claim, and what any page may show: what its row, its CSV row and its ClaimReview are made from."""

    claim: Claim


@dataclass(frozen=True)
class QuotedClaimView(ClaimView):
    """A claim with its verified quotes: what its search entry and its export record are made from."""

    uses: tuple[QuoteUse, ...]


@dataclass(frozen=True)
class DisagreementView(SiteView):
    """A disagreement, the claims on its sides and what any page may show: what its export record
    and its block on the disagreements page are made from."""

    disagreement: Disagreement
    claims: tuple[Claim, ...]

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}


@dataclass(frozen=True)
class SourceView(SiteView):
    """A source, and what any page may show: what its search entry is made from."""

    source_record: Source  # (``source`` looks any source up by id)


@dataclass
class Site:
    """The analysed corpus and its indexes: the input of every renderer."""

    corpus: Corpus
    settings: Settings
    urls: Urls
    uses: tuple[QuoteUse, ...]
    claims: tuple[Claim, ...] = ()  # newest first
    claim_by_id: dict[str, Claim] = field(default_factory=dict)
    uses_by_claim: dict[str, list[QuoteUse]] = field(default_factory=lambda: defaultdict(list))
    uses_by_source: dict[str, list[QuoteUse]] = field(default_factory=lambda: defaultdict(list))
    claims_by_source: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_by_verdict: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_by_topic: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_by_claimant: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    claims_about: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, Topic] = field(default_factory=dict)

    @cached_property
    def disagreements(self) -> tuple[Disagreement, ...]:
        """Where the documents disagree: worked out when first asked for, by the pages and the
        exports (``factcheck validate`` never asks: they raise no problem)."""
        return find_disagreements(self.uses, self.corpus)

    @cached_property
    def consistent(self) -> tuple[Consistent, ...]:
        """The subjects an editor checked and marked consistent: listed, never as disagreements."""
        return find_consistent(self.uses, self.corpus)

    @cached_property
    def disagreements_by_claim(self) -> dict[str, list[Disagreement]]:
        """Each claim's disagreements as its page shows them: its own sides and a few others
        (``seen_from``), so N claims on one subject of N sides make N short lists, not N x N."""
        by_claim: dict[str, list[Disagreement]] = defaultdict(list)
        for disagreement in self.disagreements:
            for claim_id, own in sides_by(disagreement, lambda side: side.all_claims).items():
                by_claim[claim_id].append(seen_from(disagreement, own))
        return by_claim

    @cached_property
    def disagreements_by_source(self) -> dict[str, list[Disagreement]]:
        """Each source's disagreements, its own sides and a few others, as for a claim."""
        by_source: dict[str, list[Disagreement]] = defaultdict(list)
        for disagreement in self.disagreements:
            for source_id, own in sides_by(disagreement, lambda side: (side.source,)).items():
                by_source[source_id].append(seen_from(disagreement, own))
        return by_source

    @cached_property
    def view(self) -> SiteView:
        """What any page may show besides its own records. While serving, the last run's object when
        equal (reuse.py), so the argument of each kept renderer compares at once."""
        return kept_results.same("site view", SiteView(
            self.settings, self.urls, replace(self.corpus, claims=()), dict(self.topics),
        ))

    def parts(self) -> tuple:
        """The fields of ``view``, to build a view from the site: ``ClaimView(*site.parts(), claim)``."""
        return self.view.parts()

    def claim_view(self, claim: Claim) -> ClaimView:
        return ClaimView(*self.parts(), claim)

    def quoted_claim_view(self, claim: Claim) -> QuotedClaimView:
        return QuotedClaimView(*self.parts(), claim, tuple(self.uses_by_claim.get(claim.id, ())))

    def disagreement_view(self, disagreement: Disagreement) -> DisagreementView:
        ids = dict.fromkeys(c for side in disagreement.sides for c in (*side.claims, *side.cited_by))
        return DisagreementView(*self.parts(), disagreement, tuple(self.claim_by_id[c] for c in ids if c in self.claim_by_id))

    rating = SiteView.rating  # the same look-ups as a view's
    source = SiteView.source

    def person_keys(self) -> list[str]:
        """People with a page: every claimant that is a person, and everyone a claim is about."""
        keys = set(self.claims_about) | {k for k in self.claims_by_claimant if k in self.corpus.person_by_key}
        return sorted(keys)


def analyse(corpus: Corpus, settings: Settings, urls: Optional[Urls] = None) -> tuple[Optional[Site], list[Problem]]:
    uses, problems = verify_quotes(corpus)
    if problems:
        return None, problems
    site = Site(
        corpus=corpus, settings=settings, urls=urls or Urls(prefix=settings.url_prefix, site_url=settings.site_url),
        uses=uses,
        claims=tuple(sorted(corpus.claims, key=lambda c: (c.last_changed, c.published, c.id), reverse=True)),
    )
    _index(site)
    return site, []


def _index(site: Site) -> None:
    for claim in site.claims:
        site.claim_by_id[claim.id] = claim
        site.claims_by_verdict[claim.verdict].append(claim)
        site.claims_by_claimant[claim.claimant].append(claim)
        for key in dict.fromkeys(claim.people):
            site.claims_about[key].append(claim)
        for name in claim.topics:
            key = topic_slug(name)
            topic = site.topics.setdefault(key, Topic(key, name))
            site.claims_by_topic[topic.slug].append(claim)
        for source_id in claim.sources:
            site.claims_by_source[source_id].append(claim)
    for use in site.uses:
        site.uses_by_claim[use.claim].append(use)
        site.uses_by_source[use.quote.source].append(use)
