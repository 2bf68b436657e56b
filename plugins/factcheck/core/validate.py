"""Turn loaded documents into typed records, or into every problem they have at once.

Checks here: the JSON Schemas, references between files (sources, people, ratings), ids that
collide, and dates that cannot be. Quotes are verified against the archived texts in
``evidence.py``, which needs the records this module builds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

import fastjsonschema

if TYPE_CHECKING:
    import jsonschema

from . import values as typed_values
from .evidence import verify_quotes
from .load import Document, dotted, forget_folders, is_inside, load_file, load_files, read_text, real_path
from .model import Claim, Correction, Corpus, NotChecked, Person, Position, Quote, Reference, Source, Subject
from .problems import Problem, did_you_mean
from .quotes import normalise
from .reuse import kept_results
from .settings import Settings
from .subject_records import build_subject


# ----------------------------------------------------------------------------- schemas


@dataclass(frozen=True)
class Schema:
    """A JSON Schema with a fast yes/no check and a thorough one that lists every error."""

    name: str
    raw: dict
    fast: Callable[[Any], Any]

    @cached_property
    def thorough(self) -> jsonschema.protocols.Validator:
        """Made only for a file that fails the fast check: jsonschema takes 0.13 s to import."""
        import jsonschema

        return jsonschema.Draft7Validator(_end_anchored(self.raw), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    def problems(self, document: Document) -> list[Problem]:
        data = schema_data(document)
        try:
            self.fast(data)
            return []
        except fastjsonschema.JsonSchemaException as error:
            fast_error = error
        found = [_schema_problem(document, error) for error in self.thorough.iter_errors(data)]
        if found:
            return found
        # The two checkers disagree (should not happen since _end_anchored): still say where.
        at = _data_path(data, getattr(fast_error, "path", None) or [])
        return [document.problem(at, f"does not match the schema: {_clip(getattr(fast_error, 'message', ''), 120)}", "see the format reference")]


def _end_anchored(node: Any) -> Any:
    """The schema with each pattern's closing ``$`` written ``\\Z``, as fastjsonschema reads it:
    Python's ``$`` also matches before a final line break, so ``'marco-rubio\\n'`` passed the
    thorough check that failed the fast one, and the file got an unlocated "does not match the
    schema" (a key or an id ending in a line break)."""
    if isinstance(node, dict):
        return {
            key: (value[:-1] + "\\Z" if key == "pattern" and isinstance(value, str) and value.endswith("$") and not value.endswith("\\$")
                  else _end_anchored(value))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_end_anchored(value) for value in node]
    return node


def _data_path(data: Any, parts: list) -> tuple:
    """fastjsonschema's error path (``['data', 'trail', 'same_as', '0']``) as a field path of ``data``."""
    at: list = []
    for part in parts[1:]:
        if isinstance(data, list) and str(part).isdigit() and int(part) < len(data):
            at.append(int(part))
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            at.append(part)
            data = data[part]
        else:
            break
    return tuple(at)


@lru_cache(maxsize=None)
def schema(name: str) -> Schema:
    text = resources.files("factcheck").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    raw = json.loads(text)
    return Schema(name=name, raw=raw, fast=fastjsonschema.compile(_inline_refs(raw), formats={"date": _is_iso_date}))


def _inline_refs(raw: dict) -> dict:
    """The schema with each local ``{"$ref": "#/definitions/x"}`` replaced by that definition.

    The same schema (draft-07 ignores the siblings of a $ref), checked twice as fast by
    fastjsonschema: it calls a function for each $ref, and makes the name of each list item
    for that call ("data.appeared[0]") even when the item is valid. A definition that refers
    to itself, directly or not, keeps its $ref.
    """
    definitions = raw.get("definitions", {})

    def inline(node: Any, expanding: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                name = ref[len("#/definitions/"):]
                if name in definitions and name not in expanding:
                    return inline(definitions[name], expanding + (name,))
            return {key: inline(value, expanding) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value, expanding) for value in node]
        return node

    return inline(raw, ())


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def schema_data(document: Document) -> Any:
    """The document's data with dates as ISO text, as the schemas expect: ``jsonable(document.data)``.

    When the loader told where the dates are, only the mappings and lists that lead to one are
    copied (the data itself is never changed).
    """
    if document.dates is None:
        return jsonable(document.data)
    if not document.dates:
        return document.data
    copied: dict[int, Any] = {}

    def copy_of(container: Any) -> Any:
        if id(container) not in copied:
            copied[id(container)] = container.copy()
        return copied[id(container)]

    root = copy_of(document.data)
    for at in document.dates:
        holder = root
        for step in at[:-1]:
            inner = copy_of(holder[step])
            holder[step] = inner
            holder = inner
        holder[at[-1]] = holder[at[-1]].isoformat()
    return root


