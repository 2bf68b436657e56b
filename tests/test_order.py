from dataclasses import replace
from datetime import date

from factcheck.render.order import newest_first


def test_latest_checks_are_ordered_by_publication_then_claim_date(mini_site):
    base = mini_site.claims[0]
    old = replace(base, id="old", published=date(2025, 6, 1), claimed=date(2025, 6, 9))
    same_day_older_claim = replace(base, id="b", published=date(2025, 6, 5), claimed=date(2025, 5, 30))
    same_day_newer_claim = replace(base, id="a", published=date(2025, 6, 5), claimed=date(2025, 6, 2))
    undated_claim = replace(base, id="c", published=date(2025, 6, 5), claimed=None)
    ordered = newest_first([old, undated_claim, same_day_older_claim, same_day_newer_claim])
    assert [c.id for c in ordered] == ["a", "b", "c", "old"]
