"""A subject of ``subjects.yaml`` as a typed record: titles, notes, and the editor's classification.

One job: turn the schema-checked mapping of one subject into a ``Subject``, with a located
problem for what the schema cannot check (the reference figure's value is read like a claim's).
"""

from __future__ import annotations

from typing import Any, Callable

from . import values as typed_values
from .model import Record, SamePeriod, Subject
from .problems import Problem


def build_subject(key: str, raw: dict[str, Any], problem: Callable[[tuple, str, str], Problem]) -> tuple[Subject, list[Problem]]:
    """The subject ``key`` of ``subjects.yaml``; ``problem(at, message, hint)`` locates a problem in the file."""
    problems: list[Problem] = []
    record = None
    if "record" in raw:
        found = raw["record"]
        try:
            value = typed_values.value_from_yaml(found["value"], None)
        except ValueError as error:
            problems.append(problem((key, "record", "value"), str(error), "see the Values section of the format reference"))
        else:
            record = Record(value=value, source=found["source"], url=found.get("url", ""),
                            period=found.get("period", ""), note=found.get("note", ""))
    periods = tuple(SamePeriod(name=p["name"], same=tuple(p.get("same") or ())) for p in raw.get("periods") or ())
    subject = Subject(
        key=key, title=raw.get("title") or key.replace("-", " ").capitalize(), note=raw.get("note", ""),
        tension=raw.get("tension", ""), status=raw.get("status", ""), measure=raw.get("measure", ""),
        periods=periods, record=record, severity=raw.get("severity", ""), severity_reason=raw.get("severity_reason", ""),
    )
    return subject, problems
