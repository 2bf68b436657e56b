"""`factcheck import-claimreview FILE`: bring existing fact checks in from ClaimReview data.

Reads schema.org ClaimReview JSON-LD (one ClaimReview, a list of them, an ``@graph``, or a
``DataFeed`` like our own ``api/claimreview.json``) or a response of Google's Fact Check
Tools API (``claims[]``, each with ``claimReview[]``), and writes, for each review:

- ``claims/<id>.yaml``: the claim (``claimReviewed`` or the API's ``text``), its claimant,
  its verdict on this site's scale, its dates, and the original fact check as a reference;
- ``sources/<id>.yaml`` and ``sources/<id>.txt``: one record per place the claim appeared
  (the same document once, whatever the number of claims in it), whose archived text holds
  the claim as the fact check words it, so the ``appeared`` quote verifies. A review that
  names no appearance (the API never does) gets one source: the fact check itself;
- new claimants in the people file, appended after its last line so its content and
  comments stay as they are. A file that cannot be appended to safely (a flow mapping, a
  second YAML document, an unreadable file) is not touched: the entries go to a separate
  ``<people>.imported.yaml`` and the command says so.

The verdict is the rating of the site's scale whose label or key is the review's
``alternateName`` (or the API's ``textualRating``), compared without case; else the rating
whose number is nearest to ``ratingValue`` placed at the same position between
``worstRating`` and ``bestRating`` on this scale's numeric range; else ``unverifiable`` (the
scale's rating off the numeric range), with the original rating told in the explanation.

The input is untrusted. Every string is kept as plain text (control characters dropped,
white space joined, cut to the schema's lengths); the explanation, the one Markdown field
written, escapes what it quotes; only http(s) addresses are kept; ids are slugs, unique.

The three steps are separate: ``read_reviews`` (parse), ``plan_import`` (decide every file's
content; no I/O), ``write_plan`` (refuse when any file exists, unless forced, else write).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import unquote, urlsplit

import yaml

from ..core.model import Scale
from ..core.safe_files import refuse_links_among, write_file
from ..core.settings import Settings
from ..core.unsafe_text import UNSAFE
from ..core.validate import RESERVED_IDS, slug
from ..render import markup
from .scaffold import dump_yaml, modeline, propose_id, relative_to, shorten

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 12  # how deep ClaimReviews are looked for inside @graph, DataFeed items and lists
SHORT_LIMIT = 75  # claim.schema.json: short
LIMITS = {"claim": 3000, "conclusion": 300, "title": 300, "headline": 400, "name": 200, "note": 2000}
UNKNOWN_CLAIMANT = ("unknown-claimant", "Unknown claimant (not named by the fact check)")

# schema.org types of a CreativeWork, and the source type of ours each one is.
SOURCE_TYPES = {
    "newsarticle": "news-article", "reportagenewsarticle": "news-article", "analysisnewsarticle": "analysis",
    "opinionnewsarticle": "opinion", "socialmediaposting": "social-media-post", "discussionforumposting": "social-media-post",
    "blogposting": "blog-post", "report": "report", "speech": "transcript", "videoobject": "transcript",
    "audioobject": "transcript", "podcastepisode": "transcript",
}

_CONTROL = UNSAFE  # one rule with the loader (unsafe_text.py)
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:)", re.IGNORECASE)


class ImportFailed(Exception):
    """The input cannot be imported at all; the message says why."""


# ----------------------------------------------------------------------------- what is read


@dataclass(frozen=True)
class Party:
    """Who made the claim."""

    name: str
    organisation: bool = False
    same_as: tuple[str, ...] = ()
    job_title: str = ""


@dataclass(frozen=True)
class Appearance:
    """A document the claim appeared in."""

    url: str = ""
    title: str = ""
    publisher: str = ""
    published: Optional[dt.date] = None
    type: str = "other"
    archived_at: str = ""


@dataclass(frozen=True)
class OriginalRating:
    name: str = ""  # alternateName / textualRating
    value: Optional[float] = None
    best: Optional[float] = None
    worst: Optional[float] = None
    explanation: str = ""


@dataclass(frozen=True)
class Review:
    """One fact check of one claim, as the input gives it, every string already plain text."""

    where: str  # where in the input, for messages: "item 3"
    claim: str
    claimant: Optional[Party]
    claimed: Optional[dt.date]
    appearances: tuple[Appearance, ...]
    url: str
    title: str
    reviewer: str
    published: Optional[dt.date]
    modified: Optional[dt.date]
    rating: OriginalRating
    language: str = ""
    occasion: str = ""  # itemReviewed.name when it says where the claim was made, not the claim again
    licence: str = ""  # sdLicense: the licence of the ClaimReview data
    warnings: tuple[str, ...] = ()  # fields ignored, with why


# ----------------------------------------------------------------------------- plain values


def plain(value: Any, limit: int = 2000) -> str:
    """A string as one line of plain text: control and direction characters dropped, white space joined, cut at ``limit``."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    text = " ".join(_CONTROL.sub("", str(value)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Fields:
    """Reads the text fields of one input item, noting each value that is not text (a number, a
    mapping) and was ignored, and each list of which only the first text was kept."""

    def __init__(self, where: str):
        self.where = where
        self.warnings: list[str] = []

    def text(self, value: Any, name: str, limit: int = 2000) -> str:
        if isinstance(value, list):  # schema.org allows several values of any property: the first text is kept
            texts = [item for item in value if isinstance(item, str) and plain(item, limit)]
            if not texts:
                if value:
                    self.warnings.append(f"{self.where}: {name} holds no text; ignored")
                return ""
            if len(texts) > 1:
                self.warnings.append(f"{self.where}: {name} gives {len(texts)} texts; the first was kept")
            return plain(texts[0], limit)
        if value is None or isinstance(value, str):
            return plain(value, limit)
        if isinstance(value, dict) and isinstance(value.get("@value"), str):
            return plain(value["@value"], limit)
        self.warnings.append(f"{self.where}: {name} is {_kind(value)}, not text; ignored")
        return ""

    def number(self, value: Any, name: str) -> Optional[float]:
        value = _first(value)
        if isinstance(value, _HugeNumber):
            self.warnings.append(f"{self.where}: {name} is a number of {value.digits:,} digits; ignored")
            return None
        if isinstance(value, str) and len(value.strip()) > 64:
            self.warnings.append(f"{self.where}: {name} is {len(value.strip()):,} characters long, not a number; ignored")
            return None
        return number(value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float, _HugeNumber)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _HugeNumber:
    """A JSON integer too long to be a rating (Python refuses to convert over 4,300 digits)."""

    def __init__(self, digits: int):
        self.digits = digits


