"""Gathering a round's submission from the store (the writing is ``export.submission``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from smedesk.forms.registry import parse_document
from smedesk.rounds.checks import IN_SUMMARY, summary_of
from smedesk.rounds.service import RoundStore
from smedesk.schemes import load_scheme

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
    applicants = []
    by_id = {e.doc_id: e for e in entries if e.state in IN_SUMMARY}
    for doc_id in ids:
        entry = by_id[doc_id]
        application = parse_document(store.get(doc_id).data)
        files = [Attachment(a.material_id, a.filename, store.attachment_content(a.id))
                 for a in store.attachments(doc_id)]  # fmt: skip
        applicants.append(Applicant(entry.organisation or entry.title, application, files,
                                    forms.get(application.doc_id)))  # fmt: skip
    return write_submission(folder, summary, applicants, scheme, progress)
