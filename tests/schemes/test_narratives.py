"""Issue 9 item 7: figures stated in the prose against the form's own figures."""

from __future__ import annotations

import copy

import pytest

from smedesk.demo import build_demo_set
from smedesk.forms import ApplicationReport, CreationApplication
from smedesk.schemes import Outcome, evaluate, load_scheme
from smedesk.schemes.findings import Finding

DEMO = build_demo_set()


def notes(doc: object) -> list[Finding]:
    scheme = load_scheme(doc.scheme.id)  # type: ignore[attr-defined]
    return [f for f in evaluate(doc, scheme) if f.group == "narrative"]  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(DEMO))
def test_no_false_alarm_on_the_demo_documents(name: str) -> None:
    assert notes(DEMO[name]) == []


def report() -> ApplicationReport:
    doc = DEMO["application-miit-2017-shenyang-info.json"]
    assert isinstance(doc, ApplicationReport)
    return copy.deepcopy(doc)


def test_planted_contradictions_are_each_found_pointing_at_both_places() -> None:
    doc = report()
    assert doc.form.latest_smes_served == 680 and doc.form.capability.signed_partner_count == 9
    years = [y.smes_served for y in sorted(doc.form.operations, key=lambda y: y.year or 0)]
    doc.narratives.services = (
        "本平台年服务中小企业2000余家，集聚服务机构30家，满意度达到98%以上。"  # three
        f"近三年服务中小企业分别为 {years[0]}、{years[1]}、{years[2] + 100} 家。"  # one in the series
        "累计服务企业5000家。力争年服务中小企业3000家。"  # cumulative and future: no claim
    )
    doc.narratives.achievements = "用户满意率为 60%。"
    found = notes(doc)
    assert len(found) == 5, [f.message for f in found]
    by_other = {f.other_path: f for f in found}
    assert set(by_other) == {
        "form.latest_smes_served",
        "form.capability.signed_partner_count",
        f"form.operations[{_latest_index(doc)}].smes_served",
        "served_satisfaction_percent",
    }, [f.message for f in found]
    served = by_other["form.latest_smes_served"]
    assert served.outcome is Outcome.NOTE and served.path == "narratives.services"
    assert "年服务中小企业2000余家" in served.message and "680 户" in served.message
    satisfaction = [f.found for f in found if f.other_path == "served_satisfaction_percent"]
    assert sorted(satisfaction) == ["满意度达到98%以上", "满意率为 60%"]


def _latest_index(doc: ApplicationReport) -> int:
    latest = max(y.year or 0 for y in doc.form.operations)
    return next(i for i, y in enumerate(doc.form.operations) if y.year == latest)


def test_wording_sets_the_tolerance() -> None:
    doc = report()
    satisfaction = doc.served_satisfaction_percent
    assert satisfaction is not None
    ok = [
        "年服务中小企业680家。", "年服务中小企业600余家。", "年服务中小企业约700家。",
        "年服务中小企业近700家。", "年服务中小企业600家以上。",
        f"满意度{round(satisfaction)}%。",
    ]  # fmt: skip
    bad = ["年服务中小企业700余家。", "年服务中小企业约800家。", "年服务中小企业700家以上。"]
    for text in ok:
        doc.narratives.services = text
        assert notes(doc) == [], text
    for text in bad:
        doc.narratives.services = text
        assert len(notes(doc)) == 1, text


def test_the_creation_plan_is_read_too() -> None:
    app = DEMO["creation-liaoning-dalian-professional.json"]
    assert isinstance(app, CreationApplication)
    app = copy.deepcopy(app)
    actual = app.platform.gathered_institutions
    assert actual is not None
    app.plan.content = f"平台目前集聚服务机构{actual + 50}家，年服务中小企业{app.platform.smes_served_per_year}家。"
    (note,) = notes(app)
    assert note.path == "plan.content" and note.other_path == "platform.gathered_institutions"
