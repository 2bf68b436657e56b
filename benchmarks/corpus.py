"""A synthetic fact-check repository of N claims, for the benchmark.

Deterministic: the same N and seed write the same files byte for byte. The repository has
about N/5 sources (each a YAML record and an archived text), people, topics and subjects on
which the sources disagree (figures for different periods, or figures that cannot both
hold). Every quote is cut verbatim from its source's archived text, so the corpus passes
``factcheck validate``; the explanations run to 300-400 words so that the pages weigh what
real ones do.

    python benchmarks/corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# ----------------------------------------------------------------------------- vocabulary

FIRST_NAMES = (
    "Ada Amara Anton Beatriz Boris Carmen Chen Dalia Dmitri Elena Emeka Farah Felix Gita Hana Hugo Ines Ivan "
    "Jonas Kaito Karin Leila Liam Lucia Malik Maya Nadia Nils Omar Olga Pablo Priya Quentin Rosa Rui Sami "
    "Sofia Tariq Tomas Uma Vera Viktor Wen Xavier Yara Yusuf Zofia Zoran"
).split()
LAST_NAMES = (
    "Abbott Adeyemi Almeida Bauer Bianchi Castillo Chowdhury Costa Dubois Eriksen Fischer Fontaine Garcia "
    "Haddad Hansen Ibrahim Ivanova Jensen Kowalski Kumar Laurent Lindqvist Mbeki Moreau Nakamura Novak "
    "Okafor Olsen Petrov Quinn Rahman Rossi Santos Schmidt Silva Tanaka Torres Umarov Varga Weber Wong "
    "Yilmaz Zhang Zielinski"
).split()
ROLES = (
    "Minister of Trade", "Minister of Agriculture", "Treasury Secretary", "Senator", "Governor",
    "Mayor", "Central bank governor", "Opposition leader", "Union spokesperson", "Industry lobbyist",
    "Member of Parliament", "Health Secretary", "Party chair", "Campaign manager", "Ambassador",
)
PUBLISHERS = (
    "Daily Ledger", "Morning Courier", "Harbour Times", "Valley Gazette", "Northern Wire", "Capital Report",
    "Evening Standard Post", "Civic Monitor", "Plains Herald", "Metro Dispatch", "Coastal Review",
    "Public Affairs Weekly", "Market Bulletin", "Policy Desk", "Frontier News", "River City Journal",
)
SOURCE_TYPES = ("news-article", "news-article", "news-article", "analysis", "statement", "transcript", "report", "newsletter")
TOPICS = (
    "Trade", "Tariffs", "Agriculture", "Energy", "Housing", "Health care", "Education", "Student visas",
    "Immigration", "Jobs", "Inflation", "Taxes", "Public spending", "Transport", "Climate", "Water",
    "Crime", "Elections", "Defence", "Technology", "Manufacturing", "Fisheries", "Pensions", "Tourism",
    "Broadband", "Wages", "Childcare", "Rail", "Ports", "Mining",
)
THINGS = (
    "soybean exports", "wheat imports", "steel output", "rail freight", "hospital beds", "teacher vacancies",
    "student visas", "housing starts", "wind capacity", "fishing licences", "broadband connections",
    "bus routes", "water permits", "factory orders", "apprenticeships", "pension claims", "tourist arrivals",
    "port calls", "mining permits", "childcare places", "electric car sales", "grain stocks", "tariff refunds",
    "border crossings", "court cases", "nurse trainees", "solar installations", "coal shipments",
)
PLACES = (
    "the northern region", "the capital", "the coastal provinces", "the river valley", "the eastern districts",
    "the western plains", "the island territories", "the southern counties", "the border towns",
    "the industrial belt", "the mountain cantons", "the lake district", "the delta", "the central highlands",
)
UNITS = {
    "soybean exports": "tonnes", "wheat imports": "tonnes", "steel output": "tonnes", "rail freight": "tonnes",
    "grain stocks": "tonnes", "coal shipments": "tonnes",
}
VERBS = (
    "expand", "cut", "review", "freeze", "double", "phase out", "fund", "audit", "restore", "delay",
    "simplify", "tax", "subsidise", "regulate", "privatise", "reopen",
)
OBJECTS = (
    "the export credit scheme", "the rural broadband programme", "the school meals budget", "the tariff exemptions",
    "the port modernisation plan", "the housing guarantee", "the nurse training grants", "the fuel duty rebate",
    "the farm support payments", "the visa processing centres", "the regional rail franchise",
    "the small business loans", "the water infrastructure fund", "the apprenticeship levy",
    "the coastal protection works", "the research council grants",
)
TRENDS = ("rose", "fell", "doubled", "grew", "shrank", "climbed", "dropped", "recovered", "stalled", "collapsed")
SINCE = ("since", "compared with", "relative to", "from its level in", "over the decade to")
BECAUSE = ("because of", "despite", "thanks to", "after cuts to", "while ministers defended", "as voters rejected", "under")
ADVERBS = ("sharply", "quietly", "openly", "repeatedly", "firmly", "cautiously", "briefly", "publicly")
FILLER = (
    "Officials declined to give a timetable for the next round of talks.",
    "The figures were published in the annual statistical bulletin.",
    "Analysts said the change would take several months to show up in the data.",
    "The committee is expected to report before the end of the session.",
    "Critics argued that the plan had not been costed in detail.",
    "The ministry said it would publish a fuller breakdown later in the year.",
    "Local councils have asked for more time to respond to the consultation.",
    "Business groups welcomed the announcement but asked for clearer guidance.",
    "The opposition called for an independent review of the numbers.",
    "Several economists cautioned against reading too much into a single quarter.",
    "The agreement still has to be ratified by both chambers.",
    "Independent monitors have not yet confirmed the totals.",
)
EXPLANATION_SENTENCES = (
    "We compared the statement with the archived text of each source and with the official tables.",
    "The wording matters here, because the figure refers to a specific reference period.",
    "Earlier reports used a different definition, which explains part of the gap between the numbers.",
    "The ministry's own bulletin gives the same order of magnitude, although it rounds differently.",
    "None of the sources we consulted contradicts the core of the claim.",
    "The claim leaves out a condition that the original speaker attached to the promise.",
    "Two of the sources disagree about the period the figure covers, and we show both side by side.",
    "We asked the claimant's office for the basis of the statement and did not receive a reply before publication.",
    "The statistical office revised the series after the claim was made; we rate the claim on the data available then.",
    "A figure for a whole year cannot be compared directly with a figure for a single quarter.",
    "Press coverage repeated the number without attributing it, which made its origin harder to trace.",
    "The underlying data are published monthly and are subject to revision.",
    "Where sources differ only in rounding, we treat them as agreeing.",
    "The speaker later repeated the claim in a longer interview, with the same figure.",
    "Context matters: the programme was announced two years earlier and has been expanded twice since.",
    "Our rating reflects what the documents show, not what may happen if the plan goes ahead.",
    "The comparison with the previous government depends on which base year is chosen.",
    "Readers can follow every quotation back to the passage in the archived source.",
)
VERDICTS = ("true", "mostly-true", "half-true", "mostly-false", "false", "unverifiable")  # the default scale
PERIODS = (
    ("in the 2023-24 season", "2023-24 season"),
    ("in the 2024-25 season", "2024-25 season"),
    ("in the first quarter of 2024", "first quarter of 2024"),
    ("in the second quarter of 2024", "second quarter of 2024"),
    ("in 2023", "2023"),
    ("in 2024", "2024"),
    ("as of June 2024", "as of June 2024"),
    ("over the last twelve months", "the last twelve months"),
)
QUALIFIERS = ("more than", "about", "nearly", "over", "at least", "")


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# ----------------------------------------------------------------------------- the corpus in memory


@dataclass
class FigureSentence:
    """A sentence of a source that states a figure about a subject for a period."""

    subject: str
    sentence: str
    period: str


@dataclass
class SourceDoc:
    id: str
    title: str
    publisher: str
    published: dt.date
    type: str
    authors: list[str]
    copies: str = ""
    sentences: list[str] = field(default_factory=list)  # quotable, verbatim in the text
    figures: list[FigureSentence] = field(default_factory=list)

    def text(self) -> str:
        return "\n\n".join(" ".join(self.paragraph(i)) for i in range(0, len(self.sentences), 4)) + "\n"

    def paragraph(self, start: int) -> list[str]:
        return self.sentences[start:start + 4]


@dataclass
class Corpus:
    claims: int
    sources: list[SourceDoc]
    people: dict[str, dict]
    subjects: dict[str, dict]


class Generator:
    """Makes every part of the corpus from one seeded random generator."""

    def __init__(self, claims: int, seed: int = 8):
        self.n = claims
        self.random = random.Random(f"factcheck-benchmark-{seed}-{claims}")
        self.base_date = dt.date(2024, 1, 1)

    def pick(self, items):
        return self.random.choice(items)

    # people ---------------------------------------------------------------
    def people(self) -> dict[str, dict]:
        count = max(6, self.n // 40)
        people: dict[str, dict] = {}
        while len(people) < count:
            name = f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"
            key = slug(name)
            if key in people:
                key = f"{key}-{len(people)}"
            people[key] = {"name": name, "role": self.pick(ROLES)}
        return people

    # subjects -------------------------------------------------------------
    def subjects(self) -> dict[str, dict]:
        count = max(2, self.n // 25)
        subjects: dict[str, dict] = {}
        for index in range(count):
            thing, place = self.pick(THINGS), self.pick(PLACES)
            key = f"{slug(thing)}-{slug(place.removeprefix('the '))}-{index + 1}"
            record: dict = {"title": f"{thing.capitalize()} in {place} (series {index + 1})"}
            if index % 7 == 0:
                record["note"] = "The sources count this on different bases; both figures are shown with their periods."
            if index % 23 == 0:
                record["tension"] = "The sources characterise the trend differently, even where the figures agree."
            record["_thing"] = thing
            record["_place"] = place
            record["_base"] = self.random.randrange(2_000, 900_000)
            subjects[key] = record
        return subjects

    # sources --------------------------------------------------------------
    def sources(self, people: dict[str, dict], subjects: dict[str, dict]) -> list[SourceDoc]:
        count = max(2, self.n // 5)
        names = [p["name"] for p in people.values()]
        sources = []
        for index in range(count):
            publisher = self.pick(PUBLISHERS)
            published = self.base_date + dt.timedelta(days=self.random.randrange(0, 540))
            thing = self.pick(THINGS)
            doc = SourceDoc(
                id=f"{slug(publisher)}-{published.isoformat()}-{index + 1}",
                title=f"{thing.capitalize()} under scrutiny as {self.pick(OBJECTS)[4:]} is debated ({index + 1})",
                publisher=publisher, published=published, type=self.pick(SOURCE_TYPES),
                authors=[f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"],
            )
            # Every tenth source copies the one before it (a syndicated story).
            if index % 10 == 9:
                doc.copies = sources[-1].id
            for n in range(16):
                doc.sentences.append(self.statement(names, index, n))
                if n % 3 == 2:
                    doc.sentences.append(self.pick(FILLER))
            sources.append(doc)
        # Each subject is spoken of by three or four sources, with figures that differ
        # by period (both can hold) or for the same period (they cannot both hold).
        keys = list(subjects)
        for number, key in enumerate(keys):
            record = subjects[key]
            speakers = self.random.sample(range(len(sources)), k=min(len(sources), 3 + number % 2))
            for side, source_index in enumerate(speakers):
                period_phrase, period = PERIODS[(number + side) % len(PERIODS)] if side != 1 else PERIODS[number % len(PERIODS)]
                value = int(record["_base"] * (1 + 0.17 * side * (-1) ** side))
                sentence = self.figure_sentence(record, value, period_phrase, source_index)
                figure = FigureSentence(key, sentence, period)
                doc = sources[source_index]
                doc.figures.append(figure)
                doc.sentences.insert(self.random.randrange(len(doc.sentences) + 1), sentence)
        return sources

    def statement(self, names: list[str], source: int, n: int) -> str:
        who = self.pick(names)
        return (
            f"{who} said on {self.pick(('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'))} that the government would "
            f"{self.pick(VERBS)} {self.pick(OBJECTS)} in {self.pick(PLACES)} {self.pick(ADVERBS)} "
            f"before the {self.pick(('spring', 'summer', 'autumn', 'winter'))} recess (item {source + 1}.{n + 1})."
        )

    def figure_sentence(self, record: dict, value: int, period_phrase: str, source_index: int) -> str:
        qualifier = self.pick(QUALIFIERS)
        unit = UNITS.get(record["_thing"], "")
        amount = f"{qualifier + ' ' if qualifier else ''}{value:,}{' ' + unit if unit else ''}"
        series = record["title"].rsplit(" ", 1)[-1].rstrip(")")
        # The figure comes first: it is the value the quote is read for.
        return (
            f"{amount[0].upper() + amount[1:]} was the count of {record['_thing']} in {record['_place']} "
            f"{period_phrase}, according to series {series} of the survey cited by report {source_index + 1}."
        )

    # claims ---------------------------------------------------------------
    def claims(self, sources: list[SourceDoc], people: dict[str, dict]) -> list[dict]:
        keys = list(people)
        claims = []
        figures = sorted(((s, f) for s in sources for f in s.figures), key=lambda pair: (pair[1].subject, pair[0].id))
        for index in range(self.n):
            source = sources[index % len(sources)]
            claimant = self.pick(keys)
            # Claims of one source quote different sentences of it: distinct claims, as a desk has.
            appeared_sentence = source.sentences[(index // len(sources) * 3 + 1) % len(source.sentences)]
            quote = self.cut(appeared_sentence)
            published = source.published + dt.timedelta(days=self.random.randrange(1, 30))
            verdict = self.pick(VERDICTS)
            topics = sorted(set(self.random.sample(TOPICS, k=2)))
            short = f"{people[claimant]['name']} on {self.pick(THINGS)}, claim {index + 1}"
            claim: dict = {
                "claim": f"{people[claimant]['name']} said that {self.clause()}, and that {self.clause()}.",
                "short": short[:75],
                "claimant": claimant,
                "appeared": [{"source": source.id, "quote": quote}],
                "verdict": verdict,
                "conclusion": f"The record supports part of this; the sources give the context the claim leaves out ({index + 1}).",
                "right": [f"The quoted words appear in {source.publisher}'s report."],
                "wrong": ["The claim leaves out the period the figures refer to."] if index % 3 == 0 else [],
                "explanation": self.explanation(),
                "evidence": [],
                "topics": topics,
                "people": [claimant] + ([self.pick(keys)] if index % 4 == 0 else []),
                "claimed": (published - dt.timedelta(days=1)).isoformat(),
                "published": published.isoformat(),
            }
            if index % 2 == 0 and figures:
                # Every other claim quotes a figure on a subject, going through the sides of
                # each subject in turn, so every side is quoted and the disagreements show.
                figure_source, figure = figures[(index // 2) % len(figures)]
                claim["evidence"].append({
                    "source": figure_source.id, "quote": figure.sentence, "subject": figure.subject, "period": figure.period,
                })
            other = sources[(index * 7 + 3) % len(sources)]
            claim["evidence"].append({"source": other.id, "quote": self.cut(self.pick(other.sentences)), "note": "Gives the context."})
            if index % 50 == 0:
                claim["corrections"] = [{
                    "date": (published + dt.timedelta(days=3)).isoformat(), "kind": "correction",
                    "text": "An earlier version gave the wrong date for the statement.",
                }]
                claim["updated"] = (published + dt.timedelta(days=3)).isoformat()
            if not claim["wrong"]:
                del claim["wrong"]
            claims.append(claim)
        return claims

    def clause(self) -> str:
        """What a claim asserts: a trend in a figure, varied enough that no two claims read alike.

        Each clause carries two figures that are nearly unique to its claim, as real claims
        carry names and figures of their own. Without them the corpus would have a small fixed
        vocabulary, every word shared by hundreds of claims, and the duplicate-claim search
        (duplicates.py, whose candidates come from each claim's rarest words) would compare
        most pairs: 10,000 claims built from a 300-word vocabulary are not what a desk writes.
        """
        return (
            f"{self.pick(THINGS)} in {self.pick(PLACES)} {self.pick(TRENDS)} from {self.random.randrange(1_000, 999_999):,} "
            f"to {self.random.randrange(1_000, 999_999):,} {self.pick(SINCE)} {self.random.randrange(1995, 2024)} "
            f"{self.pick(BECAUSE)} {self.pick(OBJECTS)}"
        )

    def cut(self, sentence: str) -> str:
        """A verbatim stretch of a sentence: the whole sentence, or its first words."""
        words = sentence.split(" ")
        if len(words) > 12 and self.random.random() < 0.5:
            return " ".join(words[: self.random.randrange(8, len(words))])
        return sentence

    def explanation(self) -> str:
        paragraphs = []
        words = 0
        target = self.random.randrange(300, 400)
        while words < target:
            sentences = self.random.sample(EXPLANATION_SENTENCES, k=4)
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        paragraphs.insert(1, "**What the sources say.** " + self.pick(EXPLANATION_SENTENCES))
        return "\n\n".join(paragraphs)


# ----------------------------------------------------------------------------- writing


def _yaml_scalar(value) -> str:
    """A value as YAML: text as a JSON string (valid YAML), dates bare, booleans bare."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def to_yaml(data, indent: int = 0) -> str:
    """Plain mappings, lists and scalars as block YAML; long text as literal blocks."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            lines.extend(_yaml_entry(f"{pad}{key}:", value, indent))
    return "\n".join(lines)


def _yaml_entry(head: str, value, indent: int) -> list[str]:
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        return [head, to_yaml(value, indent + 2)]
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        lines = [head]
        for item in value:
            if isinstance(item, dict):
                body = to_yaml(item, indent + 4).split("\n")
                lines.append(f"{pad}- {body[0].lstrip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {_yaml_scalar(item)}")
        return lines
    if isinstance(value, str) and "\n" in value:
        return [f"{head} |"] + [f"{pad}{line}" if line else "" for line in value.split("\n")]
    if key_is_date(head, value):
        return [f"{head} {value}"]
    return [f"{head} {_yaml_scalar(value)}"]


def key_is_date(head: str, value) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[:4].isdigit() and head.rstrip(":").split()[-1].lstrip("- ") in (
        "published", "claimed", "updated", "date", "accessed", "rated_on")


SITE_URL = "https://example.org/benchmark/"
MKDOCS_YML = """site_name: Benchmark desk ({claims} claims)
site_url: """ + SITE_URL + """
theme:
  name: material
  features:
    - navigation.sections
    - search.suggest
    - search.highlight
plugins:
{plugins}
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
{extra}nav:
  - Home: index.md
  - Fact checks:
      - claims/index.md
      - verdicts/index.md
      - topics/index.md
      - people/index.md
      - sources/index.md
      - disagreements.md
      - corrections.md
"""

PLUGIN_ENTRIES = """  - search
  - factcheck:
      publisher_name: Benchmark desk"""

INDEX_MD = """# Benchmark desk

A synthetic fact-check desk of {claims:,} claims and {sources:,} sources, generated for the
benchmark. Every quote is taken word for word from a source's archived text.
"""


def mkdocs_yml(claims: int, with_plugin: bool = True, templates: Optional[Path] = None) -> str:
    """The site's configuration; without the plugin, the plain MkDocs build of the exported pages.

    The plain site gets what the plugin would have added: its stylesheet, its template
    overrides (``templates``, named in the pages' front matter) and the same short sidebar.
    """
    if with_plugin:
        return MKDOCS_YML.format(claims=claims, plugins=PLUGIN_ENTRIES, extra="")
    extra = "extra_css:\n  - assets/factcheck.css\nnot_in_nav: |\n  /claims/*\n  /sources/*\n  /verdicts/*\n  /topics/*\n  /people/*\n"
    text = MKDOCS_YML.format(claims=claims, plugins="  - search", extra=extra)
    if templates:
        text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {json.dumps(str(templates))}\n", 1)
    return text


def search_query(claims: int, seed: int = 8) -> str:
    """A word readers would search for: the family name of a claimant of the corpus."""
    name = next(iter(Generator(claims, seed).people().values()))["name"]
    return name.split()[-1]


def generate(claims: int, seed: int = 8) -> Corpus:
    generator = Generator(claims, seed)
    people = generator.people()
    subjects = generator.subjects()
    sources = generator.sources(people, subjects)
    corpus = Corpus(claims, sources, people, subjects)
    corpus.claim_records = generator.claims(sources, people)  # type: ignore[attr-defined]
    return corpus


def write(claims: int, folder: Path, seed: int = 8) -> Path:
    """Write the repository into ``folder`` (emptied first); return the path of its mkdocs.yml."""
    corpus = generate(claims, seed)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "claims").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "docs").mkdir()
    for index, record in enumerate(corpus.claim_records):  # type: ignore[attr-defined]
        (folder / "claims" / f"claim-{index + 1:05d}.yaml").write_text(to_yaml(record) + "\n", encoding="utf-8")
    for source in corpus.sources:
        record = {
            "title": source.title, "publisher": source.publisher, "authors": source.authors,
            "published": source.published.isoformat(), "type": source.type,
            "url": f"https://example.org/news/{source.id}",
        }
        if source.copies:
            record["copies"] = source.copies
        (folder / "sources" / f"{source.id}.yaml").write_text(to_yaml(record) + "\n", encoding="utf-8")
        (folder / "sources" / f"{source.id}.txt").write_text(source.text(), encoding="utf-8")
    (folder / "people.yaml").write_text(to_yaml(corpus.people) + "\n", encoding="utf-8")
    subjects = {key: {k: v for k, v in record.items() if not k.startswith("_")} for key, record in corpus.subjects.items()}
    (folder / "subjects.yaml").write_text(to_yaml(subjects) + "\n", encoding="utf-8")
    (folder / "docs" / "index.md").write_text(INDEX_MD.format(claims=claims, sources=len(corpus.sources)), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(mkdocs_yml(claims), encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("claims", type=int, help="how many claims")
    parser.add_argument("folder", type=Path, help="where to write the repository (emptied first)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    config = write(args.claims, args.folder, args.seed)
    print(config)


if __name__ == "__main__":
    main()
