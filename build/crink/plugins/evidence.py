"""Datasette plugin (read-only): show evidence sentences with the extracted span marked.

An `evidence` cell holds JSON {"before", "span", "after"}; a `snippet` cell holds full-text
search output with the match between \\x02 and \\x03. Both are HTML-escaped first, so article
text can never inject markup; only our <mark> tags are added.
"""

import json

from datasette import hookimpl
from markupsafe import Markup, escape


def render_evidence(value: str):
    try:
        parts = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(parts, dict) or set(parts) != {"before", "span", "after"}:
        return None
    before, span, after = (escape(parts[k] or "") for k in ("before", "span", "after"))
    return Markup(f'<span class="evidence">{before}<mark>{span}</mark>{after}</span>')


def render_snippet(value: str):
    text = str(escape(value))
    return Markup(text.replace("\x02", "<mark>").replace("\x03", "</mark>"))


@hookimpl
def render_cell(value, column):
    if not isinstance(value, str):
        return None
    if column == "evidence" and value.startswith("{"):
        return render_evidence(value)
    if column == "snippet" and "\x02" in value:
        return render_snippet(value)
    return None

