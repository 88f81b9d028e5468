"""Working on rounds: the store's round tables with the procedure's rules on top.

``RoundStore`` is what the screens and tests use: rounds and entries as the domain's types
(``rounds.model``), moves checked against the scheme's procedure, the survey draw recorded
and put into the 推荐表. An application joins a round from the store (``add_application``)
or, imported from a package, in the transaction that stores it (``add_application_in``,
called by ``rounds.importing``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from smedesk.forms import DocumentError, parse_document
from smedesk.forms.enums import AuthorityType
from smedesk.forms.opinion import ExpertOpinion
from smedesk.rounds.draw import MINIMUM, Draw, draw, new_seed
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.panel import Panel, compose_panel
from smedesk.rounds.procedure import State, check_move, is_creation
from smedesk.schemes import load_scheme
from smedesk.store import DocumentStore, StoreError, Transaction
from smedesk.store.rounds import EntryRecord, RoundRecord, RoundTables

APPLICATION_KINDS = ("application-report", "creation-application")


def authority_type(code: str) -> AuthorityType:
    for member in AuthorityType:
        if member.value == code:
            return member
    raise StoreError(f"未知的推荐单位类别「{code}」。")


def _round(r: RoundRecord) -> Round:
    return Round(r.id, r.scheme_id, r.year, r.authority_name, authority_type(r.authority_type),
                 r.deadline)  # fmt: skip


def _entry(e: EntryRecord) -> Entry:
    return Entry(e.round_id, e.doc_id, e.kind, e.title, e.organisation, e.uscc, State(e.state),
                 e.state_since, e.row, e.served)  # fmt: skip


def _served_rows(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each row of an application's served-firm list that has a 统一社会信用代码, with the
    code normalised (trimmed, upper case) as the round compares it."""
    for row in data.get("served_enterprises") or []:
        if isinstance(row, dict) and isinstance(row.get("uscc"), str) and row["uscc"].strip():
            yield row["uscc"].strip().upper(), row


def served_usccs(data: dict[str, Any]) -> list[str]:
    """The 统一社会信用代码 on an application's served-firm list."""
    return [uscc for uscc, _row in _served_rows(data)]


def served_names(data: dict[str, Any]) -> dict[str, str]:
    """统一社会信用代码 → the firm's name on an application's served-firm list."""
    return {uscc: str(row.get("name") or "") for uscc, row in _served_rows(data)}


def initial_row(kind: str, data: dict[str, Any], title: str) -> dict[str, Any]:
    """The summary-table row prefilled from the application (the authority completes it)."""
    if kind == "creation-application":
        applicant = data.get("applicant") or {}
        return {"platform_name": applicant.get("platform_name") or title,
                "institution_name": applicant.get("applicant_name"),
                "functions": data.get("functions") or []}  # fmt: skip
    basic = (data.get("form") or {}).get("basic") or {}
    region = data.get("region") or {}
    functions = list((data.get("functions") or {}).get("claimed") or [])
    return {"platform_name": None, "institution_name": basic.get("applicant_name"),
            "functions": functions, "city": region.get("city")}  # fmt: skip


def _entry_values(data: dict[str, Any]) -> dict[str, Any]:
    """A new entry's state, its summary row (made from the stored kind and title; refused for
    a document that is not an application) and the served list, from the application."""

    def first_row(kind: str, title: str) -> dict[str, Any]:
        if kind not in APPLICATION_KINDS:
            raise StoreError(f"「{title}」不是申请报告或创建申请书，不能加入推荐。")
        return initial_row(kind, data, title)

    return {"state": State.RECEIVED.value, "row": first_row, "served": served_usccs(data)}


