"""Output formats of the command: text, json, sarif, github; and the rule listings.

Every rule text (names, summaries, docs, help links) comes from ``rules.RULES``.
Columns: ``Finding.col`` is 0-based like flake8's plugin API; every format here
shows it 1-based, as flake8 prints it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Sequence
from urllib.parse import quote, urlsplit

from . import __version__
from .finding import Finding
from .rules import DOCS_URL, RULES, Rule, rule_markdown

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "{0.scheme}://{0.netloc}/".format(urlsplit(DOCS_URL))


@dataclass(frozen=True)
class Report:
    """One finding as the command reports it."""

    path: str  # as shown to the user (as given, or found under a given folder)
    finding: Finding
    fix: Optional[str] = None  # "safe", "unsafe", or None when no fix exists
    line_text: str = ""  # the text of the finding's line, without its line ending


def fix_label(rule: Optional[Rule]) -> str:
    if rule is None or not rule.fixable:
        return "none"
    return "safe" if rule.fix_is_safe else "unsafe"


# --- Findings -----------------------------------------------------------------------


def text(reports: Sequence[Report]) -> str:
    return "".join(f"{r.path}:{r.finding.line}:{r.finding.col + 1}: {r.finding.message}\n" for r in reports)


def as_json(reports: Sequence[Report]) -> str:
    items = [
        {
            "path": r.path,
            "line": r.finding.line,
            "column": r.finding.col + 1,
            "end_line": r.finding.end_line or r.finding.line,
            "end_column": (r.finding.end_col if r.finding.end_line else r.finding.col) + 1,
            "code": r.finding.code,
            "message": r.finding.message,
            "fixable": r.fix is not None,
            "fix_safety": r.fix,
        }
        for r in reports
    ]
    return json.dumps(items, indent=2) + "\n"


def relative(path: str) -> str:
    """The path from the current folder, with forward slashes (``./a/b.py`` -> ``a/b.py``)."""
    if os.path.exists(path):
        path = os.path.relpath(os.path.abspath(path), os.getcwd())
    return Path(path).as_posix()


def _uri(path: str) -> str:
    """A relative URI for SARIF, resolved against %SRCROOT% (the current folder)."""
    return quote(relative(path))


def level(code: str) -> str:
    """The SARIF level: WSK900 (a file not analysed) is a warning, every finding an error."""
    return "warning" if code == "WSK900" else "error"


def fingerprint(uri: str, code: str, line_text: str) -> str:
    """A result's identity across commits: its file, its code and its line's text with
    the whitespace normalised, so that a line that moves, or is re-indented, keeps it."""
    normal = " ".join(line_text.split())
    return hashlib.sha256(f"{uri}\0{code}\0{normal}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    markdown = rule_markdown(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": markdown, "markdown": markdown},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"enabled": rule.default, "level": level(rule.code)},
        "properties": {"tags": ["windows", "winsock"], "fix": fix_label(rule)},
    }


def sarif(reports: Sequence[Report]) -> str:
    codes = list(RULES)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    seen: Counter[str] = Counter()  # identical lines with the same code in one file are told apart
    for r in reports:
        f = r.finding
        end_line, end_col = (f.end_line, f.end_col) if f.end_line else (f.line, f.col)
        uri = _uri(r.path)
        key = fingerprint(uri, f.code, r.line_text)
        seen[key] += 1
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": level(f.code),
            "message": {"text": f.text},
            "partialFingerprints": {"primaryLocationLineHash": f"{key}:{seen[key]}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.col + 1,
                            "endLine": end_line,
                            "endColumn": end_col + 1,
                        },
                    }
                }
            ],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "flake8-winsock",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_sarif_rule(RULES[code]) for code in codes],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def escape_data(value: str) -> str:
    """GitHub workflow command data: ``%``, CR and LF percent-encoded."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub workflow command property: as data, plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(reports: Sequence[Report]) -> str:
    lines = []
    for r in reports:
        f = r.finding
        props = {"file": relative(r.path), "line": f.line, "col": f.col + 1}
        if f.end_line:
            props.update(endLine=f.end_line, endColumn=f.end_col + 1)
        props["title"] = f.code
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
        lines.append(f"::{level(f.code)} {joined}::{escape_data(f.message)}\n")
    return "".join(lines)


FORMATS: dict[str, Callable[[Sequence[Report]], str]] = {
    "text": text,
    "json": as_json,
    "sarif": sarif,
    "github": github,
}


# --- Rules --------------------------------------------------------------------------


def explain(code: str) -> str:
    """``--explain CODE``: the rule's documentation, the same Markdown as its docs page."""
    return rule_markdown(RULES[code])


def list_rules() -> str:
    """``--list-rules``: one line per code: code, name, default on/off, fix."""
    width = max(len(rule.name) for rule in RULES.values())
    return "".join(
        f"{rule.code}  {rule.name:<{width}}  {'on' if rule.default else 'off':<3}  fix: {fix_label(rule)}\n"
        for rule in RULES.values()
    )
