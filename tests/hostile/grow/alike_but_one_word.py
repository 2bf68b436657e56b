"""Issue 24 reproducer: N claims worded alike but for one word.

Each of N sources reports that one desk said the same thing, and each of N claims quotes one of
them; the claims differ only in the desk's name, so every two of them are 92% alike and the
near-wording duplicate search (duplicates.py) finds N x N / 2 pairs if it looks for them all.
It stops at a few look-alikes per claim and says so on each claim it stopped on.

    python tests/hostile/grow/alike_but_one_word.py 3000 /tmp/alike && (cd /tmp/alike && factcheck validate)
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parents[2] / "fixtures" / "mini"


def sentence(n: int) -> str:
    return f"Officials at desk{n} said that steel tariffs reached record highs again this year."


def write(count: int, root: Path) -> None:
    shutil.copytree(MINI, root)
    for old in (root / "claims").iterdir():
        old.unlink()
    for n in range(count):
        (root / "sources" / f"report-{n}.txt").write_text(f"{sentence(n)}\nThe report said nothing else.\n", "utf-8")
        (root / "sources" / f"report-{n}.yaml").write_text(
            f"title: Steel report {n}\npublisher: Desk {n}\npublished: 2025-05-01\ntype: news-article\n", "utf-8")
        (root / "claims" / f"desk-{n}.yaml").write_text(
            f"claim: {sentence(n)}\n"
            f"short: Desk {n} on steel tariffs\n"
            f"claimant: report-{n}\n"
            "appeared:\n"
            f"  - source: report-{n}\n"
            f"    quote: {sentence(n)}\n"
            "verdict: unverifiable\n"
            "conclusion: No record settles it; searched the reports only.\n"
            "explanation: The reports say the same thing.\n"
            "topics: [Trade]\n"
            "claimed: 2025-05-01\n"
            "published: 2025-05-02\n", "utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    write(args.count, args.root)
