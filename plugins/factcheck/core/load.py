"""Read YAML files safely into plain values, keeping where each value was written.

Only this module reads the contributors' files. It uses PyYAML's safe composer (libyaml's when
present and it limits nesting itself), rejects every tag that is not plain data, bounds alias
expansion, nesting and file size, and reports duplicate keys, which PyYAML would otherwise accept
silently.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import yaml

from .problems import Problem
from .reuse import kept_results
from .unsafe_text import UNSAFE, named



def _limits_nesting(loader: type) -> bool:
    """Whether ``loader`` refuses deep nesting itself: libyaml 0.2.5 stops at 1,000 levels with
    an error (PyYAML >= 6.0.4's wheels carry it). An older libyaml composes by recursion in C
    and a file of some 50,000 '[' crashes the process; the pure-Python parser raises
    RecursionError instead, which ``parse`` reports."""
    try:
        yaml.compose("[" * 1_001 + "]" * 1_001, Loader=loader)
    except yaml.MarkedYAMLError:
        return True
    except RecursionError:
        return False
    return False


# libyaml's safe loader when present and it limits nesting (several times faster than the
# pure-Python parser on claim-sized files); otherwise PyYAML's own, which fails safely.
_SafeLoader: type = yaml.SafeLoader
if getattr(yaml, "CSafeLoader", None) is not None and _limits_nesting(yaml.CSafeLoader):
    _SafeLoader = yaml.CSafeLoader


MAX_FILE_BYTES = 256 * 1024
MAX_NODES = 20_000  # nodes visited per file, aliases included: bounds "billion laughs"
MAX_DEPTH = 32

# Characters no text of a claim needs, which break the YAML front matter of a page or hide
# text from the reader: C0 controls but tab and line breaks, DEL, C1 controls, non-characters.
_CONTROL = UNSAFE  # one rule with the importer (unsafe_text.py)
_KEY_BREAK = re.compile("[\t\n\r]")  # allowed in a text, not in a field name

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

FieldPath = tuple  # of str keys and int indexes


@dataclass
class Document:
    """One YAML file's data, with the line and column (1-based) of every field."""

    path: str  # repository-relative, with forward slashes
    data: Any
    marks: dict = field(default_factory=dict)  # FieldPath -> (line, column)
    dates: Optional[tuple[FieldPath, ...]] = None  # where the data holds dates, when known

    def where(self, at: FieldPath = ()) -> tuple[int, int]:
        """Line and column of a field, or of the nearest enclosing field that has a mark."""
        at = tuple(at)
        while at not in self.marks and at:
            at = at[:-1]
        return self.marks.get(at, (1, 1))

    def problem(self, at: FieldPath, message: str, hint: str = "", severity: str = "error") -> Problem:
        line, column = self.where(at)
        return Problem(self.path, line, column, dotted(at), message, hint, severity)


def dotted(at: FieldPath) -> str:
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _TooBig(Exception):
    """The file expands too far; ``node`` is where the limit was passed."""

    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.node = node


# The constructors of the plain scalar tags, called directly: construct_object's bookkeeping
# (recursion guard, cache per node) is for collections, and cost a third of converting a file.
_SCALAR_CONSTRUCTORS = {
    tag: yaml.constructor.SafeConstructor.yaml_constructors[tag]
    for tag in _PLAIN_TAGS - {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
}
_STR = "tag:yaml.org,2002:str"


class _Converter:
    """Turns a composed node tree into plain values, recording marks and problems."""

    def __init__(self, path: str):
        self.path = path
        self.marks: dict = {}
        self.dates: list[FieldPath] = []
        self.problems: list[Problem] = []
        self.visited = 0
        self._scalars = yaml.constructor.SafeConstructor()

    def _problem(self, node: yaml.Node, at: FieldPath, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, dotted(at), message, hint)
        )

    def convert(self, node: yaml.Node, at: FieldPath = (), depth: int = 0) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooBig(f"the file expands to more than {MAX_NODES:,} values (aliases included)", node)
        if depth > MAX_DEPTH:
            raise _TooBig(f"the file nests more than {MAX_DEPTH} levels deep", node)
        mark = node.start_mark
        self.marks.setdefault(at, (mark.line + 1, mark.column + 1))
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode and _without_control(node.value):
            return node.value  # text, the most common value: what _scalar would make of it
        if tag not in _PLAIN_TAGS:
            self._problem(
                node, at, f"the YAML tag {tag!r} is not allowed",
                "only plain data is read: remove the tag (anything starting with '!')",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, at + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, at)

    def _mapping(self, node: yaml.MappingNode, at: FieldPath, depth: int) -> dict:
        result: dict = {}
        marks = self.marks
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, at, "merge keys ('<<') are not allowed", "write the fields out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, at, "a field name must be plain text")
                continue
            key = str(key_node.value)
            field_at = at + (key,)
            bad = _CONTROL.search(key) or _KEY_BREAK.search(key)
            if bad:  # a field name is checked like a value: it is printed in every report (issue 24)
                character = bad.group()
                self._problem(key_node, at, f"the field name '{key.encode('unicode_escape').decode('ascii')[:60]}' holds the character {named(character)}",
                              "field names are plain words: remove it")
                continue
            if key in result:
                line = marks.get(field_at, (0, 0))[0]
                self._problem(
                    key_node, field_at, f"the field {key!r} is given twice (first on line {line})",
                    "keep one of them",
                )
                continue
            mark = key_node.start_mark
            marks[field_at] = (mark.line + 1, mark.column + 1)
            if (
                value_node.tag == _STR and type(value_node) is yaml.ScalarNode
                and self.visited < MAX_NODES and depth < MAX_DEPTH and _without_control(value_node.value)
            ):
                self.visited += 1  # text within the limits: what convert() would give (the field's mark is set)
                result[key] = value_node.value
            else:
                result[key] = self.convert(value_node, field_at, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, at: FieldPath) -> Any:
        tag = node.tag
        try:
            constructor = _SCALAR_CONSTRUCTORS.get(tag)
            value = constructor(self._scalars, node) if constructor else self._scalars.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError, OverflowError) as error:
            if tag == "tag:yaml.org,2002:timestamp":
                self._problem(node, at, f"{node.value!r} is not a real date", "write a date that exists, as YYYY-MM-DD")
            elif tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                self._problem(node, at, f"{_clip(node.value)!r} is not a number that can be used", "write the figure in digits, or put it in quotes as text")
            else:
                self._problem(node, at, f"{_clip(node.value)!r} could not be read ({_clip(str(error))})")
            return None
        if isinstance(value, str):
            if control := _CONTROL.search(value):
                self._problem(
                    node, at, f"the text holds the character {named(control.group())} (a control, line-separator, direction or zero-width character)",
                    "remove it: only letters, punctuation, spaces, tabs and line breaks belong in the text",
                )
                return None
            return value
        if isinstance(value, dt.date):
            self.dates.append(at)
            return value.date() if isinstance(value, dt.datetime) else value
        if isinstance(value, float) and not math.isfinite(value):
            self._problem(node, at, f"{node.value!r} is not a finite number", "write the figure in digits, or put it in quotes as text")
            return None
        return value


