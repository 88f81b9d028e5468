"""Applications for round tests: the demo report under other names, codes and served lists."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Sequence
from functools import cache
from typing import Any

from smedesk.demo.reports import shenyang_information_platform
from smedesk.store import DocumentStore


@cache
def _base() -> dict[str, Any]:
    return shenyang_information_platform().model_dump(mode="json")


def firm(i: int) -> dict[str, Any]:
    """A served firm with a distinct, well-formed-looking 统一社会信用代码."""
    base = _base()["served_enterprises"][i % len(_base()["served_enterprises"])]
    return dict(base, name=f"测试企业{i:05d}有限公司", uscc=f"91210100MA{i:07d}X")


def application(name: str, uscc: str, served: range | list[int], *, city: str = "沈阳市",
                functions: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    data = copy.deepcopy(_base())
    data["doc_id"] = str(uuid.uuid4())
    data["form"]["basic"]["applicant_name"] = name
    data["form"]["basic"]["uscc"] = uscc
    data["region"]["city"] = city
    data["served_enterprises"] = [firm(i) for i in served]
    if functions is not None:
        data["functions"]["claimed"] = functions
    return data


def store_application(store: DocumentStore, data: dict[str, Any]) -> str:
    return store.create("application-report", data["form"]["basic"]["applicant_name"], data,
                        scheme_id="miit-2019-call", scheme_version="2019.1",
                        author="申报单位")  # fmt: skip


def summary_row(name: str, quota: str = "provincial-quota", city: str = "沈阳市") -> dict[str, Any]:
    return {"platform_name": name, "functions": ["information", "training"], "quota": quota,
            "statement": "面向辽宁中小企业提供信息化与培训服务，年服务企业逾千家。", "city": city}  # fmt: skip


#: Six applicants of a province's round: the 5th is over the quota of 4, the 6th has a
#: forbidden platform name, the 3rd is also recommended by an association, the 1st and 2nd
#: share 10 served firms.
SIX = [
    ("沈阳甲信息服务有限公司", "91210100A000000001", range(0, 160), summary_row("沈阳中小企业信息服务平台")),
    ("大连乙科技服务有限公司", "91210200A000000002", range(150, 320), summary_row("大连科技服务平台", city="大连市")),
    ("鞍山丙服务中心", "91210300A000000003", range(1000, 1160), summary_row("鞍山创业服务平台", city="鞍山市")),
    ("抚顺丁咨询有限公司", "91210400A000000004", range(2000, 2160), summary_row("抚顺培训服务平台", city="抚顺市")),
    ("本溪戊服务有限公司", "91210500A000000005", range(3000, 3160), summary_row("本溪融资服务平台", city="本溪市")),
    ("丹东己科技有限公司", "91210600A000000006", range(4000, 4160),
     summary_row("中国丹东示范服务平台", quota="special-carrier", city="丹东市")),
]  # fmt: skip


def recommend(rounds: Any, round_id: str, doc_id: str, row: dict[str, Any], institution: str,
              author: str = "王科员") -> None:  # fmt: skip
    from smedesk.rounds.procedure import State

    rounds.set_row(round_id, doc_id, {**row, "institution_name": institution}, author=author)
    for state in (State.PRE_REVIEWED, State.WITH_EXPERTS, State.RECOMMENDED):
        rounds.set_state(round_id, doc_id, state, author=author)


def _via_package(rounds: Any, round_id: str, data: dict[str, Any], folder: Any) -> str:
    """The applicant exports a 申报包 from their own database; the authority imports it."""
    from smedesk.exchange.exporting import export_application_package
    from smedesk.rounds.importing import import_into_round
    from smedesk.store import open_database

    name = data["form"]["basic"]["applicant_name"]
    own = open_database(f"sqlite:///{folder / (data['doc_id'] + '.db')}")
    try:
        doc_id = store_application(DocumentStore(own), data)
        package = folder / f"{data['doc_id']}.smedesk"
        export_application_package(DocumentStore(own), doc_id, package, creator_name=name,
                                   with_pdf=False)  # fmt: skip
    finally:
        own.close()
    [entry] = import_into_round(rounds.documents, round_id, [package], author="王科员").added
    return str(entry.doc_id)


def six_applicant_round(rounds: Any, deadline: Any = None,
                        packages: Any = None) -> tuple[Any, list[str]]:  # fmt: skip
    """The province's round of SIX, recommended, plus an association round holding the 3rd."""
    import datetime as dt

    from smedesk.forms.enums import AuthorityType

    documents = rounds.documents
    province = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                   AuthorityType.PROVINCE, deadline or dt.date(2019, 7, 10), author="王科员")  # fmt: skip
    association = rounds.create_round("miit-2019-call", 2019, "中国中小企业国际合作协会",
                                      AuthorityType.ASSOCIATION, author="协会")  # fmt: skip
    ids = []
    for name, uscc, served, row in SIX:
        data = application(name, uscc, served)
        if packages is not None:  # through 申报包, as the office receives them
            doc_id = _via_package(rounds, province.id, data, packages)
        else:
            doc_id = store_application(documents, data)
            rounds.add_application(province.id, doc_id, author="导入")
        recommend(rounds, province.id, doc_id, row, name)
        ids.append(doc_id)
    copy_id = store_application(documents, application(SIX[2][0], SIX[2][1], SIX[2][2]))
    rounds.add_application(association.id, copy_id, author="导入")
    recommend(rounds, association.id, copy_id, SIX[2][3], SIX[2][0], author="协会")
    return province, ids


