"""What each generated page tells Material's search, through its front matter.

Material's search plugin reads two front-matter keys (manual/docs/reference/search.md says why):

- ``search: {boost: N}`` multiplies the page's score. Claim pages are the answer a reader
  is looking for, so they rank above source pages (default 1), which rank above the
  listings (index, verdict, topic and person pages) that repeat every claim's title.
- ``tags``: shown as chips under each search result and indexed with a high weight;
  claim pages carry their verdict label there, so a result shows the verdict and a
  search for "mostly false" finds the claims so rated.

Charts and the filter form carry ``data-search-exclude`` in their markup (render/charts.py,
render/claims_filter.py), so their text does not crowd the index.

Sections that only repeat what other pages index, or that are long, are left out with
``unindexed(heading)`` (Material skips a section whose heading carries ``data-search-exclude``):
a claim's explanation, references, sources table, differences and updates; a source's
scorecard, claims and quoted passages (each quote is indexed on the claims that quote it);
the claims tables of the listings. The reader finds a claim by its claim, its quotes, its
claimant, its verdict and its figures. What is left out is what made the index of a
10,000-claim site ~30 MB and its first result in the browser take seconds (issue 8;
benchmarks/run.py measures both).
"""

from __future__ import annotations

from ..core.model import Rating

CLAIM_BOOST = 2.0
LISTING_BOOST = 0.5


def claim_search(rating: Rating) -> dict:
    """Front matter of a claim page: boosted, tagged with its verdict."""
    return {"search": {"boost": CLAIM_BOOST}, "tags": [rating.label]}


def unindexed(heading: str) -> str:
    """A Markdown heading (``## ...``) whose section Material's search leaves out."""
    return f"{heading} {{: data-search-exclude }}"


def listing_search() -> dict:
    """Front matter of a page listing claims (all claims, a verdict, a topic, a person)."""
    return {"search": {"boost": LISTING_BOOST}}
