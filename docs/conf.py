"""Sphinx configuration: MyST Markdown, the furo theme, rule pages from the rule table."""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The checkout's package, not whatever version is installed; and the local extension.
sys.path[:0] = [str(DOCS.parent), str(DOCS / "_ext")]

import flake8_winsock  # noqa: E402

project = "flake8-winsock"
author = "flake8-winsock developers"
copyright = "flake8-winsock developers"
release = version = flake8_winsock.__version__

extensions = [
    "myst_parser",
    "rule_pages",  # docs/_ext/rule_pages.py: writes rules/*.md from flake8_winsock.rules
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", ".gitignore"]

# Headings get anchors, so guides can link to a section: [x](configuration.md#the-w-prefix).
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"flake8-winsock {release}"
pygments_style = "sphinx"
pygments_dark_style = "monokai"
