"""Demo data: a realistic, deterministic set of documents for trying smedesk out.

``build_demo_set()`` returns every demo document by its file name; ``write_demo_set``
writes them as indented UTF-8 JSON. Names, codes and figures are invented (the
统一社会信用代码 are valid in form but belong to no real firm). Some documents meet
their scheme and some fall short, so the self-check shows both.
"""

from __future__ import annotations

import json
from pathlib import Path

from smedesk.forms import Document
from smedesk.safe_write import write_text


def build_demo_set() -> dict[str, Document]:
    """Every demo document, keyed by its descriptive file name."""
    from smedesk.demo import creation, reports, review

    shenyang = reports.shenyang_information_platform()
    dalian = creation.dalian_professional_platform()
    return {
        "application-miit-2017-shenyang-info.json": shenyang,
        "application-tibet-lhasa.json": reports.lhasa_platform(),
        "application-casmeic-2019-shenzhen.json": reports.shenzhen_association_applicant(),
        "creation-miit-creation-hangzhou-comprehensive.json": (
            creation.hangzhou_comprehensive_platform()
        ),
        "creation-liaoning-dalian-professional.json": dalian,
        "creation-liaoning-anshan-base.json": creation.anshan_base(),
        "recommendation-form-miit-2017-shenyang.json": review.recommendation_form(shenyang),
        "recommendation-summary-2019-liaoning.json": review.recommendation_summary(shenyang),
        "expert-opinion-liaoning-dalian.json": review.expert_opinion(dalian),
    }


def document_json(doc: Document) -> str:
    """The JSON text of a document as smedesk writes it: indented, Chinese kept readable."""
    data = json.loads(doc.model_dump_json())
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_demo_set(folder: str | Path) -> list[Path]:
    """Write the demo set into ``folder`` (created if needed); returns the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, doc in build_demo_set().items():
        path = target / filename
        write_text(path, document_json(doc), what="演示文档")
        written.append(path)
    return written