def jsonable(data: Any) -> Any:
    """The data with dates as ISO text, as the schemas expect."""
    if isinstance(data, dict):
        return {k: v if type(v) is str else jsonable(v) for k, v in data.items()}  # text, the most common, as it is
    if isinstance(data, list):
        return [v if type(v) is str else jsonable(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def _schema_problem(document: Document, error: jsonschema.ValidationError) -> Problem:
    at = tuple(error.absolute_path)
    if "propertyNames" in error.relative_schema_path:  # the key itself is wrong: point at it
        at += (str(error.instance),)
    validator = error.validator
    instance = error.instance
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed] if isinstance(instance, dict) else []
        name = extra[0] if extra else "?"
        return document.problem(
            at + (name,), f"unknown field {name!r}", did_you_mean(name, allowed) or f"the fields allowed here are: {', '.join(allowed)}"
        )
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        line, column = _missing_field_place(document, at, missing, list(error.schema.get("properties", {})), instance)
        return Problem(document.path, line, column, dotted(at + (missing,)), f"the field {missing!r} is missing", f"add '{missing}:' (see the format reference)")
    if validator == "enum":
        choices = [str(c) for c in error.validator_value]
        return document.problem(
            at, f"expected one of {', '.join(choices)}; found {instance!r}", did_you_mean(str(instance), choices)
        )
    if validator == "type":
        expected = error.validator_value
        hint = ""
        if isinstance(instance, bool):
            hint = "YAML reads yes/no/true/false/on/off as true or false: put the word in quotes"
        elif instance is None:
            hint = "the field is empty: give it a value or remove it"
        elif isinstance(instance, str) and expected in ("array",):
            hint = "write a list, one '- item' per line"
        elif isinstance(instance, dict) and expected == "string":
            hint = "YAML reads text containing ': ' as a mapping: put the whole text in quotes"
        elif isinstance(instance, list) and expected == "object":
            hint = "write 'field: value' lines here, not a '- ' list"
        return document.problem(at, f"expected {_expected_kind(expected)}; found {_describe(instance)}", hint)
    if validator == "format":
        return document.problem(at, f"expected a date written YYYY-MM-DD; found {instance!r}", "write a date that exists, e.g. 2025-05-29")
    if validator == "pattern":
        if error.validator_value.startswith("^https?"):
            return document.problem(at, f"expected an http or https address; found {_clip(instance)!r}", "addresses start with https://")
        return document.problem(
            at, f"expected an identifier of lower-case letters, digits and single hyphens; found {_clip(instance)!r}",
            f"try {slug(str(instance))!r}",
        )
    if validator == "maxLength":
        return document.problem(at, f"expected at most {error.validator_value} characters; found {len(instance)}", "shorten it")
    if validator == "minLength":
        return document.problem(at, "expected some text; found an empty string", "write the text, or remove the field")
    if validator in ("minItems", "maxItems"):
        return document.problem(at, f"expected {'at least' if validator == 'minItems' else 'at most'} {error.validator_value} items; found {len(instance)}")
    if validator == "oneOf" and at and at[-1] == "value":
        # Report what is wrong inside the branch the contributor chose (text or mapping), not
        # that neither branch matched: {kind: banana} is a mapping with a wrong kind.
        branch = 0 if isinstance(instance, str) else 1 if isinstance(instance, dict) else None
        inner = [e for e in error.context or () if e.relative_schema_path and e.relative_schema_path[0] == branch]
        if inner:
            from jsonschema.exceptions import best_match  # imported by now: a thorough check made ``error``

            return _schema_problem(document, best_match(inner))
        return document.problem(
            at, f"expected a value as text ('over 300,000') or a mapping with 'kind'; found {_describe(instance)}",
            "see the Values section of the format reference",
        )
    if validator == "propertyNames":
        return document.problem(at, f"expected keys of lower-case letters, digits and hyphens; found {_clip(instance)!r}", f"try {slug(str(instance))!r}")
    return document.problem(at, error.message)


def _missing_field_place(document: Document, at: tuple, missing: str, order: list, instance: Any) -> tuple[int, int]:
    """Where to report a missing field: inside a list item or nested mapping, its parent mapping's
    line; at the top of the file, the field written next to where it belongs (in the schema's
    order), so that a deleted line is reported inside the pull request's diff, not on line 2."""
    if at or not isinstance(instance, dict) or missing not in order:
        return document.where(at)
    index = order.index(missing)
    after = [key for key in order[index + 1:] if key in instance]
    before = [key for key in reversed(order[:index]) if key in instance]
    for key in after[:1] + before[:1]:
        if (key,) in document.marks:
            return document.marks[(key,)]
    return document.where(at)


def _expected_kind(expected: Any) -> str:
    names = {"string": "text", "object": "a mapping of fields", "array": "a list", "boolean": "true or false", "number": "a number", "integer": "a whole number"}
    if isinstance(expected, list):
        return " or ".join(names.get(e, e) for e in expected)
    return names.get(expected, str(expected))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(_clip(str(value)))


def _clip(text: Any, limit: int = 60) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: the one way topics and ids are made into addresses."""
    if _SLUG.fullmatch(text):
        return text  # already one: every file id of a valid site, so checked first
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(c if c.isalnum() else " " for c in folded).split()
    return "-".join(words) or "item"


@lru_cache(maxsize=4096)
def topic_slug(name: str) -> str:
    """The address of a topic's page: its words in ASCII, or, for a name with no Latin letters
    ("中国"), a short digest of the name, so such topics do not all share one page."""
    ascii_slug = slug(name)
    if ascii_slug != "item" or name.strip().casefold() == "item":
        return ascii_slug
    return "topic-" + hashlib.sha1(name.strip().casefold().encode("utf-8")).hexdigest()[:8]


# ----------------------------------------------------------------------------- loading all files


@dataclass
class Loaded:
    claims: list[Document]
    sources: list[Document]
    people: Optional[Document]
    subjects: Optional[Document]


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # by name: the order of the paths themselves, all in one folder, without comparing Path objects
    return sorted((p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")), key=lambda p: p.name)


def load_all(settings: Settings) -> tuple[Loaded, list[Problem]]:
    forget_folders()
    problems: list[Problem] = []
    root = settings.root

    claim_paths, source_paths = yaml_files(settings.path(settings.claims_dir)), yaml_files(settings.path(settings.sources_dir))
    results = iter(load_files(claim_paths + source_paths, root, settings.max_file_bytes))

    def load_many(paths: list[Path]) -> list[Document]:
        documents = []
        for _, (document, found) in zip(paths, results):
            problems.extend(found)
            if document is not None:
                documents.append(document)
        return documents

    def load_optional(name: str) -> Optional[Document]:
        path = settings.path(name)
        if not path.exists():
            return None
        document, found = load_file(path, root, settings.max_file_bytes)
        problems.extend(found)
        return document

    loaded = Loaded(load_many(claim_paths), load_many(source_paths), load_optional(settings.people_file), load_optional(settings.subjects_file))
    return loaded, problems


def claim_kind(data: dict) -> str:
    """A claim file's kind: ``fact`` unless it says otherwise."""
    return data.get("kind", "fact")


def claim_texts(documents: Iterable[Document]) -> tuple[tuple[str, str, str], ...]:
    """(id, kind, claim text) of each claim file, as ``build_claim`` will read them: what the
    duplicate search needs, known before the claims are built (a file without a text is left
    out; it fails its schema check)."""
    return tuple(
        (file_id(d), claim_kind(d.data), d.data["claim"])
        for d in documents if isinstance(d.data, dict) and isinstance(d.data.get("claim"), str)
    )


# ----------------------------------------------------------------------------- building records


def file_id(document: Document) -> str:
    """The file's name without its extension, as ``PurePosixPath(document.path).stem``."""
    name = document.path.rpartition("/")[2]
    if name in ("", "."):  # not a plain file name: let pathlib work it out
        return PurePosixPath(document.path).stem
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _position(document: Document, at: tuple = ()) -> Position:
    line, column = document.where(at)
    return Position(document.path, line, column)


def _mapping_problem(document: Document) -> Optional[Problem]:
    if isinstance(document.data, dict):
        return None
    return document.problem((), f"expected a mapping of fields ('name: value' lines); found {_describe(document.data)}", "see the format reference")


# The list page of each kind of page is <kind>/index.md: a claim, source, person or topic
# with this id would take its address.
RESERVED_IDS = frozenset({"index"})


def _reserved_problem(document: Document, at: tuple, name: str, what: str, written: str = "") -> Optional[Problem]:
    if name not in RESERVED_IDS:
        return None
    return document.problem(
        at, f"{written or repr(name)} cannot be a {what}: its page would take the address ({name}) of the list of all of them",
        f"choose another {what}",
    )


def _id_problems(documents: Iterable[Document], what: str) -> list[Problem]:
    """Ids must be identifiers, and must not collide when case or look-alike characters are ignored."""
    found: list[Problem] = []
    seen: dict[str, Document] = {}
    for document in documents:
        name = file_id(document)
        if slug(name) != name:
            found.append(document.problem((), f"the file name {name!r} is not a valid {what} id", f"rename it to {slug(name)}.yaml"))
        if reserved := _reserved_problem(document, (), name, f"{what} id"):
            found.append(reserved)
        folded = unicodedata.normalize("NFKC", name).casefold()
        if folded in seen:
            found.append(document.problem((), f"the {what} id {name!r} collides with {seen[folded].path}", "give one of them another name"))
        seen[folded] = document
    return found


def exact_copy_problems(documents: Iterable[Document]) -> list[Problem]:
    """An error on each claim file that holds the same fields and values, in the same order, as
    another (a copied file with its name changed): found with one dictionary of digests, so
    linear. Each copy names the first file of its group (the first names the second), and the
    ``copy_of`` it carries lets ``--against`` keep the error on the new file only (history.py)."""
    groups: dict[bytes, list[Document]] = {}
    for document in documents:
        if isinstance(document.data, dict) and document.data:
            groups.setdefault(_content_digest(document), []).append(document)
    found: list[Problem] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda d: d.path)
        for document in group:
            other = group[1] if document is group[0] else group[0]
            more = f" and {len(group) - 2:,} other file(s)" if len(group) > 2 else ""
            found.append(replace(
                document.problem(
                    (), f"this file is an exact copy of {other.path}{more}: the same fields and values, in the same order",
                    f"keep one claim per file: delete the copy that was added and edit {other.path} if that claim needs a change, "
                    "or make the copy a claim of its own (its own claim, quotes and verdict; factcheck new starts one)",
                ),
                copy_of=other.path,
            ))
    return found


