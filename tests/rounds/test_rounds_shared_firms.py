"""The served-firm cross-check: each firm claimed more than once, sorted, its claimants in the
round's order — the same answer as counting every claim, without a list per firm."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from smedesk.rounds.checks import SharedFirm, shared_firms
from smedesk.rounds.model import Entry
from smedesk.rounds.procedure import State


def _entry(doc_id: str, served: list[str]) -> Entry:
    return Entry("r", doc_id, "application-report", doc_id, doc_id, None, State.RECEIVED,
                 dt.date(2019, 6, 1), {}, tuple(served))  # fmt: skip


def test_claimants_in_round_order_and_firms_sorted() -> None:
    entries = [_entry("c", ["B", "A", "A", "Z"]), _entry("a", ["A", "Q"]),
               _entry("b", ["Z", "A", "B"])]  # fmt: skip
    assert shared_firms(entries, {"A": "甲企业"}) == [
        SharedFirm("A", "甲企业", ("c", "a", "b")),
        SharedFirm("B", "", ("c", "b")),
        SharedFirm("Z", "", ("c", "b")),
    ]
    assert shared_firms([_entry("a", ["A", "B"])]) == []


def test_same_as_counting_every_claim() -> None:
    rng = random.Random(13)
    entries = [_entry(f"d{i:02d}", [f"F{rng.randrange(300):03d}" for _ in range(rng.randrange(60))])
               for i in range(40)]  # fmt: skip
    claims: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        for uscc in dict.fromkeys(entry.served):
            claims[uscc].append(entry.doc_id)
    expected = [(u, tuple(ids)) for u, ids in sorted(claims.items()) if len(ids) > 1]
    found = shared_firms(entries)
    assert [(f.uscc, f.claimants) for f in found] == expected
    assert len(found) > 50  # the draw really shares firms
