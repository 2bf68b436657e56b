"""`factcheck new-source`: write a source record and its archived text, from options or by asking.

The archived text is copied byte for byte from a file inside the repository (or read from
standard input with ``--text-file -``), so every quote can later be checked against it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.load import is_inside
from ..core.problems import did_you_mean
from ..core.safe_files import LinkRefused, write_file
from .scaffold import (
    write_and_report,
    ScaffoldError,
    check_id,
    check_text,
    dump_yaml,
    existing_ids,
    missing_options,
    modeline,
    propose_id,
    relative_to,
    value_of,
    write_new,
)
from ..core.settings import Settings
from ..core.validate import schema
from .terminal import Asker, is_interactive

SOURCE_TYPES: tuple[str, ...] = tuple(schema("source").raw["properties"]["type"]["enum"])
_URL = re.compile(r"^https?://[^\s]+$")
MAX_TEXT_BYTES = 4 * 1024 * 1024  # the limit validate.build_source reads archived texts with


@dataclass(frozen=True)
class SourceDraft:
    """The values of a new source, each already checked, and its archived text."""

    id: str
    title: str
    publisher: str
    published: dt.date
    type: str
    text: bytes
    authors: tuple[str, ...] = field(default=())
    url: str = ""
    accessed: Optional[dt.date] = None
    date_note: str = ""  # given when the date was inferred: the record says date_precision: approximate
    archived_from: str = ""

    def record(self) -> dict:
        data: dict = {"title": self.title, "publisher": self.publisher}
        if self.authors:
            data["authors"] = list(self.authors)
        data["published"] = self.published
        if self.date_note:
            data["date_precision"] = "approximate"
            data["date_note"] = self.date_note
        data["type"] = self.type
        if self.url:
            data["url"] = self.url
        if self.accessed:
            data["accessed"] = self.accessed
        if self.archived_from:
            data["archived_from"] = self.archived_from
        return data


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the headline or title, as the document gives it")
    parser.add_argument("--publisher", help="the outlet or organisation; 'unknown' when the document does not say")
    parser.add_argument("--author", action="append", dest="authors", default=None, help="a byline; repeat for several")
    parser.add_argument("--published", help="date of publication, YYYY-MM-DD")
    parser.add_argument("--date-note", help="when the date was inferred: how (the record then says the date is approximate)")
    parser.add_argument("--type", choices=SOURCE_TYPES, help="the kind of document")
    parser.add_argument("--url", help="address of the original")
    parser.add_argument("--accessed", help="when the text was retrieved, YYYY-MM-DD")
    parser.add_argument("--text-file", help="the document's text: a UTF-8 file inside the repository, or - to read standard input")
    parser.add_argument("--id", help="the source's id and file name (default: proposed from publisher, date and title)")
    parser.add_argument("--force", action="store_true", help="overwrite sources/<id>.yaml and .txt if they exist")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .cli import settings_from_mkdocs_yml

    settings = settings_from_mkdocs_yml(Path(args.config))
    reads_stdin = args.text_file == "-"
    asker = Asker() if is_interactive(sys.stdin) and not reads_stdin else None
    out = asker or Asker(answers=sys.stdin, out=sys.stderr)
    stdin = getattr(sys.stdin, "buffer", None)
    return write_and_report(lambda: write_source(gather(args, settings, asker, stdin=stdin), settings, force=args.force), settings, out)


def write_source(draft: SourceDraft, settings: Settings, force: bool = False) -> Path:
    folder = settings.path(settings.sources_dir)
    record, text = folder / f"{draft.id}.yaml", folder / f"{draft.id}.txt"
    if text.exists() and not force and text.read_bytes() != draft.text:
        raise ScaffoldError(f"{relative_to(text, settings.root)} already exists with another text; choose another id, or pass --force")
    write_new(record, dump_yaml(draft.record(), modeline("source", folder, settings.root)), force, settings.root)
    try:
        write_file(text, draft.text, replace=True, root=settings.root)  # never through a link (issue 24)
    except LinkRefused as error:
        raise ScaffoldError(error.described()) from None
    return record


# ----------------------------------------------------------------------------- gathering the values



def gather(args: argparse.Namespace, settings: Settings, asker: Optional[Asker], stdin=None) -> SourceDraft:
    if asker is None:
        missing_options(args, ("title", "publisher", "published", "type", "text_file"))
    else:
        asker.say(f"A new source for {settings.sources_dir}/. Press Enter to take the value in [brackets].", "bold")
    taken = existing_ids(settings.path(settings.sources_dir))

    title = value_of(args.title, None, check_text("the title", 400), asker, lambda a, c: a.ask("Title, as the document gives it", check=c))
    publisher = value_of(args.publisher, None, check_text("the publisher", 200), asker,
                       lambda a, c: a.ask("Publisher ('unknown' when the document does not say)", default="unknown", check=c))
    if args.authors is not None:
        authors = tuple(args.authors)
    else:
        authors = tuple(asker.ask_many("Bylines, separated by commas (optional)")) if asker else ()
    published = value_of(args.published, None, _check_date, asker, lambda a, c: a.ask("Date of publication (YYYY-MM-DD)", check=c))
    kind = value_of(args.type, None, _check_type, asker, lambda a, c: a.choose("Type", SOURCE_TYPES))
    url = value_of(args.url, "", _check_url, asker, lambda a, c: a.ask("Address of the original (optional)", check=c, required=False))
    accessed = value_of(args.accessed, "", lambda v: _check_date(v) if v else None, asker,
                      lambda a, c: a.ask("Retrieved on (YYYY-MM-DD, optional)", check=c, required=False))
    text, archived_from = _text(args.text_file, settings, asker, stdin)
    proposal = propose_id(f"{publisher} {published} {title}", taken, max_words=9)
    source_id = value_of(args.id, proposal, check_id(taken, settings.sources_dir, args.force), asker,
                       lambda a, c: a.ask("Id (the file name)", default=proposal, check=c))
    return SourceDraft(
        id=source_id, title=title, publisher=publisher, published=dt.date.fromisoformat(published), type=kind, text=text,
        authors=authors, url=url, accessed=dt.date.fromisoformat(accessed) if accessed else None,
        date_note=args.date_note or "", archived_from=archived_from if archived_from != f"{source_id}.txt" else "",
    )


def _text(given: Optional[str], settings: Settings, asker: Optional[Asker], stdin) -> tuple[bytes, str]:
    """The archived text's bytes and the name of the file it came from ("" for standard input)."""
    if given == "-":
        if stdin is None:
            raise ScaffoldError("standard input cannot be read")
        return _checked_text(stdin.read(), "standard input"), ""
    holder: dict[str, bytes] = {}

    def check(value: str) -> Optional[str]:
        try:
            holder["bytes"] = read_text_file(value, settings)
        except ScaffoldError as error:
            return str(error)
        return None

    path = value_of(given, None, check, asker, lambda a, c: a.ask("Path of the document's text (a UTF-8 file inside the repository)", check=c))
    if "bytes" not in holder:
        check(path)
    return holder["bytes"], Path(path).name