@kept_results.per_item(lambda document: document.path)
def _content_digest(document: Document) -> bytes:
    """A digest of a file's fields and values in their order; kept while serving, since an
    unchanged file is the last run's document and hashing every claim again is most of the check."""
    return hashlib.sha256(repr(document.data).encode("utf-8", "surrogatepass")).digest()


class _Everyone(set):
    """The people of a people file that could not be read: any key may be among them."""

    def __contains__(self, key: object) -> bool:
        return True


def build_source(document: Document, settings: Settings) -> tuple[Optional[Source], list[Problem]]:
    data = document.data
    source_id = file_id(document)
    folder = PurePosixPath(document.path).parent
    text_name = data.get("archived_text", f"{source_id}.txt")
    problems: list[Problem] = []
    text_path = PurePosixPath(text_name)
    if text_path.is_absolute() or ".." in text_path.parts or "\\" in text_name or ":" in text_name:
        return None, [document.problem(("archived_text",), f"expected a path inside the repository; found {text_name!r}", "give a path relative to the source file, without '..'")]
    relative_path = (folder / text_path).as_posix()
    path = settings.root / relative_path
    try:
        status: Optional[os.stat_result] = os.lstat(path)  # one lstat: a link, a file, a folder, or nothing
    except OSError:
        status = None
    if status is not None and stat.S_ISLNK(status.st_mode):  # any link, dangling or not: refused by read_text, with its location (issue 24)
        return None, read_text(path, settings.root, relative_path)[1]
    if status is None:
        hint = (
            f"check the path: it is relative to {folder.as_posix()}/" if "archived_text" in data
            else f"save the text as {relative_path}, or give its path in 'archived_text:'"
        )
        problems.append(document.problem(("archived_text",), f"the archived text {relative_path} does not exist", hint))
        return None, problems
    if not is_inside(real_path(path), settings.root):
        return None, [document.problem(("archived_text",), f"the archived text {relative_path} leads outside the repository", "keep the archived text inside the repository, not as a link")]
    if not stat.S_ISREG(status.st_mode):
        return None, [document.problem(("archived_text",), f"the archived text {relative_path} is a folder, not a file", "give the path of the text file")]
    text, found = read_text(path, settings.root, relative_path, max_bytes=max(settings.max_file_bytes, 4 * 1024 * 1024))
    if text is None:
        return None, found
    if data.get("date_precision") == "approximate" and not data.get("date_note"):
        problems.append(document.problem(("date_precision",), "an approximate date needs a 'date_note' saying how it was worked out", "add date_note:"))
    source = Source(
        id=source_id, title=data["title"], publisher=data["publisher"], published=_date(data["published"]),
        type=data["type"], text=text, authors=tuple(data.get("authors") or ()),
        date_precision=data.get("date_precision", "exact"), date_note=data.get("date_note", ""),
        url=data.get("url", ""), accessed=_date(data.get("accessed")), language=data.get("language", "en"),
        archived_text=relative_path, archived_from=data.get("archived_from", ""),
        publish_full_text=bool(data.get("publish_full_text", False)), copies=data.get("copies", ""),
        reliability=tuple(data.get("reliability") or ()), summary=data.get("summary", ""),
        not_checked=tuple(NotChecked(e["passage"], e["reason"]) for e in data.get("not_checked") or ()),
        position=_position(document), reliability_rating=data.get("reliability_rating", ""),
        reliability_reason=data.get("reliability_reason", ""),
    )
    if source.not_checked:
        folded = normalise(text)
        problems += [
            document.problem(("not_checked", i, "passage"), f"the passage is not in the archived text {relative_path}", "copy the words exactly as the text has them")
            for i, entry in enumerate(source.not_checked) if normalise(entry.passage) not in folded
        ]
    return source, problems