def _without_control(text: str) -> bool:
    """No character of ``_CONTROL`` in the text. Printable ASCII, which most values are, has none
    and is told at once, without the pattern."""
    return (text.isascii() and text.isprintable()) or not _CONTROL.search(text)


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def parse(text: str, path: str) -> tuple[Optional[Document], list[Problem]]:
    """Parse YAML text; on failure return None and the located problems."""
    if text.startswith("\ufeff"):
        return None, [Problem(path, 1, 1, "", "the file starts with a byte-order mark", "save it as UTF-8 without BOM")]
    if not text.strip():
        return None, [Problem(path, 1, 1, "", "the file is empty", "fill in the fields, or delete the file")]
    try:
        nodes = list(yaml.compose_all(text, Loader=_SafeLoader))
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"the file holds the character U+{ord(text[error.position]) if error.position < len(text) else 0:04X}, which YAML does not allow"
        return None, [Problem(path, line, column, "", message, "remove it: it is invisible, and often comes with text pasted from elsewhere")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "maximum nesting depth" in str(error.problem):  # libyaml's own limit (see _limits_nesting)
            return None, [_too_deep(path, line, column)]
        message = f"this is not valid YAML: {error.problem or error.context}"
        hint = _yaml_hint(text, line, str(error.problem))
        return None, [Problem(path, line, column, "", message, hint)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, "", f"this is not valid YAML: {error}")]
    except RecursionError:  # the pure-Python parser, far past MAX_DEPTH
        return None, [_too_deep(path, 1, 1)]
    if not nodes:  # only comments, or only '---'
        return None, [Problem(path, 1, 1, "", "the file holds no data, only comments", "fill in the fields, or delete the file")]
    if len(nodes) != 1:
        return None, [Problem(path, 1, 1, "", f"the file holds {len(nodes)} YAML documents, not one", "remove the '---' separators")]
    converter = _Converter(path)
    try:
        data = converter.convert(nodes[0])
    except _TooBig as error:
        mark = error.node.start_mark
        return None, [Problem(path, mark.line + 1, mark.column + 1, "", str(error), "write the values out plainly, without aliases or deep nesting")]
    if converter.problems:
        return None, converter.problems
    return Document(path, data, converter.marks, tuple(converter.dates)), []


