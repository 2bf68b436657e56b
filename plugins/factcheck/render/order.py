"""The one order of "latest" checks, shared by the home page's list and the feed.

Newest publication first; among checks published the same day, the newest claim first (the day it
was made, when known); then the claim's id, so that the order never depends on the input's.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Optional

from ..core.model import Claim


def latest_key(published: date, claimed: Optional[date], key: str) -> tuple[date, date, str]:
    """The sort key of anything dated like a check; sort with ``reverse=True`` for newest first."""
    return (published, claimed or date.min, key)


def check_key(claim: Claim) -> tuple[date, date, str]:
    return latest_key(claim.published, claim.claimed, claim.id)


def newest_first(claims: Iterable[Claim]) -> list[Claim]:
    """The checks, latest first: by publication date, then the claim's date, newest first."""
    return sorted(claims, key=check_key, reverse=True)
