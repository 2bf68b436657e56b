"""Verify every quote against its source's archived text and record where it stands."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from . import quotes as matching
from .model import Corpus, Quote, QuoteUse, Source
from .problems import Problem
from .reuse import kept_results
from .values import Value, parse_value


_Item = tuple  # (number in the order of the claims and their quotes, claim, role, index, quote)
_Result = tuple  # (number, QuoteUse or None, Problem or None)


def verify_quotes(corpus: Corpus) -> tuple[tuple[QuoteUse, ...], list[Problem]]:
    """A QuoteUse for every quote found; a located problem for every quote that is not."""
    by_source: dict[str, list[_Item]] = {}
    order = 0
    for claim in corpus.claims:
        for role, quotes in (("appeared", claim.appeared), ("evidence", claim.evidence)):
            for index, quote in enumerate(quotes):
                by_source.setdefault(quote.source, []).append((order, claim, role, index, quote))
                order += 1
    results = _verify_groups(list(by_source.items()), corpus)
    results.sort(key=lambda result: result[0])  # back in the order of the claims and their quotes
    uses = tuple(use for _, use, _ in results if use)
    problems = [problem for _, _, problem in results if problem]
    return uses, problems


def _verify_groups(groups: list[tuple[str, list[_Item]]], corpus: Corpus) -> list[_Result]:
    # One source at a time: its folded text (several times the size of the text) is made once
    # and dropped before the next, instead of holding every source's at once.
    results: list[_Result] = []
    for source_id, items in groups:
        source = corpus.source_by_id[source_id]
        for number, claim, role, index, quote in items:
            results.append((number, *_verified((claim.id, role, index, quote, source))))
    return results


@kept_results.per_item(lambda quoted: quoted[:3])
def _verified(quoted: tuple[str, str, int, Quote, Source]) -> tuple[Optional[QuoteUse], Optional[Problem]]:
    """A quote (the claim's id, its list, its place in it, the quote, its source) verified against the source's text."""
    claim_id, role, index, quote, source = quoted
    if _normalised[0] is not source:  # made for the first quote of the source not kept from the last run
        _normalised[:] = [source, matching.NormalisedText.of(source.text)]
    return _verify(claim_id, role, index, quote, source, _normalised[1])


_normalised: list = [None, None]  # (source, its folded text): the last source whose quotes were verified


def _verify(claim_id: str, role: str, index: int, quote: Quote, source: Source, text: matching.NormalisedText) -> tuple[Optional[QuoteUse], Optional[Problem]]:
    normalised = matching.normalise(quote.text)  # once, for the search and the anchor
    result = matching.find(quote.text, text, normalised)
    if isinstance(result, matching.Miss):
        position = quote.position
        closest = ""
        if result.closest and result.closest != result.passage:
            line, column = matching.locate(result.closest, text, source.text)
            closest = f" Closest passage, at {source.archived_text}:{line}:{column}: \u201c{result.closest}\u201d"
        message = f"the quote is not in the archived text of {source.id} ({source.archived_text}): {result.diff}.{closest}"
        hint = "copy the words exactly from the archived text; only spacing, quotation marks and dashes may differ"
        return None, Problem(position.path, position.line, position.column, f"{role}[{index}].quote", message, hint, words_before=result.words_before)
    exact = " \u2026 ".join(source.text[span.start:span.end] for span in result.spans)
    value = quote.value or (_read_value(quote.text, source.published) if quote.subject else None)
    return QuoteUse(
        claim=claim_id, role=role, quote=quote, exact=exact, anchor=matching.anchor(source.id, quote.text, normalised),
        start=result.start, end=result.end, value=value,
    ), None


@lru_cache(maxsize=8192)
def _read_value(text: str, published: date) -> Optional[Value]:
    """The value a quote states; the same passage quoted by several claims is read once."""
    return parse_value(text, published)
