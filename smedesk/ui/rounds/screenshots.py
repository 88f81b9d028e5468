"""The recommending authority's screens for ``smedesk screenshot``: the round and the 推荐表.

The demo applications already in the screenshot's throw-away store are put into one round
of the 2019 call; the first gets a recorded draw and three opinion sheets made from the
scheme's own template (two signed, one not), and its 推荐表 is composed from them — all
through the workspace's own methods, the ones its buttons call.
"""

from __future__ import annotations

from typing import Any

from smedesk.forms.enums import Assessment, AuthorityType, Conclusion
from smedesk.forms.opinion import ConflictDeclaration
from smedesk.ui.expert.screenshots import drain

#: (expert, title, employer, conclusion, the assessment of every fourth row, signed)
SHEETS = (
    ("刘建华", "教授", "东北大学工商管理学院", Conclusion.RECOMMEND, Assessment.PARTLY, True),
    ("陈静", "正高级工程师", "辽宁省信息中心", Conclusion.RECOMMEND, Assessment.MEETS, True),
    ("赵明", "研究员", "大连理工大学", Conclusion.NOT_RECOMMEND, Assessment.FAILS, False),
)


def _opinion_sheets(store: Any, application_id: str) -> None:
    from smedesk.exchange.common import document_bytes
    from smedesk.exchange.template import opinion_template
    from smedesk.forms import parse_document
    from smedesk.schemes import load_scheme

    application = parse_document(store.get(application_id).data)
    scheme = load_scheme(application.scheme.id)
    for name, title, employer, conclusion, fourth, signed in SHEETS:
        sheet = opinion_template(application, scheme, name)
        rows = [r.model_copy(update={"assessment": fourth if i % 4 == 3 else Assessment.MEETS})
                for i, r in enumerate(sheet.criteria)]  # fmt: skip
        sheet = sheet.model_copy(update={
            "conflict": ConflictDeclaration(no_employment=True, no_shareholding=True,
                                            no_kinship=True, no_cooperation=True),
            "expert_title": title, "employer": employer, "criteria": rows,
            "overall_opinion": f"{name}：平台服务功能完善，服务成效较好。", "conclusion": conclusion,
            "signed": signed,
        })  # fmt: skip
        data, _ = document_bytes(sheet)
        store.create(sheet.kind, sheet.display_title(), data, scheme_id=scheme.id,
                     scheme_version=scheme.version, owner_role="expert", author=name)  # fmt: skip


def shoot_recommender(shooter: Any, window: Any) -> None:
    """The round's tabs, then the 推荐表's pages, at the window's size."""
    from smedesk.rounds.service import RoundStore

    ctx = window.ctx
    ctx.user_name = "王科员"  # the office's clerk (the expert's screens ran as 王建国)
    rounds = RoundStore(ctx.store)
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author=ctx.user_name)  # fmt: skip
    applications = ctx.store.list("application-report")
    for info in applications:
        rounds.add_application(round_.id, info.id, author=ctx.user_name)
    first = applications[-1].id  # the oldest: the Shenyang platform, with 160 served firms
    _opinion_sheets(ctx.store, first)
    window.set_role("recommender")
    workspace = window.workspace("recommender")
    workspace.store_ready()
    drain(ctx.runner)
    page = workspace.page
    page.select_doc(first)
    shooter.shoot(window, "recommender-round")
    page.tabs.setCurrentIndex(1)
    shooter.shoot(window, "recommender-round-checks")
    page.tabs.setCurrentIndex(2)
    shooter.shoot(window, "recommender-deadlines")
    page.tabs.setCurrentWidget(page.shared_tab)
    drain(ctx.runner)
    shooter.shoot(window, "recommender-shared-firms")
    workspace.draw(first, seed=20190715)
    drain(ctx.runner)
    shooter.shoot(window, "recommender-draw")
    page.tabs.setCurrentWidget(page.opinions)
    shooter.shoot(window, "recommender-expert-opinions")
    workspace.compose_panel(first, ask=False)
    drain(ctx.runner)
    editor = workspace.editor
    if editor is None:
        return
    for number, name in enumerate(editor.page_names(), start=1):
        editor.show_page(name)
        drain(ctx.runner)
        shooter.shoot(window, f"recommendation-form-{number:02d}-{name}")
    workspace.show_round()
    drain(ctx.runner)