def read_text_file(value: str, settings: Settings) -> bytes:
    """The bytes of a text file that lies inside the repository and is UTF-8."""
    path = Path(value)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        resolved = path.resolve(strict=True)
    except (FileNotFoundError, OSError):
        raise ScaffoldError(f"{value} does not exist") from None
    if not is_inside(resolved, settings.root.resolve()):
        raise ScaffoldError(f"{value} is outside the repository; copy it into the repository first, or pipe it in with --text-file -")
    if not resolved.is_file():
        raise ScaffoldError(f"{value} is not a file")
    if resolved.stat().st_size > MAX_TEXT_BYTES:
        raise ScaffoldError(f"{value} is larger than {MAX_TEXT_BYTES:,} bytes")
    return _checked_text(resolved.read_bytes(), value)


def _checked_text(raw: bytes, name: str) -> bytes:
    if len(raw) > MAX_TEXT_BYTES:
        raise ScaffoldError(f"{name} is larger than {MAX_TEXT_BYTES:,} bytes")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScaffoldError(f"{name} is not UTF-8 (byte {error.start}); save it as UTF-8") from None
    if not decoded.strip():
        raise ScaffoldError(f"{name} is empty")
    return raw


def _check_date(value: str) -> Optional[str]:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f"expected a date that exists, written YYYY-MM-DD; found {value!r}"
    if len(value) != 10:
        return f"expected a date written YYYY-MM-DD; found {value!r}"
    if dt.date.fromisoformat(value) > dt.date.today():
        return f"the date {value} is in the future (today is {dt.date.today()}); check the year"
    return None


def _check_type(value: str) -> Optional[str]:
    if value in SOURCE_TYPES:
        return None
    hint = did_you_mean(value, SOURCE_TYPES)
    return f"expected one of {', '.join(SOURCE_TYPES)}; found {value!r}" + (f"; {hint}" if hint else "")


def _check_url(value: str) -> Optional[str]:
    return None if not value or _URL.match(value) else f"expected an http or https address; found {value!r}"
