"""LibCST's parse of a long text, in parts: the same tree, at a cost that stays linear.

LibCST's parser takes more time a character as the text grows (a megabyte costs about
twice what ten parts of a tenth cost), so a text longer than ``PART`` is cut at the
starts of module-level statements (from Python's parser), each part is parsed alone and
the parts' statements are put in one ``Module``. What a part holds before its first
statement (and the part before it after its last) becomes that statement's leading
lines, so the module's code is the text, byte for byte. Should the parts disagree on
what LibCST infers for the whole module (its indentation, its line ending) or a part be
refused, the text is parsed whole, as before.
"""

from __future__ import annotations

import ast
from typing import Optional

import libcst as cst

from .refusals import LINES

PART = 100_000  # characters


def parse(text: str) -> cst.Module:
    """The module LibCST makes of ``text`` (raises what ``cst.parse_module`` raises)."""
    if len(text) <= 2 * PART:
        return cst.parse_module(text)
    return _in_parts(text) or cst.parse_module(text)


def _in_parts(text: str) -> Optional[cst.Module]:
    cuts = _cuts(text)
    if cuts is None or len(cuts) < 3:
        return None
    try:
        parts = [cst.parse_module(text[start:end]) for start, end in zip(cuts, cuts[1:])]
    except Exception:  # the whole text decides: it may be refused, or its error be placed
        return None
    first = parts[0]
    if any((p.default_indent, p.default_newline) != (first.default_indent, first.default_newline) for p in parts):
        return None
    body: list[cst.BaseStatement] = list(first.body)
    carried = list(first.footer)
    for part in parts[1:]:
        if not part.body:
            return None
        lead = part.body[0]
        lines = [*carried, *part.header, *lead.leading_lines]
        body += [lead.with_changes(leading_lines=lines), *part.body[1:]]
        carried = list(part.footer)
    return first.with_changes(body=body, footer=carried, has_trailing_newline=parts[-1].has_trailing_newline)


def _cuts(text: str) -> Optional[list[int]]:
    """Offsets where parts start (the first 0, the last the text's end): at the first line
    of a module-level statement, once a part holds ``PART`` characters."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    starts = [0]
    offset, line = 0, 1
    lines = LINES.findall(text)  # Python's own line breaks, as its line numbers count them
    previous_end = 0
    for statement in tree.body:
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", ()))])
        if first > previous_end:  # not on the line where the one before ends
            while line < first:
                offset += len(lines[line - 1])
                line += 1
            if offset - starts[-1] >= PART:
                starts.append(offset)
        previous_end = statement.end_lineno or statement.lineno
    starts.append(len(text))
    return starts
