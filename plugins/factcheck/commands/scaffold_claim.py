"""`factcheck new`: write a claim file that passes validation, from options or by asking.

Every value is checked as it is given (the quote against the source's archived text, the
claimant and verdict against what the site knows), so the file written is valid the first time.
Options cover everything; in a terminal, whatever is missing is asked for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core import quotes as matching
from ..core.problems import did_you_mean
from .scaffold import (
    write_and_report,
    Check,
    KnownSource,
    ScaffoldError,
    check_id,
    check_text,
    dump_yaml,
    existing_ids,
    known_people,
    known_sources,
    missing_options,
    modeline,
    propose_id,
    shorten,
    value_of,
    write_new,
)
from ..core.settings import Settings
from .terminal import Asker, is_interactive

MAX_SHORT = 75
MAX_CONCLUSION = 300


@dataclass(frozen=True)
class ClaimDraft:
    """The values of a new claim, each already checked."""

    id: str
    claim: str
    short: str
    claimant: str
    source: str
    quote: str
    verdict: str
    conclusion: str
    explanation: str
    published: dt.date
    topics: tuple[str, ...] = field(default=())
    kind: str = "fact"  # fact | attribution (whether they said it)

    def record(self) -> dict:
        """The claim as YAML fields, in the order the format reference lists them."""
        data: dict = {
            "claim": self.claim,
            "short": self.short,
            "claimant": self.claimant,
            **({"kind": self.kind} if self.kind != "fact" else {}),
            "appeared": [{"source": self.source, "quote": self.quote}],
            "verdict": self.verdict,
            "conclusion": self.conclusion,
            "explanation": self.explanation,
        }
        if self.topics:
            data["topics"] = list(self.topics)
        data["published"] = self.published
        return data


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--claim", help="the claim as made, in the speaker's or document's words")
    parser.add_argument("--short", help=f"a headline of at most {MAX_SHORT} characters (default: the claim, shortened)")
    parser.add_argument("--claimant", help="who made the claim: a key of people.yaml or a source id (default: the source)")
    parser.add_argument("--kind", choices=("fact", "attribution"), default="fact", help="fact (default): is it true? attribution: did they say it?")
    parser.add_argument("--source", help="id of the source where the claim appeared (see sources/)")
    parser.add_argument("--quote", help="the words of the claim, exactly as in the source's archived text")
    parser.add_argument("--verdict", help="a rating of the site's scale, e.g. true, mostly-false")
    parser.add_argument("--conclusion", help=f"the verdict in one sentence (at most {MAX_CONCLUSION} characters)")
    parser.add_argument("--explanation", help="how it was checked (Markdown)")
    parser.add_argument("--topic", action="append", dest="topics", default=None, help="a topic; repeat for several")
    parser.add_argument("--published", help="date of publication of the check, YYYY-MM-DD (default: today)")
    parser.add_argument("--id", help="the claim's id and file name (default: proposed from the claim's words)")
    parser.add_argument("--force", action="store_true", help="overwrite claims/<id>.yaml if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .cli import settings_from_mkdocs_yml

    settings = settings_from_mkdocs_yml(Path(args.config))
    asker = Asker() if is_interactive(sys.stdin) else None
    out = asker or Asker(answers=sys.stdin, out=sys.stderr)
    return write_and_report(lambda: write_claim(gather(args, settings, asker), settings, force=args.force), settings, out)


def write_claim(draft: ClaimDraft, settings: Settings, force: bool = False) -> Path:
    folder = settings.path(settings.claims_dir)
    path = folder / f"{draft.id}.yaml"
    write_new(path, dump_yaml(draft.record(), modeline("claim", folder, settings.root)), force, settings.root)
    return path


# ----------------------------------------------------------------------------- gathering the values


def gather(args: argparse.Namespace, settings: Settings, asker: Optional[Asker]) -> ClaimDraft:
    """Every value from the options, asking for the missing or wrong ones when ``asker`` is given."""
    if asker is None:
        missing_options(args, ("claim", "source", "quote", "verdict", "conclusion", "explanation"))
    else:
        asker.say(f"A new claim for {settings.claims_dir}/. Press Enter to take the value in [brackets].", "bold")

    sources = known_sources(settings)
    people = known_people(settings)
    taken = existing_ids(settings.path(settings.claims_dir))

    claim = value_of(args.claim, None, check_text("the claim", 3000), asker, lambda a, check: a.ask("What was claimed", check=check))
    if asker is not None and args.source is None:
        if not any(known.source for known in sources.values()):
            raise ScaffoldError(f"no source in {settings.sources_dir}/ can be quoted; add one first with: factcheck new-source")
        asker.say("Known sources:")
        for known in sources.values():
            asker.say(f"  {known.describe()}", *(("dim",) if known.source is None else ()))
    source_id = value_of(args.source, None, _check_source(sources, settings), asker,
                       lambda a, check: a.ask("Source id (where the claim appeared)", check=check))
    quote = value_of(args.quote, None, _check_quote(sources[source_id]), asker,
                   lambda a, check: a.ask("The words of the claim, copied from the source's text", check=check))
    if asker is not None and args.claimant is None and people:
        asker.say("People: " + ", ".join(sorted(people)), "dim")
    claimant = value_of(args.claimant, source_id, _check_claimant(people, sources), asker,
                      lambda a, check: a.ask("Who made the claim (a person's key, or the source id)", default=source_id, check=check))
    short_default = shorten(claim, MAX_SHORT)
    short = value_of(args.short, short_default, check_text("the headline", MAX_SHORT), asker,
                   lambda a, check: a.ask("A headline", default=short_default, check=check))
    verdict = value_of(args.verdict, None, _check_verdict(settings), asker, lambda a, check: a.choose("Verdict", settings.scale.keys))
    conclusion = value_of(args.conclusion, None, check_text("the conclusion", MAX_CONCLUSION), asker,
                        lambda a, check: a.ask("The verdict in one sentence", check=check))
    explanation = value_of(args.explanation, None, check_text("the explanation", 20000), asker,
                         lambda a, check: a.ask_block("How you checked it (Markdown)"))
    if args.topics is not None:
        topics = tuple(args.topics)
    else:
        topics = tuple(asker.ask_many("Topics, separated by commas (optional)")) if asker else ()
    bad_topic = next((t for t in topics if not t.strip() or len(t) > 60), None)
    if bad_topic is not None:
        raise ScaffoldError(f"the topic {bad_topic!r} must be 1 to 60 characters")
    published = _date(args.published) if args.published else dt.date.today()
    source = sources[source_id].source
    if source is not None and source.published and source.date_precision != "approximate" and published < source.published:
        raise ScaffoldError(f"--published {published} is before {source_id} (where the claim appeared) was published on {source.published}; check the year of both dates")
    proposal = propose_id(claim, taken)
    claim_id = value_of(args.id, proposal, check_id(taken, settings.claims_dir, args.force), asker,
                      lambda a, check: a.ask("Id (the file name)", default=proposal, check=check))
    return ClaimDraft(
        id=claim_id, claim=claim, short=short, claimant=claimant, source=source_id, quote=quote, verdict=verdict,
        conclusion=conclusion, explanation=explanation, published=published, topics=topics, kind=args.kind,
    )


def _date(text: str) -> dt.date:
    try:
        when = dt.date.fromisoformat(text)
    except ValueError:
        raise ScaffoldError(f"expected a date written YYYY-MM-DD; found {text!r}") from None
    if when > dt.date.today():
        raise ScaffoldError(f"the date {when} is in the future (today is {dt.date.today()}); check the year")
    return when


# ----------------------------------------------------------------------------- checks


def _check_source(sources: dict[str, KnownSource], settings: Settings) -> Check:
    def check(value: str) -> Optional[str]:
        known = sources.get(value)
        if known is None:
            hint = did_you_mean(value, sources) or f"add it first with: factcheck new-source (sources live in {settings.sources_dir}/)"
            return f"no source has the id {value!r}; {hint}"
        if known.source is None:
            return f"the source {value!r} cannot be quoted yet: {known.trouble}"
        return None

    return check


def _check_quote(known: KnownSource) -> Check:
    def check(value: str) -> Optional[str]:
        return quote_problem(value, known)

    return check


def quote_problem(quote: str, known: KnownSource) -> Optional[str]:
    """None when the quote is in the source's archived text; otherwise where the closest passage is and how it differs."""
    source = known.source
    assert source is not None
    text = matching.NormalisedText.of(source.text)
    result = matching.find(quote, text)
    if isinstance(result, matching.Match):
        return None
    line, column = matching.locate(result.closest, text, source.text)
    return (
        f"the quote is not in the archived text of {source.id}: {result.diff}\n"
        f"  {source.archived_text}:{line}:{column}: closest passage: \u201c{result.closest}\u201d\n"
        "  copy the words exactly from the archived text; only spacing, quotation marks and dashes may differ"
    )


def _check_claimant(people: dict[str, str], sources: dict[str, KnownSource]) -> Check:
    def check(value: str) -> Optional[str]:
        if value in people or value in sources:
            return None
        hint = did_you_mean(value, list(people) + list(sources)) or "add the person to people.yaml first"
        return f"{value!r} is neither a person in people.yaml nor a source id; {hint}"

    return check


def _check_verdict(settings: Settings) -> Check:
    def check(value: str) -> Optional[str]:
        if value in settings.scale.keys:
            return None
        hint = did_you_mean(value, settings.scale.keys)
        return f"expected a rating of the scale ({', '.join(settings.scale.keys)}); found {value!r}" + (f"; {hint}" if hint else "")

    return check