def _integer(text: str) -> Any:
    return int(text) if len(text) <= 64 else _HugeNumber(len(text.lstrip("-")))


def web_url(value: Any) -> str:
    """An http(s) address, or ""."""
    text = plain(value, 10_000)
    return text if len(text) <= 2000 and markup.safe_url(text) else ""


def day(value: Any) -> Optional[dt.date]:
    """The day of an ISO date or date-time, or None."""
    match = _ISO_DAY.match(plain(value, 64))
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def number(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        result = float(plain(value, 64)) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return result if result == result and abs(result) != float("inf") else None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _all(value: Any) -> list:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _types(node: dict) -> set[str]:
    return {_SCHEMA_PREFIX.sub("", plain(t, 200)).casefold() for t in _all(node.get("@type"))}


def _name(value: Any, limit: int = LIMITS["name"]) -> str:
    """The name of a Thing given as an object (``name``) or as a string."""
    value = _first(value)
    if isinstance(value, dict):
        return plain(value.get("name") or value.get("@value"), limit)
    return plain(value, limit)


# ----------------------------------------------------------------------------- parse


def read_reviews(data: Any) -> tuple[list[Review], list[str]]:
    """Every review in parsed JSON, and a note for each item that had to be skipped."""
    if isinstance(data, dict) and isinstance(data.get("claims"), list) and "@type" not in data:
        return _api_reviews(data["claims"])
    reviews: list[Review] = []
    notes: list[str] = []
    for number_, node in enumerate(_claim_review_nodes(data, 0), start=1):
        review = _claim_review(node, f"ClaimReview {number_}")
        if isinstance(review, str):
            notes.append(review)
        else:
            reviews.append(review)
    return reviews, notes


def _claim_review_nodes(node: Any, depth: int) -> Iterator[dict]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _claim_review_nodes(item, depth + 1)
    elif isinstance(node, dict):
        if "claimreview" in _types(node):
            yield node
            return
        for key in ("@graph", "dataFeedElement", "item"):
            if key in node:
                yield from _claim_review_nodes(node[key], depth + 1)


def _claim_review(node: dict, where: str) -> Review | str:
    fields = _Fields(where)
    item = _first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    reviewed = fields.text(node.get("claimReviewed"), "claimReviewed", LIMITS["claim"])
    item_text = fields.text(item.get("text"), "itemReviewed.text", LIMITS["claim"])
    item_name = fields.text(item.get("name"), "itemReviewed.name", LIMITS["claim"])
    claim = reviewed or item_text or item_name
    if not claim:
        return f"{where}: no claimReviewed (the claim's text); skipped"
    # itemReviewed.name, beside a claim given elsewhere, says where or how the claim was made.
    occasion = plain(item_name, LIMITS["name"]) if item_name and item_name != claim else ""
    author = _first(item.get("author"))
    claimant = None
    if isinstance(author, (dict, str)) and _name(author):
        kinds = _types(author) if isinstance(author, dict) else set()
        same_as = [web_url(u) for u in _all(author.get("sameAs"))] if isinstance(author, dict) else []
        job = fields.text(author.get("jobTitle"), "itemReviewed.author.jobTitle", 300) if isinstance(author, dict) else ""
        claimant = Party(_name(author), organisation="organization" in kinds, same_as=tuple(dict.fromkeys(u for u in same_as if u))[:20], job_title=job)
    appearances = [_appearance(a) for a in _all(item.get("firstAppearance")) + _all(item.get("appearance"))]
    rating = _first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    return Review(
        where=where, claim=claim, claimant=claimant, claimed=day(_first(item.get("datePublished"))),
        appearances=tuple(a for a in appearances if a is not None),
        url=web_url(_first(node.get("url"))),
        title=fields.text(node.get("headline"), "headline", LIMITS["title"]) or fields.text(node.get("name"), "name", LIMITS["title"]),
        reviewer=_name(node.get("author")) or _name(node.get("publisher")),
        published=day(_first(node.get("datePublished"))), modified=day(_first(node.get("dateModified"))),
        rating=OriginalRating(
            name=fields.text(rating.get("alternateName"), "reviewRating.alternateName", LIMITS["name"]) or fields.text(rating.get("name"), "reviewRating.name", LIMITS["name"]),
            value=fields.number(rating.get("ratingValue"), "reviewRating.ratingValue"), best=fields.number(rating.get("bestRating"), "reviewRating.bestRating"),
            worst=fields.number(rating.get("worstRating"), "reviewRating.worstRating"),
            explanation=fields.text(rating.get("ratingExplanation"), "reviewRating.ratingExplanation", LIMITS["note"]),
        ),
        language=_language(node.get("inLanguage")), occasion=occasion,
        licence=web_url(_first(node.get("sdLicense"))) or fields.text(node.get("sdLicense"), "sdLicense", 300),
        warnings=tuple(fields.warnings),
    )


def _appearance(value: Any) -> Optional[Appearance]:
    if isinstance(value, str):
        url = web_url(value)
        return Appearance(url=url) if url else None
    if not isinstance(value, dict):
        return None
    kinds = _types(value)
    found = Appearance(
        url=web_url(value.get("url")), title=plain(value.get("headline") or value.get("name"), LIMITS["headline"]),
        publisher=_name(value.get("publisher")) or _name(value.get("author")), published=day(value.get("datePublished")),
        type=next((SOURCE_TYPES[k] for k in sorted(kinds) if k in SOURCE_TYPES), "other"),
        archived_at=web_url(value.get("archivedAt")),
    )
    return found if (found.url or found.title or found.archived_at) else None


def _language(value: Any) -> str:
    text = _name(value, 40)
    return text if _LANGUAGE.match(text) else ""


def _api_reviews(claims: list) -> tuple[list[Review], list[str]]:
    """Reviews from a Fact Check Tools API response: one per entry of each claim's ``claimReview``."""
    reviews: list[Review] = []
    notes: list[str] = []
    for index, raw in enumerate(claims, start=1):
        if not isinstance(raw, dict):
            notes.append(f"claims[{index}]: not an object; skipped")
            continue
        text = plain(raw.get("text"), LIMITS["claim"])
        if not text:
            notes.append(f"claims[{index}]: no text; skipped")
            continue
        claimant = plain(raw.get("claimant"), LIMITS["name"])
        for number_, entry in enumerate(_all(raw.get("claimReview")), start=1):
            if not isinstance(entry, dict):
                continue
            publisher = entry.get("publisher") if isinstance(entry.get("publisher"), dict) else {}
            reviews.append(Review(
                where=f"claims[{index}].claimReview[{number_}]", claim=text,
                claimant=Party(claimant) if claimant else None, claimed=day(raw.get("claimDate")), appearances=(),
                url=web_url(entry.get("url")), title=plain(entry.get("title"), LIMITS["title"]),
                reviewer=plain(publisher.get("name") or publisher.get("site"), LIMITS["name"]),
                published=day(entry.get("reviewDate")), modified=None,
                rating=OriginalRating(name=plain(entry.get("textualRating"), LIMITS["name"])),
                language=_language(entry.get("languageCode")),
            ))
        if not _all(raw.get("claimReview")):
            notes.append(f"claims[{index}]: no claimReview; skipped")
    return reviews, notes


# ----------------------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class Verdict:
    key: str
    how: str  # label | value | none


def map_verdict(rating: OriginalRating, scale: Scale, rating_map: Optional[dict[str, str]] = None) -> Optional[Verdict]:
    """The rating of ``scale`` the original rating corresponds to (see the module's docstring).

    ``rating_map``: labels (case-folded) of other scales, each with the key of this scale's
    rating it stands for (``--rating Falso=false``), looked at first.
    None only when nothing matches and the scale has no rating off its numeric range.
    """
    name = rating.name.casefold()
    if name and rating_map and name in rating_map:
        return Verdict(rating_map[name], "map")
    if name:
        for candidate in scale.ratings:
            if name in (candidate.label.casefold(), candidate.key) or slug(name) == candidate.key:
                return Verdict(candidate.key, "label")
    numeric = scale.numeric
    if numeric and None not in (rating.value, rating.best, rating.worst) and rating.best != rating.worst:
        position = (rating.value - rating.worst) / (rating.best - rating.worst)
        if 0 <= position <= 1:
            target = scale.worst + position * (scale.best - scale.worst)
            nearest = min(numeric, key=lambda r: (abs(r.value - target), r.value))
            return Verdict(nearest.key, "value")
    off_scale = [r for r in scale.ratings if r.value is None]
    fallback = scale.get("unverifiable") or (off_scale[0] if off_scale else None)
    return Verdict(fallback.key, "none") if fallback else None


# ----------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class PlannedFile:
    path: str  # relative to the repository
    text: str


@dataclass
class Plan:
    files: list[PlannedFile] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)  # new entries of the people file, by key
    claims: list[str] = field(default_factory=list)  # ids, in input order
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should know (mapped verdicts, dates filled in…)
    problems: list[str] = field(default_factory=list)  # what stops the import
    unmapped: dict[str, int] = field(default_factory=dict)  # rating labels matched to nothing, with how many reviews gave each


