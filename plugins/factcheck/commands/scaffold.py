"""What `factcheck new` and `factcheck new-source` share: ids, the schema modeline, YAML writing, what the site holds."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

import yaml

from ..core.load import is_inside, load_file
from ..core.model import Source
from ..core.safe_files import LinkRefused, refuse_links, write_file
from ..core.settings import Settings
from ..core.validate import build_source, file_id, schema, slug, yaml_files

if TYPE_CHECKING:
    from .terminal import Asker

# Where an editor's YAML language server finds the schemas when the package is installed outside
# the repository (a wheel in site-packages): the copies published with the source code.
SCHEMA_URL = "https://raw.githubusercontent.com/mkdocs-factcheck/mkdocs-factcheck/main/plugins/factcheck/schemas/{name}.schema.json"

MAX_ID_WORDS = 7
MAX_ID_LENGTH = 60

_THOUSANDS = re.compile(r"(?<=\d)[,.\u202f\u00a0](?=\d{3}\b)")  # 300,000 -> 300000, so a number stays one word

# Words that carry little meaning in an id; an id made only of them keeps them.
_FILLER = frozenset(
    "a an and are as at be been but by for from had has have he her his i in is it its of on or our "
    "said says she that the their them they this to was we were which who will with would".split()
)



class ScaffoldError(Exception):
    """A value a contributor gave cannot be used; the message says why and what to do."""


class MissingOptions(ScaffoldError):
    """Required options were not given and there is no terminal to ask in (exit status 2)."""


def propose_id(text: str, taken: Iterable[str], max_words: int = MAX_ID_WORDS) -> str:
    """A short, readable, unused id from the words of ``text``: filler words dropped, -2, -3… when taken."""
    words = slug(_THOUSANDS.sub("", text)).split("-")
    meaningful = [w for w in words if w not in _FILLER] or words
    base = ""
    for word in meaningful[:max_words]:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > MAX_ID_LENGTH:
            break
        base = candidate
    base = base or slug(text)[:MAX_ID_LENGTH].strip("-") or "item"
    taken = {t.casefold() for t in taken}
    proposal, number = base, 2
    while proposal.casefold() in taken:
        proposal, number = f"{base}-{number}", number + 1
    return proposal


def modeline(schema_name: str, target_dir: Path, root: Path) -> str:
    """The first line that lets YAML-aware editors check the file against its schema as it is typed.

    A path relative to the file when the packaged schema lies inside the repository (an editable
    install, as in this repository), or to the copy `factcheck init` writes into ``schemas/``;
    otherwise the published copy's address, so the line does not point into one machine's
    site-packages.
    """
    packaged = Path(str(resources.files("factcheck").joinpath("schemas", f"{schema_name}.schema.json")))
    site_copy = root / "schemas" / f"{schema_name}.schema.json"
    if site_copy.exists():
        where = Path(os.path.relpath(site_copy.resolve(), target_dir.resolve())).as_posix()
    elif packaged.exists() and is_inside(packaged.resolve(), root.resolve()):
        where = Path(os.path.relpath(packaged.resolve(), target_dir.resolve())).as_posix()
    else:
        where = SCHEMA_URL.format(name=schema_name)
    return f"# yaml-language-server: $schema={where}"


class _Dumper(yaml.SafeDumper):
    """Safe YAML with multi-line text as literal blocks and lists indented under their field, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: dict[str, Any], first_line: str = "") -> str:
    """YAML text for a record: fields in the given order, text quoted wherever YAML would misread it.

    ``safe_dump`` quotes ``"true"``, ``"no"``, ``"2025-06-01"`` and the like, so a verdict stays text.
    """
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"{first_line}\n{body}" if first_line else body


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word (when one ends in its second half) to fit ``limit``
    characters, with an ellipsis when cut: the default headline of a new or imported claim."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "\u2026"


def write_new(path: Path, text: str, force: bool, root: Path) -> None:
    """Write ``text`` to ``path`` inside the repository, refusing to overwrite unless ``force``."""
    try:
        refuse_links(path, root)  # a link is named as a link, forced or not (issue 24)
        if path.exists() and not force:
            raise ScaffoldError(f"{relative_to(path, root)} already exists; choose another id, or pass --force to overwrite it")
        write_file(path, text, replace=force, root=root)  # never through a link
    except LinkRefused as error:
        raise ScaffoldError(error.described()) from None


def relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class KnownSource:
    """A source record that validates, with its archived text, or the reason it cannot be used."""

    id: str
    source: Optional[Source]
    trouble: str = ""

    def describe(self) -> str:
        if self.source is None:
            return f"{self.id}  (cannot be quoted yet: {self.trouble})"
        s = self.source
        return f"{self.id}  {s.publisher}, {s.published}: {s.title}"