def _too_deep(path: str, line: int, column: int) -> Problem:
    message = f"the file nests more than {MAX_DEPTH} levels deep (stopped by the YAML parser's own depth limit)"
    return Problem(path, line, column, "", message, "write the values out plainly, without deep nesting")


def _yaml_hint(text: str, line: int, problem: str) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
        return "indent with spaces, not tabs"
    if "\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values" in problem:
        return "put text containing ': ' in quotes"
    return "check the indentation and quoting on this line and the one before"


def read_text(path: Path, root: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[Optional[str], list[Problem]]:
    """Read a UTF-8 file that must lie inside ``root`` (links resolved).

    While serving, a file whose status (size, times of change, inode) is as in the last run is
    not read again: its text, or its problem, is the last run's (reuse.py). Where it leads and
    what it is are checked again every time, so a link moved out of the repository is caught.

    A symbolic link is refused wherever it leads, inside the repository or out, dangling or not,
    whether it is the file or a folder on the way to it from ``root``: a link committed by a pull
    request could otherwise publish ``.git/config`` or any other file (issue 24).
    """
    name = os.fspath(path)
    try:
        status = os.lstat(name)  # one lstat: is it a link, and (when not) its status
    except OSError:
        return None, [Problem(display, 1, 1, "", "the file does not exist")]
    link = "this file" if stat.S_ISLNK(status.st_mode) else _linked_folder(os.path.dirname(os.path.abspath(name)), _absolute(root))
    if link:
        return None, [Problem(display, 1, 1, "", f"{link} is a symbolic link; links are not read, wherever they lead",
                              "replace the link with the file itself (commit the file, not a link to it)")]
    try:
        # its folder is resolved (once) whatever it is written like: no need to normalise it here
        resolved = os.path.join(_real_folder(os.path.dirname(name)), os.path.basename(name))
    except OSError:
        return None, [Problem(display, 1, 1, "", "the file does not exist")]
    if not is_inside(resolved, root):
        return None, [Problem(display, 1, 1, "", "the file leads outside the repository", "keep every file inside the repository")]
    if not stat.S_ISREG(status.st_mode):
        return None, [Problem(display, 1, 1, "", "this is a folder or a special file, not a text file", "give the path of a file")]
    size = status.st_size
    if size > max_bytes:
        return None, [Problem(display, 1, 1, "", f"the file is {size:,} bytes; the limit is {max_bytes:,}", "split it, or raise the limit in the plugin's options")]
    return _file_text((display, resolved, size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev))


@kept_results.per_item(lambda file: file[0])
def _file_text(file: tuple) -> tuple[Optional[str], list[Problem]]:
    """The text of a file: (its name as shown, where it is, its size, times of change, inode and device)."""
    return _read_utf8(file[1], file[0])


@lru_cache(maxsize=64)
def _absolute(root: Union[Path, str]) -> str:
    """``os.path.abspath(root)``, once per root: the repository's root is the same for every file."""
    return os.path.abspath(os.fspath(root))


@lru_cache(maxsize=1024)
def _linked_folder(folder: str, root_text: str) -> str:
    """The folder between ``root`` and a file that is a symbolic link ("" when none is): once per folder and run
    (``forget_folders``), not once per file of it."""
    if not _folder_inside(folder, root_text):
        return ""  # outside the repository: refused as that
    try:
        real_root, real = _real_folder(root_text), _real_folder(folder)
    except OSError:
        return ""
    if real != os.path.normpath(os.path.join(real_root, os.path.relpath(folder, root_text))):
        return f"the folder {os.path.relpath(folder, root_text)!r} (or one above it)"
    return ""


def _read_utf8(resolved: str, display: str) -> tuple[Optional[str], list[Problem]]:
    with open(resolved, "rb") as file:
        raw = file.read()
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(display, line, column, "", f"byte 0x{raw[error.start]:02x} is not UTF-8", "save the file as UTF-8")]