@dataclass
class _SourceDraft:
    id: str
    record: dict
    texts: list[str]


def id_from_url(url: str) -> str:
    """A readable id from a fact check's address (``…/claims/rubio-revoke/`` gives ``rubio-revoke``), or ""."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return ""
    candidate = slug(re.sub(r"\.(?:s?html?|php|aspx?)$", "", unquote(segments[-1]), flags=re.IGNORECASE))
    words = candidate.split("-")
    if len(words) < 2 or len(candidate) > 60 or not re.search("[a-z]", candidate) or candidate in RESERVED_IDS:
        return ""
    return candidate


class _Ids(set):
    """Ids taken so far, with the next number to try for each base: giving the 20,000th
    "claim-2" does not try the 19,999 before it again (each id costs a few set look-ups)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.next_number: dict[str, int] = {}


def _unique(base: str, taken: set[str]) -> str:
    counters = taken.next_number if isinstance(taken, _Ids) else {}
    proposal, counter = base, counters.get(base, 2)
    if counter > 2:
        proposal, counter = f"{base}-{counter}", counter + 1
    while proposal in taken or proposal in RESERVED_IDS:
        proposal, counter = f"{base}-{counter}", counter + 1
    counters[base] = counter
    taken.add(proposal)
    return proposal


def readable_id(text: str, claimant: str, when: Optional[dt.date]) -> str:
    """An id from the claim's words, transliterated to ASCII letters where they have a form
    there (accents dropped); for a claim in a script without one (Chinese, Arabic, Russian…), the
    claimant's name, the date and a short hash of the claim: ``ministry-2025-06-01-3fa2b9c1``."""
    proposal = propose_id(text, ())
    if proposal != "item" and len(slug(text).split("-")) >= 2:
        return proposal
    who = slug(claimant) if claimant else ""
    who = "-".join(who.split("-")[:4]) if who and who != "item" else "claim"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{who}-{when.isoformat()}-{digest}" if when else f"{who}-{digest}"


