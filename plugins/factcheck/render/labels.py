"""Every word the generator writes on a page, in one table per language.

A site picks its language with the plugin's ``language`` option; a missing translation
falls back to English, so a partial table still builds.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from .markup import human_date

ENGLISH: dict[str, str] = {
    "accessed": "accessed",
    "about": "About",
    "all_claims": "All claims",
    "approximate": "approximate",
    "archived_from": "Archived from",
    "meter_position": "{rating}: {place} of {count} on the rating scale, from {worst} to {best}.",
    "meter_off_scale": "{rating} is not a place on the rating scale.",
    "around": "around",
    "authors": "Authors",
    "checked_by": "Checked by",
    "claim": "Claim",
    "claimant": "Claimant",
    "claimed_by": "Claimed by",
    "claimed_on": "claimed on",
    "claims": "Claims",
    "claims_about": "Claims about them",
    "claims_by": "Claims they made",
    "claims_quoting": "Claims that quote this source",
    "context": "In context",
    "corrections": "Corrections and updates",
    "corrections_intro": "Every correction and update to a fact check, newest first.",
    "count": "Count",
    "date": "Date",
    "date_note": "How the date was worked out",
    "definition": "Definition",
    "disagreements": "Where the sources disagree",
    "disagreements_intro": "Where two or more sources say different things about the same subject. Every value is shown with its source and quote; the site never silently picks a winner.",
    "disagreements_of_source": "Where this source disagrees with others",
    # the disagreements page and the home page's top disagreements (render/disagreements_page.py)
    "at_a_glance": "At a glance",
    "at_a_glance_intro": "Most severe first, then those touching the most claims. Each subject links to its sides, side by side.",
    "checked_no_conflict": "Checked, no conflict",
    "checked_no_conflict_intro": "Subjects where the documents seemed to differ, checked by an editor and found to agree (or one only quotes the other). They are not disagreements.",
    "cites_as_evidence": "Cited as evidence by",
    "evidence_supports": "Evidence supports",
    "internal_of": "Internal inconsistency of {source}",
    "kind": "Kind",
    "nothing_settles": "Nothing settles it",
    "on_record": "On record",
    "on_record_cited_by": "cited by",
    "refuted_by_record": "Refuted by the record",
    "severity_why": "Why this severity",
    "sides_claims": "Its claims",
    "sides_no_claims": "No claim made by this passage is rated here.",
    "supported_side": "The evidence supports this side",
    "versus": "vs",
    "documents_only": "This check rests only on the documents at hand; no outside reference was used.",
    "editor_note": "Editor's note",
    "evidence": "Evidence",
    "explanation": "How we checked",
    "feed_title": "fact checks and corrections",
    "full_text": "Full text",
    "kind": "Kind",
    "kind_attribution": "attribution: who said what",
    "kind_contradiction": "contradiction",
    "kind_correction": "correction",
    "kind_different-figures": "different figures",
    "kind_fact": "statement of fact",
    "kind_reference-period": "different reference periods",
    "kind_scope": "different scope",
    "kind_tension": "tension",
    "kind_update": "update",
    "kind_words": "different words for the same speaker",
    "matrix": "Sources and subjects",
    "matrix_intro": "Which source speaks of which disputed subject.",
    "no_claims": "No claims yet.",
    "no_disagreements": "No disagreements found.",
    "no_updates": "No corrections or updates so far.",
    "none": "none",
    "not_published": "The full text is not published here; the quoted passages are shown with their context.",
    "people": "People and organisations",
    "period": "Period",
    "published": "Published",
    "published_on": "Published",
    "publisher": "Publisher",
    "quoted_by": "Quoted by",
    "quoted_passages": "Quoted passages",
    "rated_on": "Rated on the evidence available on",
    "rating_scale": "Rating scale",
    "rating_scale_intro": "Every claim gets one of these ratings.",
    "record_field": "Record",
    "record_value": "Details",
    "references": "External references",
    "reliability": "Reliability notes",
    "reliability_rating": "Reliability",
    "reliability_low_evidence": "This document is of low reliability: it does not count as corroboration by itself.",
    "role": "Role",
    "scope": "Scope",
    "scorecard": "Scorecard",
    "see_original": "See it in the original",
    "see_side_by_side": "See both sides",
    "more_sides": "and {count} more on the disagreements page",
    "severity": "Severity",
    "side": "Side",
    "since": "since",
    "source": "Source",
    "source_colon": "Source:",
    "sources": "Sources",
    "sources_differ": "Where the sources differ",
    "subject": "Subject",
    "summary": "Summary",
    "topics": "Topics",
    "type": "Type",
    "updated_on": "updated",
    "updates": "Updates and corrections",
    "url": "Original address",
    "value": "Value",
    "verdict": "Verdict",
    "verdict_history": "Verdict history",
    "verdict_was": "The verdict was",
    "verdicts": "Verdicts",
    "what_is_right": "What is right",
    "what_is_wrong": "What is wrong",
    "where_it_appeared": "Where it appeared",
    # readers: charts, the claims filter (render/charts.py, render/claims_filter.py)
    "filter_any": "All",
    "filter_intro": "Filter the claims",
    "filter_reset": "Show all claims",
    "filter_status": "Showing {shown} of {total} claims.",
    "person": "Person",
    "site_verdicts": "Verdicts across the site",
    "sort": "Date",
    "sort_newest": "Newest first",
    "sort_oldest": "Oldest first",
    "stated_by": "Stated by",
    "timeline": "Timeline of dated events",
    "timeline_intro": "The dates the quoted passages give, on one time axis: one row per event, a dot for a day, a bar for a longer span. The numbered list gives each event with the sources that state it.",
    "topic": "Topic",
    "verdict_chart": "Verdicts of the claims on this page",
}

LABELS: dict[str, dict[str, str]] = {"en": ENGLISH}

_language = "en"


def use_language(language: str) -> None:
    """Choose the language of the generated text for the run."""
    global _language
    _language = language if language in LABELS else "en"


def label(key: str) -> str:
    return LABELS.get(_language, ENGLISH).get(key) or ENGLISH[key]


def written_date(day: Optional[date], approximate: bool = False) -> str:
    """A date as people write it, its precision in words: "7 June 2025", "around 7 June 2025"."""
    if day is None:
        return ""
    return f"{label('around')} {human_date(day)}" if approximate else human_date(day)