def is_inside(path: Union[Path, str], root: Path) -> bool:
    """Whether a resolved path is ``root`` or lies below it (``root`` is resolved here)."""
    root_text = _real_folder(os.fspath(root))
    text = os.fspath(path)
    return text == root_text or _folder_inside(os.path.dirname(text), root_text)


@lru_cache(maxsize=1024)
def _folder_inside(folder: str, root: str) -> bool:
    folder_path, root_path = Path(folder), Path(root)
    return folder_path == root_path or root_path in folder_path.parents


def real_path(path: Path) -> Path:
    """``path.resolve(strict=True)``, with each folder resolved once per run.

    A file that is not itself a link lies where its folder really is; only links are resolved
    one by one, instead of every file in full.
    """
    return Path(_resolve(path)[0])


def _resolve(path: Union[Path, str]) -> tuple[str, Optional[os.stat_result]]:
    """``real_path(path)`` as text, and the status of the file it leads to (None when that cannot be read).

    One ``lstat`` tells whether the path is a link, and, when it is not, is the file's status.
    Kept to strings: making a Path object for each of 14,000 files, and comparing them, cost
    more than the ``lstat``.
    """
    name = os.fspath(path)
    try:
        status: Optional[os.stat_result] = os.lstat(name)
    except OSError:
        raise FileNotFoundError(path) from None
    if stat.S_ISLNK(status.st_mode):
        resolved = str(Path(name).resolve(strict=True))
        try:
            status = os.stat(resolved)
        except OSError:
            status = None
        return resolved, status
    # its folder is resolved (once) whatever it is written like: no need to normalise it here
    return os.path.join(_real_folder(os.path.dirname(name)), os.path.basename(name)), status


@lru_cache(maxsize=1024)
def _real_folder(folder: str) -> str:
    return str(Path(folder).resolve(strict=True))


def forget_folders() -> None:
    """Resolve folders afresh: called once per run, so a long `mkdocs serve` sees moved links."""
    _real_folder.cache_clear()
    _absolute.cache_clear()
    _folder_inside.cache_clear()
    _linked_folder.cache_clear()


def load_file(path: Path, root: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Optional[Document], list[Problem]]:
    """Read and parse one YAML file of the repository."""
    display = relative(path, root)
    text, problems = read_text(path, root, display, max_bytes)
    if text is None:
        return None, problems
    return _parsed((text, display))


@kept_results.per_item(lambda file: file[1])
def _parsed(file: tuple[str, str]) -> tuple[Optional[Document], list[Problem]]:
    """``parse`` of (a file's text, its name as shown); while serving, the text is the last run's
    object when unchanged (``read_text``), so comparing it costs nothing."""
    return parse(*file)


def load_files(paths: Sequence[Path], root: Path, max_bytes: int = MAX_FILE_BYTES) -> list[tuple[Optional[Document], list[Problem]]]:
    """``load_file`` for each path, in the order given."""
    return [load_file(path, root, max_bytes) for path in paths]


def relative(path: Path, root: Path) -> str:
    """``path`` from ``root``, with forward slashes; its name alone when it is not inside."""
    full, base = os.path.abspath(path), _absolute(root)
    if full == base:
        return "."
    prefix = base if base.endswith(os.sep) else base + os.sep
    if full.startswith(prefix):  # as text: two Path objects a file cost more than its lstat (~10,000 files a serve reload)
        return full[len(prefix):].replace(os.sep, "/")
    return os.path.basename(full)
