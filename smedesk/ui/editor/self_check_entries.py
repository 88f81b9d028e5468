"""What the self-check panel lists: findings, one entry per missing field.

An empty required field is found twice — by the completeness check (citing the paper
form) and by the rule that needs the value (citing its article) — but it is one thing
for the user to do. :func:`merge_missing` shows it once, with every citation under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from smedesk.schemes import Citation, Finding


@dataclass
class Entry:
    finding: Finding  # the one shown and navigated to
    citations: list[Citation] = field(default_factory=list)


def merge_missing(findings: Sequence[Finding]) -> list[Entry]:
    """Findings in order; a completeness finding and a rule's finding about the same
    missing field merged into the first of them."""
    out: list[Entry] = []
    missing: dict[tuple[object, str], Entry] = {}
    for f in findings:
        key = (f.outcome, f.path or "")
        seen = missing.get(key) if f.missing and f.path else None
        if seen is not None and _same_gap(seen.finding, f):
            if f.citation not in seen.citations:
                seen.citations.append(f.citation)
            continue
        entry = Entry(f, [f.citation])
        if f.missing and f.path:
            missing.setdefault(key, entry)
        out.append(entry)
    return out


def _same_gap(a: Finding, b: Finding) -> bool:
    # Only the completeness check repeats a rule's gap; two materials both have the path
    # "materials" and are different gaps.
    return a.group != b.group and "completeness" in (a.group, b.group)