class RoundStore:
    """Rounds of the database behind ``documents``."""

    def __init__(self, documents: DocumentStore) -> None:
        self.documents = documents
        self.tables = RoundTables(documents)

    def create_round(self, scheme_id: str, year: int, authority_name: str,
                     authority_type: AuthorityType, deadline: dt.date | None = None,
                     *, author: str) -> Round:  # fmt: skip
        return _round(self.tables.create_round(scheme_id, year, authority_name,
                                               authority_type.value, deadline, author=author))  # fmt: skip

    def rounds(self) -> list[Round]:
        return [_round(r) for r in self.tables.rounds()]

    def get_round(self, round_id: str) -> Round:
        return _round(self.tables.get_round(round_id))

    def add_application(self, round_id: str, doc_id: str, *, author: str,
                        data: dict[str, Any] | None = None) -> Entry:  # fmt: skip
        """Put a stored application into the round (again: refresh its served list).

        ``data``: the document's data as stored, when the caller holds it (an import that
        just wrote it); it is not read back then.
        """
        if data is None:
            data = self.documents.get(doc_id).data
        return _entry(self.tables.add_entry(round_id, doc_id, **_entry_values(data),
                                            author=author))  # fmt: skip

    def add_application_in(self, transaction: Transaction, round_id: str, doc_id: str,
                           data: dict[str, Any], *, author: str) -> Entry:  # fmt: skip
        """``add_application`` inside the transaction that stores the application (the
        package import's hook: the document and its entry in one commit)."""
        return _entry(self.tables.add_entry_in(transaction, round_id, doc_id,
                                               **_entry_values(data), author=author))  # fmt: skip

    def firm_names(self, doc_id: str) -> dict[str, str]:
        """The names on an application's served list, by 统一社会信用代码."""
        return served_names(self.documents.get(doc_id).data)

    def entries(self, round_id: str) -> list[Entry]:
        return [_entry(e) for e in self.tables.entries(round_id)]

    def all_entries(self) -> list[tuple[Round, list[Entry]]]:
        """Every round with its entries (for the cross-round check of double channels)."""
        return [(r, self.entries(r.id)) for r in self.rounds()]

    def set_state(self, round_id: str, doc_id: str, state: State, *, author: str,
                  on: dt.date | None = None) -> Entry:  # fmt: skip
        """Move an application through the procedure (refused, in Chinese, when not allowed)."""
        creation = is_creation(load_scheme(self.get_round(round_id).scheme_id).stages)

        def allowed(old: str) -> None:
            check_move(State(old), state, creation=creation)

        entry = _entry(self.tables.set_state(round_id, doc_id, state.value, author=author, on=on,
                                             allowed=allowed))  # fmt: skip
        if state is State.WITH_EXPERTS:
            # What the experts are given: later changes are listed against it (rounds.changes).
            from smedesk.rounds.changes import latest_revision

            self.record(round_id, doc_id, "review-start",
                        {"revision": latest_revision(self.documents, doc_id)}, author=author)  # fmt: skip
        return entry

    def set_row(self, round_id: str, doc_id: str, row: dict[str, Any], *, author: str) -> Entry:
        return _entry(self.tables.set_row(round_id, doc_id, row, author=author))

    def record(self, round_id: str, doc_id: str | None, action: str, detail: dict[str, Any],
               *, author: str) -> None:  # fmt: skip
        self.tables.record(round_id, doc_id, action, detail, author=author)

    def events(self, round_id: str, doc_id: str | None = None,
               action: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
        return self.tables.events(round_id, doc_id, action)

    # the survey's random draw --------------------------------------------------------------

    def draw(self, round_id: str, doc_id: str, *, author: str, seed: int | None = None,
             count: int = MINIMUM) -> Draw:  # fmt: skip
        """Draw firms from the application's served list and record the draw on the round.

        The record (seed, the list's SHA-256, the rows drawn, the document version) lets
        anyone repeat it: ``smedesk.rounds.draw.verify``. DrawError (a UserError) when the
        list has fewer than 10 firms; nothing is recorded then.
        """
        document = self.documents.get(doc_id)
        served = [r for r in document.data.get("served_enterprises") or [] if isinstance(r, dict)]
        made = draw(served, new_seed() if seed is None else seed, count)
        self.record(round_id, doc_id, "draw", {**made.as_json(), "version": document.version},
                    author=author)  # fmt: skip
        return made

    # the 推荐表 of an application ------------------------------------------------------------

    def find_form(self, doc_id: str) -> tuple[str, dict[str, Any], int] | None:
        """The applicant's 推荐表 (id, data, version), if one is stored."""
        app_key = self._application_key(doc_id)
        for info in self.documents.list("recommendation-form"):
            stored = self.documents.get(info.id)
            if stored.data.get("application_id") == app_key:
                return info.id, stored.data, stored.version
        return None

    def _application_key(self, doc_id: str) -> str:
        return str(self.documents.get(doc_id).data.get("doc_id") or doc_id)

    def _new_form(self, round_id: str, doc_id: str, extra: dict[str, Any], *, author: str) -> str:
        """A new 推荐表 for the application, its head filled from the application and round."""
        application = self.documents.get(doc_id)
        round_ = self.get_round(round_id)
        scheme = load_scheme(round_.scheme_id)
        data = {"kind": "recommendation-form", "doc_id": str(uuid.uuid4()),
                "scheme": {"id": scheme.id, "version": scheme.version},
                "operator_name": application.organisation,
                "province": round_.authority_name,
                "application_id": self._application_key(doc_id), **extra}  # fmt: skip
        return self.documents.create(
            "recommendation-form", f"推荐表：{application.organisation or application.title}",
            data, scheme_id=scheme.id, scheme_version=scheme.version,
            owner_role="recommender", author=author,
        )  # fmt: skip

    def opinion_sheets(self) -> dict[str, list[ExpertOpinion]]:
        """Every readable expert opinion sheet in the store, by the application it is on."""
        found: dict[str, list[ExpertOpinion]] = {}
        listed = self.documents.list(kind="expert-opinion")
        for info in sorted(listed, key=lambda i: (i.created_at, i.id)):  # as they came in
            try:
                sheet = parse_document(self.documents.get(info.id).data)
            except DocumentError:
                continue  # a sheet this release cannot read is not counted (its import said so)
            if isinstance(sheet, ExpertOpinion):
                found.setdefault(str(sheet.application_id), []).append(sheet)
        return found

    def panel(self, doc_id: str) -> Panel:
        """The experts' table and draft opinion from the application's signed sheets."""
        application = self.documents.get(doc_id)
        sheets = self.opinion_sheets().get(self._application_key(doc_id), [])
        return compose_panel(application.organisation or application.title, sheets)

    def open_form(self, round_id: str, doc_id: str, *, author: str) -> str:
        """The applicant's 推荐表 to fill, created if none; its doc id.

        What the authority has not filled yet is filled from what the round knows: the
        experts' table and the draft panel opinion from the signed sheets. Nothing the
        authority wrote is replaced (``compose_into_form`` does that, when asked).
        """
        found = self.find_form(doc_id)
        panel = self.panel(doc_id)
        composed = {"panel": panel.members, "panel_opinion": panel.opinion or None}
        if found is None:
            return self._new_form(round_id, doc_id, composed, author=author)
        form_id, data, version = found
        missing = {k: v for k, v in composed.items() if v and not data.get(k)}
        if missing:
            self.documents.save(form_id, {**data, **missing}, base_version=version, author=author)
        return form_id

    def compose_into_form(self, round_id: str, doc_id: str, *, author: str) -> Panel:
        """Replace the 推荐表's experts' table and panel opinion with the ones composed now.

        StoreError when no signed sheet exists (nothing changed then).
        """
        panel = self.panel(doc_id)
        if not panel.members:
            raise StoreError("这份申请还没有已签字的专家评审意见表，无法汇总专家组意见。")
        composed = {"panel": panel.members, "panel_opinion": panel.opinion}
        found = self.find_form(doc_id)
        if found is None:
            self._new_form(round_id, doc_id, composed, author=author)
            return panel
        form_id, data, version = found
        self.documents.save(form_id, {**data, **composed}, base_version=version, author=author)
        return panel

    def fill_survey(self, round_id: str, doc_id: str, made: Draw, *, author: str) -> str:
        """Put the drawn firms into the applicant's 推荐表 (created if none); its doc id.

        The survey's rows are filled with the drawn firms (name, contact, phone, service)
        for the calls or visits, and its seed recorded. A form whose survey already holds
        results (an evaluation entered) is left alone: StoreError, nothing changed.
        """
        rows = [{"name": f.get("name"), "interviewee": f.get("contact"), "position": None,
                 "phone": f.get("phone"), "service_content": f.get("service_content"),
                 "evaluation": None} for f in made.firms]  # fmt: skip
        record = {"sampling_seed": made.seed, "sampling_fingerprint": made.fingerprint,
                  "sampling_list_size": made.size,
                  "sampled_rows": "、".join(str(r + 1) for r in made.rows)}  # fmt: skip
        found = self.find_form(doc_id)
        if found is None:
            fresh: dict[str, Any] = {"methods": [], "sampled": rows, **record}
            return self._new_form(round_id, doc_id, {"survey": fresh}, author=author)
        form_id, form_data, version = found
        survey: dict[str, Any] = dict(form_data.get("survey") or {})
        if any(isinstance(r, dict) and r.get("evaluation") for r in survey.get("sampled") or []):
            raise StoreError(
                "推荐表中已有测评结果，未用新的抽样覆盖。如需重新抽样，请先清空推荐表中的抽样企业。"
            )
        survey.update(sampled=rows, **record)
        self.documents.save(form_id, {**form_data, "survey": survey}, base_version=version,
                            author=author)  # fmt: skip
        return form_id

    def draws(self, round_id: str, doc_id: str) -> list[dict[str, Any]]:
        """The recorded draws of one application, oldest first."""
        return [e["detail"] | {"author": e["author"], "at": e["at"]}
                for e in self.events(round_id, doc_id, "draw")]  # fmt: skip