def _date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def build_quote(document: Document, at: tuple, raw: dict, reference_date: Optional[dt.date]) -> tuple[Quote, list[Problem]]:
    problems: list[Problem] = []
    value = None
    if "value" in raw:
        try:
            value = typed_values.value_from_yaml(jsonable(raw["value"]), reference_date)
        except ValueError as error:
            problems.append(document.problem(at + ("value",), str(error), "see the Values section of the format reference"))
    quote = Quote(
        source=raw["source"], text=raw["quote"], note=raw.get("note", ""), subject=raw.get("subject", ""),
        value=value, period=raw.get("period", ""), scope=raw.get("scope", ""), said_by=raw.get("said_by", ""),
        occasion=raw.get("occasion", ""), position=_position(document, at + ("quote",)),
    )
    return quote, problems


def build_claim(document: Document, sources: dict[str, Source]) -> tuple[Claim, list[Problem]]:
    data = document.data
    problems: list[Problem] = []

    def quotes(field: str) -> tuple[Quote, ...]:
        built = []
        for index, raw in enumerate(data.get(field) or ()):
            source = sources.get(raw["source"])
            quote, found = build_quote(document, (field, index), raw, source.published if source else None)
            problems.extend(found)
            built.append(quote)
        return tuple(built)

    claim = Claim(
        id=file_id(document), claim=data["claim"], short=data["short"], claimant=data["claimant"],
        appeared=quotes("appeared"), verdict=data["verdict"], conclusion=data["conclusion"],
        explanation=data["explanation"], published=_date(data["published"]), kind=claim_kind(data),
        right=tuple(data.get("right") or ()), wrong=tuple(data.get("wrong") or ()), evidence=quotes("evidence"),
        references=tuple(
            Reference(url=r["url"], title=r["title"], publisher=r["publisher"], accessed=_date(r.get("accessed")), note=r.get("note", ""))
            for r in data.get("references") or ()
        ),
        documents_only=bool(data.get("documents_only", False)), topics=tuple(data.get("topics") or ()),
        people=tuple(data.get("people") or ()), claimed=_date(data.get("claimed")), updated=_date(data.get("updated")),
        rated_on=_date(data.get("rated_on")), checked_by=data.get("checked_by", ""),
        corrections=tuple(
            Correction(date=_date(c["date"]), kind=c["kind"], text=c["text"], previous_verdict=c.get("previous_verdict", ""))
            for c in data.get("corrections") or ()
        ),
        position=_position(document),
    )
    return claim, problems