def known_sources(settings: Settings) -> dict[str, KnownSource]:
    """Every source of the site by id, each read and checked on its own so one bad file hides nothing else."""
    found: dict[str, KnownSource] = {}
    for path in yaml_files(settings.path(settings.sources_dir)):
        document, problems = load_file(path, settings.root, settings.max_file_bytes)
        source_id = path.stem
        if document is None or not isinstance(document.data, dict):
            found[source_id] = KnownSource(source_id, None, str(problems[0]) if problems else "not a mapping of fields")
            continue
        problems = schema("source").problems(document)
        source = None
        if not problems:
            source, problems = build_source(document, settings)
        found[file_id(document)] = KnownSource(file_id(document), source, str(problems[0]) if problems and source is None else "")
    return found


def known_people(settings: Settings) -> dict[str, str]:
    """People keys and names from the people file; empty when it is missing or unreadable."""
    path = settings.path(settings.people_file)
    if not path.exists():
        return {}
    document, _ = load_file(path, settings.root, settings.max_file_bytes)
    if document is None or not isinstance(document.data, dict):
        return {}
    return {str(k): str(v.get("name", k)) if isinstance(v, dict) else str(k) for k, v in document.data.items()}


def existing_ids(folder: Path) -> set[str]:
    return {p.stem for p in yaml_files(folder)}


def write_and_report(make: "Callable[[], Path]", settings: Settings, out: "Asker") -> int:
    """Run one scaffolding command: ``make`` gathers the answers and writes the file.

    Exit status 2 when options are missing and nobody can be asked, 1 on any other refusal or
    when the user stops, else what the checks of the written file say.
    """
    try:
        path = make()
    except ScaffoldError as error:
        out.say(f"error: {error}", "red")
        return 2 if isinstance(error, MissingOptions) else 1
    except (EOFError, KeyboardInterrupt):
        out.say("\nstopped; nothing was written", "yellow")
        return 1
    return report_written(path, settings, out)


def report_written(path: Path, settings: Settings, out: "Asker") -> int:
    """Say what was written, then run every check and show the ones about the new file."""
    from ..core.pipeline import check
    from ..core.problems import errors

    written = relative_to(path, settings.root)
    print(written)  # on standard output, for scripts
    checked = check(settings)
    mine = [p for p in checked.problems if p.path == written or p.path.startswith(written.rsplit(".", 1)[0] + ".")]
    for problem in mine:
        out.say(str(problem), "red" if problem.is_error else "yellow")
    if errors(mine):
        out.say(f"wrote {written}, but it has {len(errors(mine))} error(s): fix them, then run: factcheck validate", "red")
        return 1
    others = len(errors(checked.problems))
    if others:
        out.say(f"wrote {written}; other files have {others} error(s), so not every check could run: see factcheck validate", "yellow")
        return 0
    out.say(f"wrote {written}: it passes validation" + (f", with {len(mine)} warning(s)" if mine else ""), "green")
    return 0


# ----------------------------------------------------------------------------- values from options or questions

Check = Callable[[str], Optional[str]]  # what is wrong with a value, or None when it is fine


def value_of(given: Optional[str], default: Optional[str], check: Check, asker: "Optional[Asker]", ask: "Callable[[Asker, Check], str]") -> str:
    """The given value when it passes its check; otherwise ask (in a terminal), take the default, or stop with the reason."""
    if given is not None:
        problem = check(given)
        if problem is None:
            return given
        if asker is None:
            raise ScaffoldError(problem)
        asker.say(problem, "red")
        return ask(asker, check)
    if asker is not None:
        return ask(asker, check)
    if default is None:
        raise MissingOptions("missing a value")  # the commands list missing options before getting here
    problem = check(default) if default else None
    if problem is not None:
        raise ScaffoldError(problem)
    return default


def missing_options(args: Any, names: Iterable[str]) -> None:
    """Stop with the list of required options not given, when there is no terminal to ask in."""
    missing = [f"--{name.replace('_', '-')}" for name in names if getattr(args, name) is None]
    if missing:
        raise MissingOptions(f"missing {', '.join(missing)} (give them as options, or run the command in a terminal to be asked)")


def check_text(what: str, limit: int) -> Check:
    def check(value: str) -> Optional[str]:
        if not value.strip():
            return f"{what} is empty"
        if len(value) > limit:
            return f"{what} has {len(value)} characters; at most {limit} fit"
        return None

    return check


def check_id(taken: set[str], folder: str, force: bool) -> Check:
    def check(value: str) -> Optional[str]:
        if slug(value) != value:
            return f"an id is lower-case letters, digits and single hyphens; try {slug(value)!r}"
        if len(value) > 80:
            return "an id has at most 80 characters"
        if value in taken and not force:
            return f"{folder}/{value}.yaml already exists; choose another id, or pass --force to overwrite it"
        return None

    return check
