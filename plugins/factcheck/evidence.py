"""Verify every quote against its source's archived text and record where it stands."""

from __future__ import annotations

from typing import Optional

from . import quotes as matching
from .model import Claim, Corpus, Quote, QuoteUse, Source
from .problems import Problem
from .values import parse_value


def verify_quotes(corpus: Corpus) -> tuple[tuple[QuoteUse, ...], list[Problem]]:
    """A QuoteUse for every quote found; a located problem for every quote that is not."""
    texts = {source.id: matching.NormalisedText.of(source.text) for source in corpus.sources}
    uses: list[QuoteUse] = []
    problems: list[Problem] = []
    for claim in corpus.claims:
        for role, quotes in (("appeared", claim.appeared), ("evidence", claim.evidence)):
            for index, quote in enumerate(quotes):
                source = corpus.source_by_id[quote.source]
                use, problem = _verify(claim, role, index, quote, source, texts[source.id])
                if use:
                    uses.append(use)
                if problem:
                    problems.append(problem)
    return tuple(uses), problems


def _verify(claim: Claim, role: str, index: int, quote: Quote, source: Source, text: matching.NormalisedText) -> tuple[Optional[QuoteUse], Optional[Problem]]:
    result = matching.find(quote.text, text)
    if isinstance(result, matching.Miss):
        position = quote.position
        closest = f" Closest passage: \u201c{result.closest}\u201d" if result.closest and result.closest != result.passage else ""
        message = f"the quote is not in the archived text of {source.id} ({source.archived_text}): {result.diff}.{closest}"
        hint = "copy the words exactly from the archived text; only spacing, quotation marks and dashes may differ"
        return None, Problem(position.path, position.line, position.column, f"{role}[{index}].quote", message, hint)
    exact = " \u2026 ".join(source.text[span.start:span.end] for span in result.spans)
    value = quote.value or (parse_value(quote.text, source.published) if quote.subject else None)
    return QuoteUse(
        claim=claim.id, role=role, quote=quote, exact=exact, anchor=matching.anchor(source.id, quote.text),
        start=result.start, end=result.end, value=value,
    ), None
