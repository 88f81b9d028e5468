"""Where each kind of document keeps the facts a list shows without opening it.

The store copies these into indexed columns on every save (统一社会信用代码, the organisation's
name), so lists of hundreds of applications, a round's cross-checks and searches read columns
instead of loading documents. Plain data, no models imported: the store reads it at start-up
on a worker thread, and importing the form models there would slow the first screen.
A test checks every path against the models' fields.
"""

from __future__ import annotations

from typing import Any

#: kind → {"uscc": path, "organisation": path}; paths are dotted keys from the top.
SUMMARY_PATHS: dict[str, dict[str, str]] = {
    "application-report": {
        "uscc": "form.basic.uscc",
        "organisation": "form.basic.applicant_name",
    },
    "creation-application": {
        "uscc": "applicant.uscc",
        "organisation": "applicant.applicant_name",
    },
    "recommendation-form": {"organisation": "operator_name"},
    "recommendation-summary": {"organisation": "authority_name"},
    "expert-opinion": {"organisation": "applicant_name"},
    "panel-opinion": {"organisation": "applicant_name"},
}

#: Longest value kept in a summary column (the columns' sizes in the store).
SUMMARY_LIMITS = {"uscc": 18, "organisation": 500}


def summary_values(kind: str, data: dict[str, Any]) -> dict[str, str | None]:
    """``{"uscc": …, "organisation": …}`` read from ``data`` (None where absent or not text)."""
    out: dict[str, str | None] = dict.fromkeys(SUMMARY_LIMITS)
    for name, path in SUMMARY_PATHS.get(kind, {}).items():
        node: Any = data
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, str) and node.strip():
            out[name] = node.strip()[: SUMMARY_LIMITS[name]]
    return out