def _reference_problems(document: Document, claim: Claim, corpus_sources: set, people: set, settings: Settings) -> list[Problem]:
    found: list[Problem] = []
    scale = settings.scale
    if claim.verdict not in scale.keys:
        found.append(document.problem(("verdict",), f"expected a rating of the scale ({', '.join(scale.keys)}); found {claim.verdict!r}", did_you_mean(claim.verdict, scale.keys)))
    if claim.claimant not in people and claim.claimant not in corpus_sources:
        found.append(document.problem(("claimant",), f"{claim.claimant!r} is neither a person in {settings.people_file} nor a source id", did_you_mean(claim.claimant, list(people) + list(corpus_sources)) or f"add {claim.claimant} to {settings.people_file}"))
    for field in ("appeared", "evidence"):
        for index, quote in enumerate(getattr(claim, field)):
            if quote.source not in corpus_sources:
                found.append(document.problem((field, index, "source"), f"no source has the id {quote.source!r}", did_you_mean(quote.source, corpus_sources) or f"add {settings.sources_dir}/{quote.source}.yaml"))
            if quote.said_by and quote.said_by not in people:
                found.append(document.problem((field, index, "said_by"), f"{quote.said_by!r} is not in {settings.people_file}", did_you_mean(quote.said_by, people) or f"add {quote.said_by} to {settings.people_file}"))
    for index, topic in enumerate(claim.topics):
        if reserved := _reserved_problem(document, ("topics", index), topic_slug(topic), "topic", repr(topic)):
            found.append(reserved)
    for index, key in enumerate(claim.people):
        if key not in people:
            found.append(document.problem(("people", index), f"{key!r} is not in {settings.people_file}", did_you_mean(key, people) or f"add {key} to {settings.people_file}"))
    for index, correction in enumerate(claim.corrections):
        if correction.previous_verdict and correction.previous_verdict not in scale.keys:
            found.append(document.problem(("corrections", index, "previous_verdict"), f"expected a rating of the scale; found {correction.previous_verdict!r}", did_you_mean(correction.previous_verdict, scale.keys)))
        if correction.date < claim.published:
            found.append(document.problem(("corrections", index, "date"), f"a correction dated {correction.date} comes before the check was published ({claim.published})", "check the dates"))
    if claim.claimed and claim.claimed > claim.published:
        found.append(document.problem(("claimed",), f"the claim was made on {claim.claimed}, after the check was published ({claim.published})", "check the dates"))
    if claim.updated and claim.updated < claim.published:
        found.append(document.problem(("updated",), f"updated on {claim.updated}, before it was published ({claim.published})", "check the dates"))
    if claim.rated_on and claim.rated_on > (claim.updated or claim.published):
        found.append(document.problem(("rated_on",), f"rated on {claim.rated_on}, after the check was last published ({claim.updated or claim.published})", "check the dates"))
    return found


