"""`factcheck suggest`: the editor's assistant on the command line (the work is in suggest.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.problems import format_text
from ..core.suggest import PER_PAIR, Suggestions, suggest


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default="", metavar="ID", help="only what concerns this source id")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or JSON")
    parser.add_argument("--per-pair", type=int, default=PER_PAIR, metavar="N",
                        help=f"candidates shown for each pair of sources (default {PER_PAIR}; 0: all)")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from .cli import settings_from_mkdocs_yml
    from ..core.pipeline import check

    checked = check(settings_from_mkdocs_yml(Path(args.config)))
    if checked.site is None:
        print(format_text(checked.problems), file=sys.stderr)
        print("no suggestions until these errors are fixed (see factcheck validate)", file=sys.stderr)
        return 1
    corpus = checked.site.corpus
    if args.source and args.source not in corpus.source_by_id:
        known = ", ".join(sorted(corpus.source_by_id))
        print(f"error: no source has the id {args.source!r} (known: {known})", file=sys.stderr)
        return 2
    found = suggest(corpus, checked.site.uses, only_source=args.source, per_pair=args.per_pair)
    if args.format == "json":
        print(json.dumps(found.as_json(), ensure_ascii=False, indent=2))
    else:
        print(text_report(found))
    return 0


def text_report(found: Suggestions) -> str:
    """The suggestions for a reader at a terminal: uncovered sentences by source, then candidates."""
    lines = [f"Not yet checked: {len(found.uncovered)} sentence(s)"]
    current = None
    for item in found.uncovered:
        if item.source != current:
            current = item.source
            lines += ["", f"{item.source}"]
        lines.append(f"  line {item.line}: {item.sentence}")
        lines.append(f"    why: {'; '.join(item.reasons)}")
    lines += ["", f"Candidate disagreements: {len(found.candidates)}"]
    for number, candidate in enumerate(found.candidates, 1):
        covered = f"covered by subject {candidate.covered_by}" if candidate.covered_by else "no subject covers it yet"
        lines += ["", f"{number}. score {candidate.score:g}, {covered}"]
        for side in candidate.sides:
            lines.append(f"  {side.source}:{side.line}: {side.sentence}")
        for reason in candidate.reasons:
            lines.append(f"  - {reason}")
    return "\n".join(lines)
