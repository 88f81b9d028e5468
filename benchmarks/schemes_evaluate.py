"""How long the self-check takes on a full-size application (3,000 served enterprises).

Baseline in the same run: serialising the same document with ``model_dump`` (one pass
over every field). Prints the figures and the ratio; asserts nothing.

    python benchmarks/schemes_evaluate.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from smedesk.forms import ApplicationReport, SchemeRef
from smedesk.forms.checks import uscc_check_character
from smedesk.forms.enums import Evaluation
from smedesk.forms.lists import OperationYear, ServedEnterprise
from smedesk.schemes import evaluate, load_scheme


def _uscc(i: int) -> str:
    first = f"9121010{i:010d}"
    return first + uscc_check_character(first)


def _document(rows: int) -> ApplicationReport:
    doc = ApplicationReport(scheme=SchemeRef(id="miit-2017", version="2017.1"))
    doc.form.operations = [
        OperationYear(year=2022, smes_served=2800),
        OperationYear(year=2023, smes_served=3000),
    ]
    doc.served_enterprises = [
        ServedEnterprise(
            name=f"沈阳企业{i}有限公司",
            uscc=_uscc(i),
            contact="张三",
            phone="024-23456789",
            service_content="政策咨询",
            service_date=dt.date(2023, 5, 1),
            evaluation=Evaluation.SATISFIED,
        )
        for i in range(rows)
    ]
    return doc


def _median_ms(fn: object, runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    doc = _document(3000)
    scheme = load_scheme("miit-2017")
    evaluate(doc, scheme)  # warm caches
    check_ms = _median_ms(lambda: evaluate(doc, scheme))
    dump_ms = _median_ms(lambda: doc.model_dump())
    print(f"evaluate, 3,000 served enterprises: {check_ms:.1f} ms (median of 15)")
    print(f"baseline model_dump of the same document: {dump_ms:.1f} ms")
    print(f"ratio: {check_ms / dump_ms:.2f}x")


if __name__ == "__main__":
    main()