def corroboration_problems(document: Document, claim: Claim, sources: dict[str, Source]) -> list[Problem]:
    """A check resting on the documents alone whose only other documents are of low reliability.

    The methodology's rule: a low-reliability document never counts as corroboration by itself,
    so such a check rests on one document and must say so or cite an outside reference.
    """
    if not claim.documents_only or claim.references:
        return []
    where_it_appeared = {quote.source for quote in claim.appeared}
    others = [(index, quote.source) for index, quote in enumerate(claim.evidence) if quote.source not in where_it_appeared]
    rated = [(index, sources[source_id]) for index, source_id in others if source_id in sources]
    if not rated or any(source.corroborates for _, source in rated):
        return []
    index, source = rated[0]
    names = ", ".join(dict.fromkeys(s.id for _, s in rated))
    return [document.problem(
        ("evidence", index, "source"),
        f"the check rests on the documents alone, and its only other documents ({names}) are of low reliability,"
        " which never count as corroboration by themselves",
        "add an outside reference (primary first), or say in the explanation that the check rests on one document",
        severity="warning",
    )]


def future_date_problem(document: Document, at: tuple, when: Optional[dt.date], today: dt.date) -> Optional[Problem]:
    """A date after today: almost always a mistyped year (2205 for 2025, 2031 for 2021)."""
    if when is None or when <= today:
        return None
    return document.problem(at, f"the date {when.isoformat()} is in the future (today is {today.isoformat()})", "check the year")