def plan_import(reviews: Iterable[Review], settings: Settings, people: dict[str, str], today: dt.date,
                rating_map: Optional[dict[str, str]] = None) -> Plan:
    """Every file to write for ``reviews``, given the people file's ``{key: name}``. No I/O."""
    plan = Plan()
    claim_ids: set[str] = _Ids()
    source_ids: set[str] = _Ids()
    person_keys = _Ids(people)
    person_by_name = {name.casefold(): key for key, name in people.items()}
    sources: dict[tuple, _SourceDraft] = {}

    def person(party: Party, key: str = "") -> str:
        known = person_by_name.get(party.name.casefold())
        if known:
            return known
        if not key:
            key = slug(party.name)[:60].strip("-")
            if key == "item" or not key:  # a name in a script without Latin letters: a key from its hash
                key = f"{'organisation' if party.organisation else 'person'}-{hashlib.sha256(party.name.encode('utf-8')).hexdigest()[:8]}"
        key = _unique(key, person_keys)
        while key in source_ids:  # a person's key is never a source's id
            key = _unique(key, person_keys)
        person_by_name[party.name.casefold()] = key
        entry: dict[str, Any] = {"name": party.name}
        if party.organisation:
            entry["kind"] = "organisation"
        if party.job_title:
            entry["role"] = party.job_title
        if party.same_as:
            entry["same_as"] = list(party.same_as)
        plan.people[key] = entry
        return key

    claim_modeline = modeline("claim", settings.path(settings.claims_dir), settings.root)  # once, not per claim
    source_modeline = modeline("source", settings.path(settings.sources_dir), settings.root)
    planned_texts: dict[str, str] = {}  # a claim file's text -> its id
    for review in reviews:
        plan.notes.extend(review.warnings)
        verdict = map_verdict(review.rating, settings.scale, rating_map)
        if verdict is None:
            plan.problems.append(f"{review.where}: the rating {review.rating.name or '(none)'!r} matches no rating of the scale, and the scale has no rating off its numeric range to fall back on")
            continue
        published = review.published or today
        if review.published is None:
            plan.notes.append(f"{review.where}: no publication date; {today.isoformat()} (today) was used")
        claimed = review.claimed if review.claimed and review.claimed <= published else None
        if review.claimed and claimed is None:
            plan.notes.append(f"{review.where}: the claim date {review.claimed} is after the fact check's ({published}); left out")

        # Where it appeared: the documents named, or else the fact check itself.
        real = bool(review.appearances)
        appearances = review.appearances or (Appearance(
            url=review.url, title=review.title or _fact_check_by(review.reviewer),
            publisher=review.reviewer, published=review.published,
        ),)
        appeared_ids: list[str] = []
        for appearance in appearances:
            draft = _source(appearance, review, real, claimed or published, sources, source_ids)
            if review.claim not in draft.texts:
                draft.texts.append(review.claim)
            if draft.id not in appeared_ids:
                appeared_ids.append(draft.id)

        if review.claimant:
            claimant = person(review.claimant)
        elif real:
            claimant = appeared_ids[0]  # published by the document it appeared in
        else:
            claimant = person(Party(UNKNOWN_CLAIMANT[1]), UNKNOWN_CLAIMANT[0])
        short = shorten(review.claim, SHORT_LIMIT)
        claim_id = _unique(id_from_url(review.url) or readable_id(short, review.claimant.name if review.claimant else "", claimed or review.published), claim_ids)
        plan.claims.append(claim_id)
        record: dict[str, Any] = {
            "claim": review.claim,
            "short": short,
            "claimant": claimant,
            "appeared": [{"source": source_id, "quote": review.claim, **({"occasion": review.occasion} if review.occasion else {})} for source_id in appeared_ids],
            "verdict": verdict.key,
            "conclusion": _conclusion(review),
            "explanation": _explanation(review, verdict, settings.scale),
        }
        if review.url:
            reference: dict[str, Any] = {
                "url": review.url, "title": review.title or _fact_check_by(review.reviewer), "publisher": review.reviewer or "unknown",
            }
            said = ([f"Original rating: {review.rating.name}."] if review.rating.name else []) + ([f"Licence of the ClaimReview data: {review.licence}"] if review.licence else [])
            if said:
                reference["note"] = plain(" ".join(said), LIMITS["note"])
            record["references"] = [reference]
        if claimed:
            record["claimed"] = claimed
        record["published"] = published
        if review.modified and review.modified > published:
            record["updated"] = review.modified
        text = dump_yaml(record, claim_modeline)
        if text in planned_texts:  # the same review twice: an exact copy is an error (validate.exact_copy_problems)
            plan.claims.pop()
            plan.notes.append(f"{review.where}: the same review as {planned_texts[text]}, field for field; imported once")
            continue
        planned_texts[text] = claim_id
        if verdict.how == "value":
            plan.notes.append(f"{claim_id}: rating {review.rating.name or review.rating.value!r} mapped by its value to {verdict.key!r}")
        elif verdict.how == "none":
            plan.notes.append(f"{claim_id}: rating {review.rating.name or '(none)'!r} is not on the scale; verdict {verdict.key!r}, the original kept in the explanation")
            if review.rating.name:
                plan.unmapped[review.rating.name] = plan.unmapped.get(review.rating.name, 0) + 1
        plan.files.append(PlannedFile(f"{settings.claims_dir}/{claim_id}.yaml", text))

    for draft in sources.values():
        plan.sources.append(draft.id)
        plan.files.append(PlannedFile(f"{settings.sources_dir}/{draft.id}.yaml", dump_yaml(draft.record, source_modeline)))
        plan.files.append(PlannedFile(f"{settings.sources_dir}/{draft.id}.txt", "\n\n".join(draft.texts) + "\n"))
    return plan


