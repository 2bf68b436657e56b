"""The rating scale: the default one and how a configured one is read."""

from __future__ import annotations

import re
from typing import Any, Iterable

from .model import Rating, Scale

# Modelled on the six-step scales of established fact-checkers (PolitiFact's Truth-O-Meter,
# without its "Pants on Fire"), with one rating off the numeric scale for claims the evidence
# cannot settle. Colours are chosen so a badge's text meets WCAG AA contrast (see render/style.py).
DEFAULT_RATINGS: tuple[Rating, ...] = (
    Rating("true", "True", "The claim is accurate and nothing significant is missing.", "#1b7a3a", 5),
    Rating("mostly-true", "Mostly true", "The claim is accurate but needs clarification or additional information.", "#4b821c", 4),
    Rating("half-true", "Half true", "The claim is partially accurate but leaves out important details or takes things out of context.", "#a66300", 3),
    Rating("mostly-false", "Mostly false", "The claim contains an element of truth but ignores critical facts that would give a different impression.", "#c2410c", 2),
    Rating("false", "False", "The claim is not accurate.", "#b91c1c", 1),
    Rating("unverifiable", "Unverifiable", "The evidence available is not enough to rate the claim either way.", "#52525b", None),
)

DEFAULT_SCALE = Scale(DEFAULT_RATINGS)


def scale_from_options(entries: Iterable[dict[str, Any]] | None) -> Scale:
    """A scale from the plugin's ``ratings`` option; the default when none is given."""
    if not entries:
        return DEFAULT_SCALE
    return Scale(tuple(
        Rating(
            key=str(entry["key"]),
            label=str(entry["label"]),
            definition=str(entry.get("definition", "")),
            colour=str(entry.get("colour", "#52525b")),
            value=entry.get("value"),
        )
        for entry in entries
    ))


_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def scale_problems(scale: Scale) -> list[str]:
    """What is wrong with a configured scale, as sentences."""
    found: list[str] = []
    keys = [r.key for r in scale.ratings]
    shared = sorted({k for k in keys if keys.count(k) > 1})
    if shared:
        found.append(f"two ratings share the key {', '.join(repr(k) for k in shared)}")
    for key in keys:
        if not _KEY.match(key):
            found.append(f"the key {key!r} is not lower-case letters, digits and single hyphens (it becomes an address and a CSS class)")
    for rating in scale.ratings:
        if not _COLOUR.match(rating.colour):
            found.append(f"the colour of {rating.key!r} must be written #rrggbb or #rgb; found {rating.colour!r}")
    values = [r.value for r in scale.numeric]
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 1 for v in values):
        found.append("a rating's value must be a whole number of at least 1 (or empty, for ratings off the scale)")
    elif values and len(set(values)) < 2:
        found.append("the numeric scale needs at least two different values (worst < best)")
    return found
