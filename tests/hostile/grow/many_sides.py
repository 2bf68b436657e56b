"""Issue 24 reproducer: N claims quoting N different figures on one subject.

Each of N sources states the steel tariff as a different figure for the same year, and each
of N claims quotes one of them, so one disagreement has N sides. Before the cap each claim
page listed every side (3,000 claims: 128 s and a 342 MB site); now a claim page gets its own
side and at most a few others, with a link to the whole subject.

    python tests/hostile/grow/many_sides.py 3000 /tmp/many-sides && mkdocs build -f /tmp/many-sides/mkdocs.yml
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parents[2] / "fixtures" / "mini"


def write(count: int, root: Path) -> None:
    shutil.copytree(MINI, root)
    for old in (root / "claims").iterdir():
        old.unlink()
    for n in range(count):
        figure = 100 + 7 * n  # every figure differs from the first by more than a tenth from n = 2 on
        sentence = f"Tariffs on steel reached {figure:,} dollars a tonne in 2024."
        (root / "sources" / f"report-{n}.txt").write_text(f"{sentence}\nThe report said nothing else.\n", "utf-8")
        (root / "sources" / f"report-{n}.yaml").write_text(
            f"title: Steel report {n}\npublisher: Desk {n}\npublished: 2025-05-01\ntype: news-article\n", "utf-8")
        (root / "claims" / f"steel-{n}.yaml").write_text(
            f"claim: Tariffs on steel reached {figure:,} dollars a tonne in 2024.\n"
            f"short: Steel tariffs at {figure:,} dollars a tonne\n"
            f"claimant: report-{n}\n"
            "appeared:\n"
            f"  - source: report-{n}\n"
            f"    quote: Tariffs on steel reached {figure:,} dollars a tonne in 2024.\n"
            "    subject: steel-tariff\n"
            "    period: '2024'\n"
            "verdict: unverifiable\n"
            "conclusion: No record settles the figure; searched the reports only.\n"
            "explanation: The reports give different figures.\n"
            "topics: [Trade]\n"
            "claimed: 2025-05-01\n"
            "published: 2025-05-02\n", "utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    write(args.count, args.root)
