"""Issue 9 item 6: the dates that apply to a document, from its scheme's facts, and the
self-check's warnings on dates a document breaks."""

from __future__ import annotations

import copy
import datetime as dt

from smedesk.demo import build_demo_set
from smedesk.forms import ApplicationReport, CreationApplication
from smedesk.forms.plan import PlanGoal
from smedesk.schemes import Outcome, evaluate, load_scheme
from smedesk.schemes.dates import date_findings, next_due, schedule

DEMO = build_demo_set()


def report() -> ApplicationReport:
    doc = DEMO["application-miit-2017-shenyang-info.json"]
    assert isinstance(doc, ApplicationReport)
    return copy.deepcopy(doc)


def test_yearly_dues_roll_to_the_next_date() -> None:
    assert next_due("每年2月底前", dt.date(2027, 1, 10)) == dt.date(2027, 2, 28)
    assert next_due("每年2月底前", dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)  # leap year
    assert next_due("每年3月10日前", dt.date(2027, 3, 11)) == dt.date(2028, 3, 10)
    assert next_due("本协会相关认定管理办法", dt.date(2027, 1, 1)) is None


def test_the_round_deadline_is_guangdongs_for_a_guangdong_document() -> None:
    call, doc = load_scheme("miit-2019-call"), report()
    today = dt.date(2019, 7, 1)
    doc.region.province = "北京市"
    items = {i.key: i for i in schedule(doc, call, today)}
    assert items["deadline"].date == dt.date(2019, 7, 15)
    assert items["deadline"].state == "upcoming" and items["deadline"].citation.article == "四"
    doc.region.province = "广东省"
    items = {i.key: i for i in schedule(doc, call, today)}
    assert items["deadline"].date == dt.date(2019, 6, 28) and items["deadline"].state == "passed"
    assert items["deadline"].citation.article == "二（三）"
    # the periods and recurring dues of the inherited 2017 measures are listed too
    assert items["publicity_working_days"].when == "15 个工作日"
    assert items["annual_summary_due"].date == dt.date(2020, 2, 29)
    assert items["expiry_under_new_measures"].date == dt.date(2025, 12, 31)
    assert "sealed_copies" not in items  # not a date


def test_a_late_fill_date_is_not_met_and_cites_the_notice() -> None:
    call, doc = load_scheme("miit-2019-call"), report()
    doc.region.province, doc.fill_date = "北京市", dt.date(2019, 7, 1)
    (ok,) = [f for f in date_findings(doc, call) if f.rule_id == "date:deadline"]
    assert ok.outcome is Outcome.MET
    doc.region.province = "广东省"
    (late,) = [f for f in date_findings(doc, call) if f.rule_id == "date:deadline"]
    assert late.outcome is Outcome.NOT_MET and late.citation.article == "二（三）"
    assert "2019-07-01" in late.message and "2019-06-28" in late.message
    assert late in evaluate(doc, call)


def test_a_2017_regime_document_dated_after_its_titles_lapse() -> None:
    doc = report()
    doc.fill_date = dt.date(2026, 1, 5)
    (f,) = [
        f for f in date_findings(doc, load_scheme("miit-2017")) if f.rule_id.startswith("date:")
    ]
    assert f.outcome is Outcome.NOT_MET
    assert (f.citation.document, f.citation.article) == (
        "国家中小企业公共服务示范平台（基地）创建管理办法",
        "第十九条",
    )


def test_creation_period_extension_and_goals_after_the_period() -> None:
    app = DEMO["creation-miit-creation-hangzhou-comprehensive.json"]
    assert isinstance(app, CreationApplication) and app.fill_date is not None
    app = copy.deepcopy(app)
    scheme = load_scheme("miit-creation")
    items = {i.key: i for i in schedule(app, scheme, app.fill_date)}
    assert items["creation_period_years"].date == app.fill_date.replace(year=app.fill_date.year + 2)
    assert items["extension_years"].date == app.fill_date.replace(year=app.fill_date.year + 3)
    assert items["change_report_months"].when.startswith("3 个月")
    assert items["review_interval_years"].state == "period"
    app.plan.goals = [
        PlanGoal(goal="服务企业3000家", due=app.fill_date.replace(year=app.fill_date.year + 3))
    ]
    (goal,) = [
        f for f in evaluate(app, scheme, stage="creation") if f.rule_id == "art7-1-goals-period"
    ]
    assert goal.outcome is Outcome.NOT_MET and goal.citation.article == "第七条第（一）项第1目"