def fill_form_as_the_office_does(rounds: Any, form_id: str) -> None:
    """Every call's result and the texts of the demo 推荐表 put into the drawn form."""
    from smedesk.demo.review import recommendation_form

    demo = recommendation_form(shenyang_information_platform()).model_dump(mode="json")
    stored = rounds.documents.get(form_id).data
    calls = [{**row, "position": "经理", "evaluation": "very-satisfied"}
             for row in stored["survey"]["sampled"]]  # fmt: skip
    texts = ("province", "fill_date", "panel_opinion", "panel", "regional_impact",
             "recommendation", "recommendation_date")  # fmt: skip
    filled = {**stored, **{k: demo[k] for k in texts},
              "survey": {**stored["survey"], "methods": demo["survey"]["methods"],
                         "sampled": calls}}  # fmt: skip
    rounds.documents.save(form_id, filled, base_version=rounds.documents.version(form_id),
                          author="王科员")  # fmt: skip


#: The criteria of the opinion sheets the round tests make (three, in the scheme's order).
CRITERIA = ("服务收费合理", "服务机构人员", "服务企业数量")


def opinion_sheet(name: str, conclusion: str | None, judged: Sequence[str | None], *,
                  signed: bool = True, overall: str = "材料齐全，服务成效明显。",
                  application_id: str = "app-1") -> dict[str, Any]:  # fmt: skip
    """An expert's opinion sheet (data) judging ``CRITERIA`` as ``judged``, no conflict."""
    return {
        "kind": "expert-opinion", "scheme": {"id": "miit-2017", "version": "2017.1"},
        "application_id": application_id, "applicant_name": "沈阳甲信息服务有限公司",
        "expert_name": name, "expert_title": "教授", "employer": f"{name}所在大学",
        "conflict": {"no_employment": True, "no_shareholding": True, "no_kinship": True,
                     "no_cooperation": True},
        "criteria": [{"rule_id": f"r{i}", "label": label, "assessment": a}
                     for i, (label, a) in enumerate(zip(CRITERIA, judged, strict=True))],
        "overall_opinion": overall, "conclusion": conclusion, "signed": signed,
    }  # fmt: skip


def store_sheet(store: DocumentStore, data: dict[str, Any]) -> str:
    """The sheet stored as the expert's package import leaves it."""
    return store.create("expert-opinion", f"意见表：{data['expert_name']}", data,
                        scheme_id="miit-2017", scheme_version="2017.1", owner_role="expert",
                        author=str(data["expert_name"]))  # fmt: skip