def _source(appearance: Appearance, review: Review, real: bool, fallback_date: dt.date, drafts: dict, taken: set[str]) -> _SourceDraft:
    """The source record of a document, shared by every claim that appeared in it."""
    identity = ("url", appearance.url) if appearance.url else ("described", appearance.title, appearance.publisher, appearance.published, appearance.archived_at)
    if identity in drafts:
        return drafts[identity]
    title = appearance.title or (urlsplit(appearance.url).netloc if appearance.url else "") or "Untitled document"
    publisher = appearance.publisher or "unknown"
    base = propose_id(f"{publisher if publisher != 'unknown' else ''} {title}", (), max_words=6)
    record: dict[str, Any] = {"title": title, "publisher": publisher, "published": appearance.published or fallback_date}
    if appearance.published is None:
        record["date_precision"] = "approximate"
        record["date_note"] = (
            "The imported ClaimReview gives no date for this document; this is the date of the claim or, "
            "failing that, of the fact check."
        )
    record["type"] = appearance.type if real else "other"
    if appearance.url:
        record["url"] = appearance.url
    if review.language:
        record["language"] = review.language
    if real:
        summary = "Imported from a ClaimReview. The archived text is the claim as the fact check words it, not the text of this document."
        if appearance.archived_at:
            summary += f" An archived copy: {appearance.archived_at}"
    else:
        summary = (
            "The fact check the claim was imported from; it does not say where the claim appeared. "
            "The archived text is the claim as the fact check words it."
        )
    record["summary"] = plain(summary, LIMITS["note"])
    draft = _SourceDraft(_unique(base, taken), record, [])
    drafts[identity] = draft
    return draft


