"""Keeping recommendation rounds: rounds, the applications in them, and what happened.

``add_application_to_round`` is the seam the package import (issue 12) calls once a package's
application is stored; until then, applications come from documents already in the store.
Every write runs through ``run_write`` (the write lock up front, retried while busy), so
several staff on one PostgreSQL server can work on one round.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.draw import MINIMUM, Draw, draw, new_seed
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.procedure import ProcedureError, State, check_move, is_creation
from smedesk.store.errors import StoreError
from smedesk.store.models import DocumentRow
from smedesk.store.repository import DocumentStore, utc_now
from smedesk.store.round_tables import RoundEntryRow, RoundEventRow, RoundRow
from smedesk.store.transactions import run_read, run_write

APPLICATION_KINDS = ("application-report", "creation-application")


def authority_type(code: str) -> AuthorityType:
    for member in AuthorityType:
        if member.value == code:
            return member
    raise StoreError(f"未知的推荐单位类别「{code}」。")


def _round(row: RoundRow) -> Round:
    return Round(row.id, row.scheme_id, row.year, row.authority_name,
                 authority_type(row.authority_type), row.deadline)  # fmt: skip


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def served_usccs(_kind: str, data: dict[str, Any]) -> list[str]:
    """The 统一社会信用代码 on an application's served-firm list."""
    rows = data.get("served_enterprises") or []
    return [str(r["uscc"]).strip().upper() for r in rows
            if isinstance(r, dict) and isinstance(r.get("uscc"), str) and r["uscc"].strip()]  # fmt: skip


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


