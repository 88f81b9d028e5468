"""Whether a rule or fact applies to a document: its ``when`` conditions (region, authority,
org type, stage…). A condition naming several paths holds when any of them does, because
each kind of document names the same thing differently (所在省 / 推荐省 / 推荐单位名称).
"""

from __future__ import annotations

from collections.abc import Iterable

from smedesk.forms.walk import PathError, resolve
from smedesk.schemes import fmt
from smedesk.schemes.model import Condition


def _get(doc: object, path: str) -> object:
    try:
        return resolve(doc, path)
    except PathError:
        return None


def _holds(doc: object, cond: Condition) -> bool:
    for path in cond.all_paths():
        value = _get(doc, path)
        if cond.equals is not None and fmt.key_of(value) == cond.equals:
            return True
        if cond.contains is not None and cond.contains in fmt.text(value):
            return True
    return False


def applies(doc: object, conditions: Iterable[Condition]) -> bool:
    """Every condition holds (none: always)."""
    return all(_holds(doc, c) for c in conditions)
