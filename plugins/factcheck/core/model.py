"""The typed records the whole generator works on. No I/O and no MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .values import Value


@dataclass(frozen=True)
class Position:
    """Where something was written: a repository-relative path and a 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Rating:
    key: str
    label: str
    definition: str
    colour: str
    value: Optional[int] = None  # position on the numeric scale; None = off the scale


@dataclass(frozen=True)
class Scale:
    ratings: tuple[Rating, ...]

    def get(self, key: str) -> Optional[Rating]:
        for rating in self.ratings:
            if rating.key == key:
                return rating
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.ratings)

    @property
    def numeric(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.value is not None)

    @property
    def best(self) -> Optional[int]:
        values = [r.value for r in self.numeric]
        return max(values) if values else None

    @property
    def worst(self) -> Optional[int]:
        values = [r.value for r in self.numeric]
        return min(values) if values else None


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    kind: str = "person"  # person | organisation
    role: str = ""
    same_as: tuple[str, ...] = ()
    position: Optional[Position] = None


@dataclass(frozen=True)
class SamePeriod:
    """Names of one reference period of a subject's measure: quotes stating any of them are compared
    as of the same period ("2023-24 school year" and "as of 2024": the Open Doors 2024 release)."""

    name: str
    same: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """The reference figure of a subject, from outside the documents: what a claim's reference gives."""

    value: Value
    source: str  # who publishes it, in words: "IIE, Open Doors 2024"
    url: str = ""
    period: str = ""
    note: str = ""


@dataclass(frozen=True)
class Subject:
    key: str
    title: str
    note: str = ""
    tension: str = ""
    status: str = ""  # "" (worked out from the quotes) | consistent | internal
    measure: str = ""  # what is measured, in words
    periods: tuple[SamePeriod, ...] = ()
    record: Optional[Record] = None
    severity: str = ""  # set by the editor: high | medium | low (with severity_reason)
    severity_reason: str = ""


@dataclass(frozen=True)
class NotChecked:
    """A passage of a source the desk deliberately does not check, and why (``factcheck suggest``)."""

    passage: str
    reason: str


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: date
    type: str
    text: str  # the archived text, exactly as stored
    authors: tuple[str, ...] = ()
    date_precision: str = "exact"
    date_note: str = ""
    url: str = ""
    accessed: Optional[date] = None
    language: str = "en"
    archived_text: str = ""  # repository-relative path of the archived text
    archived_from: str = ""
    publish_full_text: bool = False
    copies: str = ""
    reliability: tuple[str, ...] = ()
    summary: str = ""
    not_checked: tuple[NotChecked, ...] = ()
    position: Optional[Position] = None
    reliability_rating: str = ""  # high | medium | low (see RELIABILITY_RATINGS); empty = not rated
    reliability_reason: str = ""  # the rating's reason, in one sentence

    @property
    def publisher_known(self) -> bool:
        return bool(self.publisher) and self.publisher not in UNNAMED_PUBLISHERS

    @property
    def display_name(self) -> str:
        """How the document is named as a claimant: its publisher, or plainly an unidentified outlet and its date."""
        if self.publisher_known:
            return self.publisher
        day = self.published
        return f"Unidentified outlet, {day.day} {day.strftime('%B')} {day.year}"

    @property
    def corroborates(self) -> bool:
        """Whether this document may count as corroboration by itself (never when of low reliability)."""
        return self.reliability_rating != "low"


# The reliability ratings a source may carry, best first, with what each means.
RELIABILITY_RATINGS: dict[str, str] = {
    "high": "Named outlet and authors, named sources on the record, errors rare and minor.",
    "medium": "Named outlet or author, but relies on unnamed sources or others' reports, or mixes analysis with reporting.",
    "low": "No identifiable outlet or author, or quotations and facts found wrong; never counts as corroboration by itself.",
}

# Publisher values that name no one: the document is then named as an unidentified outlet.
UNNAMED_PUBLISHERS = frozenset({"unknown", "Unidentified outlet"})


@dataclass(frozen=True)
class Quote:
    source: str
    text: str
    note: str = ""
    subject: str = ""
    value: Optional[Value] = None  # declared in the YAML; None = read from the quote
    period: str = ""
    scope: str = ""
    said_by: str = ""
    occasion: str = ""
    position: Optional[Position] = None


@dataclass(frozen=True)
class Reference:
    url: str
    title: str
    publisher: str
    accessed: Optional[date] = None
    note: str = ""


@dataclass(frozen=True)
class Correction:
    date: date
    kind: str  # correction | update
    text: str
    previous_verdict: str = ""


@dataclass(frozen=True)
class Claim:
    id: str
    claim: str
    short: str
    claimant: str
    appeared: tuple[Quote, ...]
    verdict: str
    conclusion: str
    explanation: str
    published: date
    kind: str = "fact"  # fact | attribution
    right: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    evidence: tuple[Quote, ...] = ()
    references: tuple[Reference, ...] = ()
    documents_only: bool = False
    topics: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    claimed: Optional[date] = None
    updated: Optional[date] = None
    rated_on: Optional[date] = None
    checked_by: str = ""
    corrections: tuple[Correction, ...] = ()
    position: Optional[Position] = None

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.appeared + self.evidence

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of every source the claim quotes, in first-seen order."""
        return tuple(dict.fromkeys(q.source for q in self.quotes))

    @property
    def last_changed(self) -> date:
        return self.updated or self.published

    @property
    def evidence_date(self) -> date:
        return self.rated_on or self.published


@dataclass(frozen=True)
class Corpus:
    """Everything loaded and validated: the input of the analysis."""

    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    people: tuple[Person, ...]
    subjects: tuple[Subject, ...]
    scale: Scale
    source_by_id: dict = field(default_factory=dict, compare=False, repr=False)
    person_by_key: dict = field(default_factory=dict, compare=False, repr=False)
    subject_by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_by_id", {s.id: s for s in self.sources})
        object.__setattr__(self, "person_by_key", {p.key: p for p in self.people})
        object.__setattr__(self, "subject_by_key", {s.key: s for s in self.subjects})

    def subject(self, key: str) -> Subject:
        known = self.subject_by_key.get(key)
        return known or Subject(key=key, title=key.replace("-", " ").capitalize())

    def name_of(self, key: str) -> str:
        """Display name of a claimant key: a person or a source."""
        if person := self.person_by_key.get(key):
            return person.name
        if source := self.source_by_id.get(key):
            return source.display_name
        return key


@dataclass(frozen=True)
class QuoteUse:
    """One quote of one claim, verified against its source's archived text."""

    claim: str  # id of the claim that quotes it
    role: str  # appeared | evidence
    quote: Quote
    exact: str  # the passage(s) exactly as they stand in the archived text, joined by " … "
    anchor: str  # HTML id of the passage on the source page
    start: int  # offset of the first passage in the archived text
    end: int  # offset just past the last passage
    value: Optional[Value] = None  # declared in the YAML, else read from the quote, else None