class RoundStore:
    """Rounds in the database of ``documents`` (the same sessions, the same transactions)."""

    def __init__(self, documents: DocumentStore, *, clock: Any = utc_now) -> None:
        self.documents = documents
        self._sessions = documents.database.sessions
        self._clock = clock

    # rounds ------------------------------------------------------------------------------

    def create_round(self, scheme_id: str, year: int, authority_name: str,
                     authority_type: AuthorityType, deadline: dt.date | None = None,
                     *, author: str) -> Round:  # fmt: skip
        if not authority_name.strip():
            raise StoreError("请填写推荐单位名称。")
        row = RoundRow(id=str(uuid.uuid4()), scheme_id=scheme_id, year=year,
                       authority_name=authority_name.strip(),
                       authority_type=authority_type.value, deadline=deadline,
                       created_at=self._clock())  # fmt: skip

        def work(session: Session) -> Round:
            session.add(row)
            session.flush()
            self._event(session, row.id, None, "create", {"title": _round(row).title}, author)
            return _round(row)

        return run_write(self._sessions, work)

    def rounds(self) -> list[Round]:
        def work(session: Session) -> list[Round]:
            rows = session.scalars(
                select(RoundRow).order_by(RoundRow.year.desc(), RoundRow.created_at.desc())
            )
            return [_round(r) for r in rows]  # fmt: skip

        return run_read(self._sessions, work)

    def get_round(self, round_id: str) -> Round:
        def work(session: Session) -> Round:
            return _round(self._round_row(session, round_id))

        return run_read(self._sessions, work)

    @staticmethod
    def _round_row(session: Session, round_id: str) -> RoundRow:
        row = session.get(RoundRow, round_id)
        if row is None:
            raise StoreError("找不到这一轮推荐，它可能已被删除。")
        return row

    # entries -----------------------------------------------------------------------------

    def add_application(self, round_id: str, doc_id: str, *, author: str) -> Entry:
        """Put a stored application into the round (again: refresh its served list)."""
        document = self.documents.get(doc_id)
        if document.kind not in APPLICATION_KINDS:
            raise StoreError(f"「{document.title}」不是申请报告或创建申请书，不能加入推荐。")
        served = _dumps(served_usccs(document.kind, document.data))
        today = self._clock().date()

        def work(session: Session) -> Entry:
            self._round_row(session, round_id)
            entry = session.get(RoundEntryRow, (round_id, doc_id))
            if entry is None:
                position = session.scalar(select(func.count()).select_from(RoundEntryRow)
                                          .where(RoundEntryRow.round_id == round_id)) or 0  # fmt: skip
                row = initial_row(document.kind, document.data, document.title)
                entry = RoundEntryRow(round_id=round_id, document_id=doc_id, position=position,
                                      state=State.RECEIVED.value, state_since=today,
                                      row=_dumps(row), served=served, updated_at=self._clock())  # fmt: skip
                session.add(entry)
                self._event(session, round_id, doc_id, "add", {"version": document.version},
                            author)  # fmt: skip
            else:
                entry.served = served
                entry.updated_at = self._clock()
                self._event(session, round_id, doc_id, "refresh", {"version": document.version},
                            author)  # fmt: skip
            session.flush()
            return self._entry(session, entry)

        return run_write(self._sessions, work)

    def entries(self, round_id: str) -> list[Entry]:
        def work(session: Session) -> list[Entry]:
            self._round_row(session, round_id)
            rows = session.scalars(select(RoundEntryRow).where(RoundEntryRow.round_id == round_id)
                                   .order_by(RoundEntryRow.position))  # fmt: skip
            return [self._entry(session, r) for r in rows]

        return run_read(self._sessions, work)

    def all_entries(self) -> list[tuple[Round, list[Entry]]]:
        """Every round with its entries (for the cross-round check of double channels)."""
        return [(r, self.entries(r.id)) for r in self.rounds()]

    @staticmethod
    def _entry(session: Session, row: RoundEntryRow) -> Entry:
        doc = session.get(DocumentRow, row.document_id)
        assert doc is not None  # the foreign key cascades
        return Entry(row.round_id, row.document_id, doc.kind, doc.title, doc.organisation,
                     doc.uscc, State(row.state), row.state_since, json.loads(row.row),
                     tuple(json.loads(row.served)))  # fmt: skip

    def set_state(self, round_id: str, doc_id: str, state: State, *, author: str,
                  on: dt.date | None = None) -> Entry:  # fmt: skip
        """Move an application through the procedure (refused, in Chinese, when not allowed)."""

        def work(session: Session) -> Entry:
            round_row = self._round_row(session, round_id)
            entry = self._entry_row(session, round_id, doc_id)
            from smedesk.schemes import load_scheme

            creation = is_creation(load_scheme(round_row.scheme_id).stages)
            try:
                check_move(State(entry.state), state, creation=creation)
            except ProcedureError as exc:
                raise StoreError(str(exc)) from None
            old = entry.state
            entry.state, entry.state_since = state.value, on or self._clock().date()
            entry.updated_at = self._clock()
            self._event(session, round_id, doc_id, "state", {"from": old, "to": state.value},
                        author)  # fmt: skip
            return self._entry(session, entry)

        return run_write(self._sessions, work)

    def set_row(self, round_id: str, doc_id: str, row: dict[str, Any], *, author: str) -> Entry:
        """Store the summary-table row the authority filled for this application."""

        def work(session: Session) -> Entry:
            entry = self._entry_row(session, round_id, doc_id)
            entry.row = _dumps(row)
            entry.updated_at = self._clock()
            self._event(session, round_id, doc_id, "row", {}, author)
            return self._entry(session, entry)

        return run_write(self._sessions, work)

    @staticmethod
    def _entry_row(session: Session, round_id: str, doc_id: str) -> RoundEntryRow:
        entry = session.get(RoundEntryRow, (round_id, doc_id), with_for_update=True)
        if entry is None:
            raise StoreError("这份申请不在这一轮推荐中。")
        return entry

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

    def fill_survey(self, round_id: str, doc_id: str, made: Draw, *, author: str) -> str:
        """Put the drawn firms into the applicant's 推荐表 (created if none); its doc id.

        The survey's rows are filled with the drawn firms (name, contact, phone, service)
        for the calls or visits, and its seed recorded. A form whose survey already holds
        results (an evaluation entered) is left alone: StoreError, nothing changed.
        """
        application = self.documents.get(doc_id)
        round_ = self.get_round(round_id)
        app_key = str(application.data.get("doc_id") or doc_id)
        form_id, form_data, version = None, None, 0
        for info in self.documents.list("recommendation-form"):
            stored = self.documents.get(info.id)
            if stored.data.get("application_id") == app_key:
                form_id, form_data, version = info.id, stored.data, stored.version
                break
        rows = [{"name": f.get("name"), "interviewee": f.get("contact"), "position": None,
                 "phone": f.get("phone"), "service_content": f.get("service_content"),
                 "evaluation": None} for f in made.firms]  # fmt: skip
        if form_data is None:
            from smedesk.schemes import load_scheme

            scheme = load_scheme(round_.scheme_id)
            form_data = {"kind": "recommendation-form", "doc_id": str(uuid.uuid4()),
                         "scheme": {"id": scheme.id, "version": scheme.version},
                         "operator_name": application.organisation, "application_id": app_key,
                         "survey": {"methods": [], "sampled": rows,
                                    "sampling_seed": made.seed}}  # fmt: skip
            return self.documents.create(
                "recommendation-form", f"推荐表：{application.organisation or application.title}",
                form_data, scheme_id=scheme.id, scheme_version=scheme.version,
                owner_role="recommender", author=author,
            )  # fmt: skip
        survey = dict(form_data.get("survey") or {})
        if any(isinstance(r, dict) and r.get("evaluation") for r in survey.get("sampled") or []):
            raise StoreError(
                "推荐表中已有测评结果，未用新的抽样覆盖。如需重新抽样，请先清空推荐表中的抽样企业。"
            )
        survey.update(sampled=rows, sampling_seed=made.seed)
        assert form_id is not None
        self.documents.save(form_id, {**form_data, "survey": survey}, base_version=version,
                            author=author)  # fmt: skip
        return form_id

    def draws(self, round_id: str, doc_id: str) -> list[dict[str, Any]]:
        """The recorded draws of one application, oldest first."""
        return [e["detail"] | {"author": e["author"], "at": e["at"]}
                for e in self.events(round_id, doc_id, "draw")]  # fmt: skip

    # events ------------------------------------------------------------------------------

    def record(self, round_id: str, doc_id: str | None, action: str, detail: dict[str, Any],
               *, author: str) -> None:  # fmt: skip
        """Record something done on the round (a draw, a paper check) with its details."""

        def work(session: Session) -> None:
            self._round_row(session, round_id)
            self._event(session, round_id, doc_id, action, detail, author)

        run_write(self._sessions, work)

    def events(self, round_id: str, doc_id: str | None = None,
               action: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
        def work(session: Session) -> list[dict[str, Any]]:
            query = select(RoundEventRow).where(RoundEventRow.round_id == round_id)
            if doc_id is not None:
                query = query.where(RoundEventRow.document_id == doc_id)
            if action is not None:
                query = query.where(RoundEventRow.action == action)
            rows = session.scalars(query.order_by(RoundEventRow.id))
            return [{"doc_id": r.document_id, "action": r.action, "author": r.author,
                     "at": r.created_at, "detail": json.loads(r.detail)} for r in rows]  # fmt: skip

        return run_read(self._sessions, work)

    def _event(self, session: Session, round_id: str, doc_id: str | None, action: str,
               detail: dict[str, Any], author: str) -> None:  # fmt: skip
        session.add(RoundEventRow(round_id=round_id, document_id=doc_id, action=action,
                                  detail=_dumps(detail), author=author,
                                  created_at=self._clock()))  # fmt: skip


def add_application_to_round(store: DocumentStore, round_id: str, doc_id: str,
                             *, author: str = "导入") -> Entry:  # fmt: skip
    """The seam for the package import: a stored application joins a round.

    Called again with a newer version of the same application, it refreshes the entry's
    served list and records the version; the entry keeps its state and summary row.
    """
    return RoundStore(store).add_application(round_id, doc_id, author=author)
