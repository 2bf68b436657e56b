"""How long ``factcheck suggest`` takes on N synthetic news-length sources (not a test: a measure).

Each source is a deterministic, made-up news report of about 35 sentences (600-800 words) on one
of a few dozen "stories": people of a pool of 400 named in people.yaml, places, figures with the
noun they count, dates, quotations, statuses and characterisations, so that sentences of
different sources share names and measures as real reports on the same stories do. Nothing is
written to disk: the sources are built in memory and handed to ``suggest`` with no claims.

    python benchmarks/suggest.py --sources 2000      # the target: within a minute
    python benchmarks/suggest.py --sources 200       # a smaller run on a busy machine

Measured 2026-12-05 on the shared 2-core VM (other jobs running): 2,000 sources of 617 words,
90,000 sentences: 31.8-32.4 s of CPU; wall time 41.8 s at a load of about 4, 82.2 s at about 6.
The five archived texts of the shipped site: 0.07 s for ``suggest`` itself, 0.68 s for the command.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from factcheck.core.model import Corpus, Person, Scale, Source  # noqa: E402
from factcheck.core.suggest import suggest  # noqa: E402

FIRST = "Ada Amara Anton Beatriz Boris Carmen Dalia Dmitri Elena Emeka Farah Felix Gita Hana Hugo Ines Ivan Jonas Kaito Karin".split()
LAST = "Abbott Baker Castro Diallo Eriksen Fischer Garcia Haddad Ibsen Jensen Kowalski Larsen Moreau Novak Okafor Petrov Quinn Rossi Silva Tanaka".split()
PLACES = [f"{a}{b}" for a in ("Vel", "Ost", "Mar", "Tor", "Lun", "Kes", "Bra", "Dor", "Fen", "Gal") for b in ("mar", "ia", "ford", "vik", "dale")]
NOUNS = "students ships tonnes workers visas licences shipments factories flights cars homes jobs patients tests tickets".split()
EVENTS = "talks call deal agreement meeting summit visit statement".split()
NEGATIVE = ("stalled", "breaking down", "fragile", "at an impasse")
POSITIVE = ("optimistic", "productive", "on track", "constructive")


def people() -> tuple[Person, ...]:
    return tuple(Person(key=f"{f}-{l}".lower(), name=f"{f} {l}") for f in FIRST for l in LAST)


def report(number: int, pool: tuple[Person, ...], rng: random.Random) -> Source:
    story = rng.randrange(60)
    story_rng = random.Random(story)
    cast = story_rng.sample(pool, 4)
    places = story_rng.sample(PLACES, 2)
    noun = story_rng.choice(NOUNS)
    event = story_rng.choice(EVENTS)
    published = date(2025, 1, 1) + timedelta(days=rng.randrange(180))
    lines = [f"{places[0]} {event} report", f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    for _ in range(15):
        who, where = rng.choice(cast), rng.choice(places)
        figure = story_rng.randrange(10, 900) * 1000 + rng.choice((0, 0, 0, 50000))
        day = published - timedelta(days=rng.randrange(1, 40))
        lines.append(" ".join((
            f"Officials in {where} said more than {figure:,} {noun} were affected by the {event}.",
            f"“We expect the {event} to be {rng.choice(NEGATIVE + POSITIVE)} and we will keep working,” {who.name} said on {day:%B} {day.day}.",
            rng.choice((f"The {event} took place in {where}.", f"The {event} has not yet taken place.",
                        f"The {event} is scheduled to take place in {where} next month.",
                        f"Analysts described the mood in {where} as calm and the weather as mild.")),
        )))
        lines.append("")
    return Source(id=f"report-{number:05d}", title=f"Report {number}", publisher="Synthetic", published=published,
                  type="news-article", text="\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=2000, help="how many sources (default 2000)")
    parser.add_argument("--seed", type=int, default=25)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = people()
    sources = tuple(report(n, pool, rng) for n in range(args.sources))
    words = sum(len(s.text.split()) for s in sources)
    corpus = Corpus(claims=(), sources=sources, people=pool, subjects=(), scale=Scale(()))
    started, cpu = time.perf_counter(), time.process_time()
    found = suggest(corpus, ())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{args.sources} sources, {words / args.sources:.0f} words each on average: {elapsed:.1f} s ({cpu:.1f} s of CPU); "
          f"{len(found.uncovered)} uncovered sentences, {len(found.candidates)} candidates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