def future_date_problems(document: Document, *dated: tuple, today: dt.date) -> list[Problem]:
    return [p for at, when in dated if (p := future_date_problem(document, at, when, today))]


def claim_date_problems(document: Document, claim: Claim, sources: dict[str, Source], today: dt.date) -> list[Problem]:
    """Dates of a claim after today, and a check published before a source it quotes the claim from."""
    dated = [(("published",), claim.published), (("claimed",), claim.claimed), (("updated",), claim.updated), (("rated_on",), claim.rated_on)]
    dated += [(("corrections", index, "date"), correction.date) for index, correction in enumerate(claim.corrections)]
    dated += [(("references", index, "accessed"), reference.accessed) for index, reference in enumerate(claim.references)]
    found = future_date_problems(document, *dated, today=today)
    seen: set = set()
    for quote in claim.appeared:
        source = sources.get(quote.source)
        if source is None or source.id in seen or source.published is None or source.date_precision == "approximate" or source.published > today:
            continue  # a source in the future is reported on its own record, once
        seen.add(source.id)
        if claim.published < source.published:
            found.append(document.problem(
                ("published",), f"the check is dated {claim.published}, before {source.id} (where the claim appeared) was published on {source.published}",
                "check the year of both dates: a claim cannot be checked before it was made",
            ))
        if claim.claimed and claim.claimed < source.published and quote.source == claim.claimant:
            found.append(document.problem(
                ("claimed",), f"the claim is dated {claim.claimed}, before its source {source.id} was published on {source.published}",
                "check the year of both dates",
            ))
    return found


def _verdict_bool_problem(document: Document) -> Optional[Problem]:
    verdict = document.data.get("verdict")
    if isinstance(verdict, bool):
        word = "false" if verdict is False else "true"
        return document.problem(("verdict",), f"the verdict was read as the yes/no value {word}, not as the rating {word!r}", f"write verdict: \"{word}\" (in quotes), because YAML reads bare true/false/yes/no as yes/no values")
    return None


@kept_results.per_item(lambda checked: checked[0].path)
def _schema_problems(checked: tuple[Document, str]) -> list[Problem]:
    """Whether the document is a mapping that matches its schema (by name): every way it does not."""
    document, name = checked
    bad = _mapping_problem(document)
    if bad:
        return [bad]
    special = _verdict_bool_problem(document) if name == "claim" else None
    found = schema(name).problems(document)
    if special:  # it says more than the schema's "expected one of ..." for the same field
        found = [special] + [p for p in found if p.field != "verdict"]
    return found