def _fact_check_by(reviewer: str) -> str:
    return plain(f"Fact check by {reviewer}", LIMITS["title"]) if reviewer else "Fact check"


def _conclusion(review: Review) -> str:
    if review.rating.explanation:
        return plain(review.rating.explanation, LIMITS["conclusion"])
    who = review.reviewer or "The original fact check"
    if review.rating.name:
        return plain(f"{who} rated this claim \u201c{review.rating.name}\u201d.", LIMITS["conclusion"])
    return plain(f"{who} gave no rating this site could read.", LIMITS["conclusion"])


def _explanation(review: Review, verdict: Verdict, scale: Scale) -> str:
    """Markdown in our words; everything quoted from the input is escaped with ``markup.text``."""
    who = markup.text(review.reviewer) if review.reviewer else "a publisher it does not name"
    parts = [f"Imported from a fact check by {who}"]
    parts[0] += f", which rated the claim \u201c{markup.text(review.rating.name)}\u201d." if review.rating.name else "."
    if review.rating.value is not None:  # numbers, formatted here: nothing to escape
        parts.append(f"Its numeric rating: {review.rating.value:g}, where the worst is {_number_or_not_given(review.rating.worst)} and the best {_number_or_not_given(review.rating.best)}.")
    rating = scale.get(verdict.key)
    label = markup.text(rating.label if rating else verdict.key)
    if verdict.how == "value":
        parts.append(f"Placed at the same position on this site's scale, it is \u201c{label}\u201d.")
    elif verdict.how == "none":
        parts.append(f"That rating matches none of this site's scale, so the verdict here is \u201c{label}\u201d until an editor rates the claim.")
    if verdict.how == "map":
        parts.append(f"This site's import maps that rating to \u201c{label}\u201d.")
    if review.url:
        parts.append("The original fact check is listed under References.")
    else:
        if review.title:
            parts.append(f"Its headline: \u201c{markup.text(review.title)}\u201d.")
        if review.licence:
            parts.append(f"Licence of the ClaimReview data: {markup.text(review.licence)}.")
    return " ".join(parts)


def _number_or_not_given(value: Optional[float]) -> str:
    return "not given" if value is None else f"{value:g}"


# ----------------------------------------------------------------------------- people file


def merge_people(existing: Optional[str], entries: dict[str, dict], first_line: str = "") -> Optional[str]:
    """The people file with ``entries`` appended after its last line, or None when that is not safe.

    Appending keeps every byte of the file (comments included). It is safe when the file is
    empty, only comments, or one block mapping; the result is read back and must hold the old
    entries unchanged plus the new ones.
    """
    addition = "# Added by factcheck import-claimreview\n" + dump_yaml(entries)
    if existing is None or not existing.strip():
        return (f"{first_line}\n" if first_line else "") + addition if existing is None else existing + addition
    try:
        node = yaml.compose(existing, Loader=yaml.SafeLoader)
        old = yaml.safe_load(existing)
    except yaml.YAMLError:
        return None
    if node is not None and not (isinstance(node, yaml.MappingNode) and not node.flow_style):
        return None
    old = old or {}
    if not isinstance(old, dict) or set(old) & set(entries):
        return None
    merged = existing + ("" if existing.endswith("\n") else "\n") + addition
    try:
        if yaml.safe_load(merged) != {**old, **entries}:
            return None
    except yaml.YAMLError:
        return None
    return merged


