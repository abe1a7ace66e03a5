"""Writes the rule pages from the rule table: ``rules/CODE.md`` and ``rules/index.md``.

Run by Sphinx when the builder starts (``builder-inited``), before any source is
read, so every code in ``flake8_winsock.rules.RULES`` has its page: a rule the table
gains appears in the next build, one it loses is deleted. The page text itself is
``flake8_winsock.rules.rule_markdown``, the same text ``--explain`` prints and SARIF
carries. The generated files are git-ignored (``docs/.gitignore``).
"""

from __future__ import annotations

from pathlib import Path

from flake8_winsock.rules import RULES, Rule, rule_markdown

RULES_DIR = "rules"
_GENERATED = "<!-- Generated from flake8_winsock/rules.py by docs/_ext/rule_pages.py: do not edit. -->\n\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def index_markdown(rules: dict[str, Rule]) -> str:
    """The rules index: a table of every code, and the (hidden) toctree of their pages."""
    rows = [
        f"| [{code}]({code}.md) | {_cell(rule.name)} | {_cell(rule.summary)} "
        f"| {'on' if rule.default else 'off'} | {'yes' if rule.fixable else 'no'} |"
        for code, rule in sorted(rules.items())
    ]
    toctree = "\n".join(sorted(rules))
    return (
        "# Rules\n\n"
        "Every code the plugin reports. Each page says what the rule finds, why it matters "
        "on Windows, what to write instead, and whether a fix exists. flake8 reports a "
        "finding at the start of the offending call; `# noqa: CODE` on that line "
        "silences it.\n\n"
        "| Code | Name | Finding | Default | Fix |\n"
        "|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n```{toctree}\n:hidden:\n\n"
        + toctree
        + "\n```\n"
    )


def render(rules: dict[str, Rule] | None = None) -> dict[str, str]:
    """File name (inside ``rules/``) -> Markdown, for every rule and the index."""
    rules = RULES if rules is None else rules
    pages = {f"{code}.md": _GENERATED + rule_markdown(rule) for code, rule in rules.items()}
    pages["index.md"] = _GENERATED + index_markdown(rules)
    return pages


def write_pages(directory: Path, rules: dict[str, Rule] | None = None) -> list[Path]:
    """Write the pages into ``directory``; rewrite only what changed; drop stale ones."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = render(rules)
    written = []
    for name, text in pages.items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    for stale in directory.glob("*.md"):
        if stale.name not in pages and stale.read_text(encoding="utf-8").startswith(_GENERATED):
            stale.unlink()
    return written


def _on_builder_inited(app) -> None:  # noqa: ANN001 - sphinx.application.Sphinx
    write_pages(Path(app.srcdir) / RULES_DIR)


def setup(app) -> dict:  # noqa: ANN001
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