def _built_claim(document: Document, sources: dict[str, Source]) -> tuple[Claim, list[Problem]]:
    """``build_claim``, kept while serving: a claim is made from its file and the sources it quotes."""
    quoted = tuple(sources.get(raw["source"]) for field in ("appeared", "evidence") for raw in document.data.get(field) or ())
    return _claim_quoting((document, quoted))


@kept_results.per_item(lambda quoting: quoting[0].path)
def _claim_quoting(quoting: tuple[Document, tuple[Optional[Source], ...]]) -> tuple[Claim, list[Problem]]:
    """``build_claim`` of a file given only the sources it quotes (None for an id that is not a source)."""
    document, quoted = quoting
    return build_claim(document, {source.id: source for source in quoted if source})


def build_corpus(loaded: Loaded, settings: Settings) -> tuple[Optional[Corpus], list[Problem]]:
    problems: list[Problem] = []

    def schema_ok(document: Document, name: str) -> bool:
        found = _schema_problems((document, name))
        problems.extend(found)
        return not found

    people: dict[str, Person] = {}
    if loaded.people and schema_ok(loaded.people, "people"):
        for key, raw in loaded.people.data.items():
            if reserved := _reserved_problem(loaded.people, (key,), key, "person's key"):
                problems.append(reserved)
            people[key] = Person(key=key, name=raw["name"], kind=raw.get("kind", "person"), role=raw.get("role", ""), same_as=tuple(raw.get("same_as") or ()), position=_position(loaded.people, (key,)))
    subjects: list[Subject] = []
    if loaded.subjects and schema_ok(loaded.subjects, "subjects"):
        for key, raw in loaded.subjects.data.items():
            subject, found = build_subject(key, raw, loaded.subjects.problem)
            subjects.append(subject)
            problems.extend(found)

    problems.extend(_id_problems(loaded.sources, "source"))
    problems.extend(_id_problems(loaded.claims, "claim"))
    problems.extend(exact_copy_problems(loaded.claims))

    today = dt.date.today()
    sources: dict[str, Source] = {}
    for document in loaded.sources:
        if schema_ok(document, "source"):
            source, found = build_source(document, settings)
            problems.extend(found)
            if source:
                sources[source.id] = source
                problems.extend(future_date_problems(document, (("published",), source.published), (("accessed",), source.accessed), today=today))
    source_docs = {file_id(d): d for d in loaded.sources}
    for source in sources.values():
        if source.copies and source.copies not in source_docs:
            problems.append(source_docs[source.id].problem(("copies",), f"no source has the id {source.copies!r}", did_you_mean(source.copies, source_docs)))

    claims: list[Claim] = []
    known_sources = set(source_docs)  # a source with its own errors is reported once, not per claim
    known_people = set(people)  # likewise a person whose record in people.yaml has errors
    if loaded.people and isinstance(loaded.people.data, dict):
        known_people |= {str(key) for key in loaded.people.data}
    elif loaded.people is None and settings.path(settings.people_file).is_file():
        # people.yaml could not be read (its own located error says why): every claim naming
        # someone would otherwise be told to add a person the file may well hold.
        known_people = _Everyone()
    for document in loaded.claims:
        if not schema_ok(document, "claim"):
            continue
        claim, found = _built_claim(document, sources)
        problems.extend(found)
        problems.extend(_reference_problems(document, claim, known_sources, known_people, settings))
        problems.extend(claim_date_problems(document, claim, sources, today))
        problems.extend(corroboration_problems(document, claim, sources))
        claims.append(claim)

    if any(p.is_error for p in problems):
        # Still verify the quotes of every claim that could be built, so that one run reports
        # every error: a verdict typo in one claim must not hide a changed quote in another.
        checkable = tuple(c for c in claims if all(q.source in sources for q in c.quotes))
        partial = Corpus(claims=checkable, sources=tuple(sources.values()), people=tuple(people.values()), subjects=tuple(subjects), scale=settings.scale)
        problems.extend(verify_quotes(partial)[1])
        return None, problems
    corpus = Corpus(claims=tuple(claims), sources=tuple(sources.values()), people=tuple(people.values()), subjects=tuple(subjects), scale=settings.scale)
    return corpus, problems