def separate_people_path(people_file: str) -> str:
    stem, dot, suffix = people_file.rpartition(".")
    return f"{stem}.imported.{suffix}" if dot else f"{people_file}.imported.yaml"


# ----------------------------------------------------------------------------- write


@dataclass(frozen=True)
class Written:
    paths: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()  # files that exist (nothing was written)
    people_file: str = ""  # where the new people went ("" when none)
    people_separate: bool = False  # True when the people file could not be merged into


def without_existing(plan: Plan, settings: Settings) -> tuple[Plan, list[str]]:
    """The plan without the claims whose file exists (imported before), nor the sources only they
    quote, nor any source whose files exist; and the claim files skipped. A re-import adds what is new."""
    root = settings.root
    skipped = [f.path for f in plan.files if f.path.startswith(f"{settings.claims_dir}/") and (root / f.path).exists()]
    skipped_set = set(skipped)
    kept_claims = [f for f in plan.files if f.path.startswith(f"{settings.claims_dir}/") and f.path not in skipped_set]
    quoted = set()
    for claim_file in kept_claims:
        data = yaml.safe_load(claim_file.text) or {}
        quoted |= {item.get("source") for item in data.get("appeared") or ()}
    sources = []
    for source_id in plan.sources:
        paths = [f"{settings.sources_dir}/{source_id}.yaml", f"{settings.sources_dir}/{source_id}.txt"]
        if source_id in quoted and not any((root / p).exists() for p in paths):
            sources.append(source_id)
    source_paths = {f"{settings.sources_dir}/{i}.{ext}" for i in sources for ext in ("yaml", "txt")}
    files = kept_claims + [f for f in plan.files if f.path in source_paths]
    claims = [i for i in plan.claims if f"{settings.claims_dir}/{i}.yaml" not in skipped_set]
    return Plan(files=files, people=plan.people if claims else {}, claims=claims, sources=sources,
                notes=plan.notes, problems=plan.problems, unmapped=plan.unmapped), skipped


def write_plan(plan: Plan, settings: Settings, force: bool) -> Written:
    """Write the plan; when a file exists and ``force`` is not given, write nothing at all."""
    root = settings.root
    people_path = settings.path(settings.people_file)
    people_text: Optional[str] = None
    separate = False
    files = list(plan.files)
    if plan.people:
        existing = people_path.read_text("utf-8") if people_path.is_file() else None
        people_text = merge_people(existing, plan.people, modeline("people", people_path.parent, root))
        if people_text is None:
            separate = True
            files.append(PlannedFile(separate_people_path(settings.people_file), dump_yaml(plan.people, "# New people from factcheck import-claimreview: merge them into " + settings.people_file)))
    refuse_links_among([root / f.path for f in files] + ([people_path] if people_text is not None else []), root)  # before any is written
    refused = tuple(f.path for f in files if (root / f.path).exists() or (root / f.path).is_symlink())
    if refused and not force:
        return Written(refused=refused)
    for planned in files:
        target = root / planned.path
        write_file(target, planned.text, replace=force, root=root)  # never through a link (issue 24)
    written = [f.path for f in files]
    if people_text is not None:
        write_file(people_path, people_text, replace=True, root=root)
        written.append(settings.people_file)
    people_file = (separate_people_path(settings.people_file) if separate else settings.people_file) if plan.people else ""
    return Written(paths=tuple(written), people_file=people_file, people_separate=separate)


# ----------------------------------------------------------------------------- the command


