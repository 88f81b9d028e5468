"""Gathering a round's submission from the store (the writing is ``export.submission``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smedesk.forms.recommendation import RecommendationForm
from smedesk.forms.registry import parse_document
from smedesk.rounds.checks import IN_SUMMARY, summary_of
from smedesk.rounds.service import RoundStore
from smedesk.schemes import load_scheme
from smedesk.schemes.engine import evaluate
from smedesk.schemes.findings import Outcome

#: Unfilled items named in the checklist before «等 N 项».
NAMED = 3

if TYPE_CHECKING:
    from smedesk.export.submission import Checklist


def submit_round(rounds: RoundStore, round_id: str, folder: Path,
                 progress: Callable[[int, int], None] | None = None) -> Checklist:  # fmt: skip
    """Write the round's submission into ``folder``: summary, workbook, bound PDFs, checklist."""
    from smedesk.export.pdf.attachments import Attachment
    from smedesk.export.submission import Applicant, write_submission

    store = rounds.documents
    round_ = rounds.get_round(round_id)
    scheme = load_scheme(round_.scheme_id)
    entries = rounds.entries(round_id)
    summary, ids = summary_of(round_, entries, scheme)
    forms = {}
    for info in store.list("recommendation-form"):
        data = store.get(info.id).data
        if isinstance(data.get("application_id"), str):
            forms[data["application_id"]] = parse_document(data)
    draws = {e["doc_id"]: e["detail"] for e in rounds.events(round_id, action="draw")}
    applicants = []
    by_id = {e.doc_id: e for e in entries if e.state in IN_SUMMARY}
    for doc_id in ids:
        entry = by_id[doc_id]
        application = parse_document(store.get(doc_id).data)
        files = [Attachment(a.material_id, a.filename, store.attachment_content(a.id))
                 for a in store.attachments(doc_id)]  # fmt: skip
        form = forms.get(application.doc_id)
        problems = (form_problems(form, draws.get(doc_id))
                    if isinstance(form, RecommendationForm) else [])  # fmt: skip
        applicants.append(Applicant(entry.organisation or entry.title, application, files,
                                    form, problems))  # fmt: skip
    return write_submission(folder, summary, applicants, scheme, progress)


def form_problems(form: RecommendationForm, draw: dict[str, Any] | None) -> list[str]:
    """What keeps a 推荐表 from being sealed, as the checklist says it.

    Its scheme's self-check (every item it finds unfilled or wrong), and its sampling record
    against the draw the round logged: the seed, the list's fingerprint and the rows drawn
    are typed fields of the form, so a copy that differs from the log is named.
    """
    found = [f.message for f in evaluate(form, load_scheme(form.scheme.id))
             if f.outcome is Outcome.NOT_MET]  # fmt: skip
    problems = found[:NAMED]
    if len(found) > NAMED:
        problems[-1] += f" 等 {len(found)} 项未完成"
    survey = form.survey
    if draw is None:
        problems.append("本轮没有登记这家申报单位的随机抽样")
    elif (survey.sampling_seed, survey.sampling_fingerprint, survey.sampled_rows) != (
        draw["seed"], draw["fingerprint"], "、".join(str(r + 1) for r in draw["rows"])
    ):  # fmt: skip
        problems.append(f"推荐表中的抽样记录与本轮登记的抽样（种子 {draw['seed']}）不一致")
    return problems
