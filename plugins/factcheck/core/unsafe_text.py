"""The one rule for characters that no text field may hold, shared by the loader and the importer.

Control characters (tab, line feed and carriage return aside), NEL (U+0085), the line and
paragraph separators (U+2028, U+2029: YAML and JavaScript end a line there, and so they ended
the front matter of a page), direction marks, embeddings, overrides and isolates (U+200E-U+200F,
U+202A-U+202E, U+2066-U+2069: they reorder what a reader sees), zero-width characters (U+200B,
U+2060-U+2064, U+FEFF), interlinear annotation marks and the non-characters U+FFFE, U+FFFF.
The zero-width joiner and non-joiner (U+200D, U+200C) are letters' business in Persian
("می‌خواهم"), the Indic scripts ("क्‍ष") and emoji sequences ("👩‍💻"), so they are kept between
two characters outside ASCII (no white space, no other joiner) and refused anywhere else: at
either end of a text, beside a space, or hiding inside a Latin word ("Ru<U+200C>bio").
The loader rejects a text holding one, naming it; the importer drops them (``neutralised``).
"""

from __future__ import annotations

import re
from typing import Optional

_JOINED = "[^\x00-\x7f\\s\u200c\u200d]"  # what a joiner may stand between: a character outside ASCII, not a space
UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]"
    f"|(?<!{_JOINED})[\u200c\u200d]|[\u200c\u200d](?!{_JOINED})"
)


def first_unsafe(text: str) -> Optional[str]:
    """The first character of the rule in ``text``, or None. Printable ASCII is told at once."""
    if text.isascii() and text.isprintable():
        return None
    found = UNSAFE.search(text)
    return found.group() if found else None


def neutralised(text: str) -> str:
    """``text`` without the characters of the rule."""
    return UNSAFE.sub("", text)


def named(character: str) -> str:
    """How a message names the character: ``U+202E``."""
    return f"U+{ord(character):04X}"


_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every character that is not printable written as its escape (``\\n``,
    ``\\x1b``, ``\\u202e``), for a diagnostic that quotes what a contributor wrote: a line
    break cannot start a line of its own (a GitHub workflow command such as ``::error`` or
    ``::add-mask::``), a terminal escape cannot paint over the result, a direction override
    cannot reorder the line. Spaces stay; so do letters of every script."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _SHOWN.get(c) or _escape(c) for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def json_visible(written: str) -> str:
    """JSON text with the characters JSON leaves raw but a reader's tools may act on (DEL, the C1
    controls, line and paragraph separators, direction and zero-width characters) written as
    ``\\uXXXX`` escapes; such characters only occur inside strings, where the escape is valid."""
    if written.isascii():
        return written
    return "".join(c if c.isprintable() or c in "\n " else f"\\u{ord(c):04x}" if ord(c) < 0x10000 else _surrogates(c) for c in written)


def _surrogates(character: str) -> str:
    code = ord(character) - 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