def read_input(path: Path) -> Any:
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ImportFailed(f"{path}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB; split it")
    try:
        return json.loads(path.read_text("utf-8-sig"), parse_int=_integer)
    except UnicodeDecodeError:
        raise ImportFailed(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ImportFailed(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
    except RecursionError:
        raise ImportFailed(f"{path}: nested too deeply to read") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="ClaimReview JSON-LD (one, a list, an @graph or a DataFeed) or a Fact Check Tools API response")
    parser.add_argument("--out-dir", default=None, help="the site's folder: its mkdocs.yml gives the folders and the rating scale (default: the folder of -f/--config, the current folder)")
    parser.add_argument("--force", action="store_true", help="overwrite claim and source files that exist")
    parser.add_argument("--skip-existing", action="store_true", help="leave out the claims whose file exists (imported before) and import the rest")
    parser.add_argument("--rating", action="append", default=[], metavar="LABEL=KEY",
                        help="map a rating label of the fact checks to a rating of this site's scale, e.g. --rating Falso=false (repeat it; adds to import_ratings in mkdocs.yml)")
    parser.set_defaults(run=run)


def rating_map(pairs: Iterable[str], configured: Any, scale: Scale) -> tuple[dict[str, str], list[str]]:
    """``{label (case-folded): key}`` from mkdocs.yml's ``import_ratings`` and the ``--rating``
    options (which win); and what is wrong with them (a key not on the scale, a pair without '=')."""
    found: dict[str, str] = {}
    problems: list[str] = []
    given = list((configured or {}).items()) if isinstance(configured, dict) else []
    if configured is not None and not isinstance(configured, dict):
        problems.append("import_ratings in mkdocs.yml must map labels to rating keys, e.g. {Falso: false}")
    for pair in pairs:
        label, equals, key = pair.rpartition("=")
        if not equals or not label.strip() or not key.strip():
            problems.append(f"--rating {pair!r}: expected LABEL=KEY, e.g. --rating Falso=false")
            continue
        given.append((label, key))
    for label, key in given:
        key = str(key).strip().lower() if isinstance(key, bool) else str(key).strip()
        if key not in scale.keys:
            problems.append(f"the rating map gives {label!r} the key {key!r}, which is not on the scale ({', '.join(scale.keys)})")
            continue
        found[" ".join(str(label).split()).casefold()] = key
    return found, problems


def _configured_ratings(config: Path) -> Any:
    from .cli import factcheck_options

    return factcheck_options(config).get("import_ratings")


def run(args: argparse.Namespace) -> int:
    from .cli import settings_from_mkdocs_yml
    from ..core.pipeline import check
    from ..core.problems import errors
    from .scaffold import known_people

    config = Path(args.out_dir) / "mkdocs.yml" if args.out_dir else Path(args.config)
    settings = settings_from_mkdocs_yml(config)
    try:
        reviews, notes = read_reviews(read_input(Path(args.file)))
    except ImportFailed as error:
        print(error, file=sys.stderr)
        return 1
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if not reviews:
        print(f"{args.file}: no ClaimReview and no Fact Check Tools claim found; nothing was written", file=sys.stderr)
        return 1
    mapping, wrong = rating_map(args.rating, _configured_ratings(config), settings.scale)
    if wrong:
        for problem in wrong:
            print(f"error: {problem}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    plan = plan_import(reviews, settings, known_people(settings), dt.date.today(), mapping)
    if args.skip_existing:
        plan, skipped = without_existing(plan, settings)
        if skipped:
            print(f"note: {len(skipped)} claim(s) imported before were left as they are (--skip-existing)", file=sys.stderr)
    for problem in plan.problems:
        print(f"error: {problem}", file=sys.stderr)
    if plan.problems:
        print("Nothing was written.", file=sys.stderr)
        return 1
    written = write_plan(plan, settings, args.force)
    if written.refused:
        for path in written.refused:
            print(f"{path}: exists; not overwritten", file=sys.stderr)
        print("Nothing was written. Use --force to overwrite these files, or --out-dir to import elsewhere.", file=sys.stderr)
        return 1
    for note in plan.notes:
        print(f"note: {note}", file=sys.stderr)
    if plan.unmapped:
        labels = ", ".join(f"{label!r} ({count})" for label, count in sorted(plan.unmapped.items(), key=lambda item: (-item[1], item[0])))
        print(f"Ratings matched to no rating of the scale: {labels}. Map them with --rating LABEL=KEY "
              f"(or import_ratings in mkdocs.yml) and import again with --force.", file=sys.stderr)
    for path in written.paths:
        print(path)
    print(f"Imported {len(plan.claims)} claim(s) with {len(plan.sources)} source(s); {len(plan.people)} new people/organisations", file=sys.stderr)
    if written.people_separate:
        print(f"{settings.people_file} could not be added to safely, so it was left as it was: "
              f"the new entries are in {written.people_file}; move them into {settings.people_file}, then run: factcheck validate", file=sys.stderr)
        return 0
    checked = check(settings)
    mine = {relative_to(settings.root / p, settings.root) for p in written.paths}
    found = [p for p in checked.problems if p.path in mine]
    for problem in found:
        print(problem, file=sys.stderr)
    if errors(found):
        return 1
    print("The imported files pass validation" + (f", with {len(found)} warning(s)" if found else "") + ".", file=sys.stderr)
    return 0
