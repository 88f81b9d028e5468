"""A round's submission in one action: the summary table, the authority workbook, one bound
PDF per recommended applicant, and the notice's checklist with what is ready and missing.

What the 2019 call asks for (工企业函〔2019〕310号 四): the recommendation letter (推荐文件),
the 推荐汇总表, a 推荐表 per recommended platform and its application materials, on paper
in sealed sets (the number from the scheme's facts), with every material on a disc; an
association adds its own recognition measures, publicity and recognition documents.
Plain inputs (documents already read): no store here, so the caller gathers them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smedesk.export.pdf import export_pdf
from smedesk.export.pdf.attachments import Attachment
from smedesk.export.xlsx import write_authority_workbook, write_summary
from smedesk.forms.common import Document
from smedesk.forms.enums import AuthorityType
from smedesk.forms.recommendation import RecommendationSummary
from smedesk.schemes.model import Scheme

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Applicant:
    """One recommended application as the submission needs it."""

    name: str
    application: Document
    attachments: Sequence[Attachment] = ()
    form: Document | None = None  # its 推荐表, if one is stored
    #: What keeps the 推荐表 from being sealed (unfilled items, a draw record that differs).
    form_problems: Sequence[str] = ()


@dataclass
class Checklist:
    items: list[tuple[str, bool, str]] = field(default_factory=list)  # what, ready, note
    files: list[Path] = field(default_factory=list)

    def add(self, what: str, ready: bool, note: str = "") -> None:
        self.items.append((what, ready, note))

    @property
    def missing(self) -> list[str]:
        return [what for what, ready, _ in self.items if not ready]

    def text(self) -> str:
        lines = ["报送材料清单", ""]
        lines += [f"[{'√' if ready else '×'}] {what}{'：' + note if note else ''}"
                  for what, ready, note in self.items]  # fmt: skip
        return "\n".join(lines) + "\n"


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "申请"


def _fact(scheme: Scheme, name: str) -> Any:
    fact = scheme.facts.get(name)
    return None if fact is None else fact.value


def write_submission(
    folder: Path,
    summary: RecommendationSummary,
    applicants: Sequence[Applicant],
    scheme: Scheme,
    progress: Progress | None = None,
) -> Checklist:
    """Write everything into ``folder`` (created); the checklist, also saved as 报送材料清单.txt."""
    from pypdf import PdfWriter

    folder.mkdir(parents=True, exist_ok=True)
    checklist = Checklist()
    total = 3 + 2 * len(applicants)
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, total)

    checklist.add(
        "推荐文件（推荐单位正式行文）", False, "由推荐单位另行起草并加盖公章，本程序不生成"
    )
    xlsx = folder / "推荐汇总表.xlsx"
    write_summary(summary, xlsx)
    tick()
    pdf = folder / "推荐汇总表.pdf"
    export_pdf(summary, pdf)
    tick()
    checklist.files += [xlsx, pdf]
    checklist.add("推荐汇总表（Excel 与 PDF）", bool(summary.rows),
                  f"{len(summary.rows)} 个推荐平台" if summary.rows else "本轮还没有推荐的申请")  # fmt: skip
    workbook = folder / "推荐单位工作簿.xlsx"
    write_authority_workbook([a.application for a in applicants]
                             + [a.form for a in applicants if a.form is not None], workbook)  # fmt: skip
    checklist.files.append(workbook)
    tick()
    for number, applicant in enumerate(applicants, start=1):
        bound = folder / f"{number:02d}-{_safe(applicant.name)}.pdf"
        with_temp = folder / f".{number:02d}.application.part.pdf"
        export_pdf(applicant.application, with_temp, attachments=applicant.attachments)
        tick()
        writer = PdfWriter()
        if applicant.form is not None:
            form_pdf = folder / f".{number:02d}.form.part.pdf"
            export_pdf(applicant.form, form_pdf)
            writer.append(str(form_pdf))
            form_pdf.unlink()
        writer.append(str(with_temp))
        with bound.open("wb") as fh:
            writer.write(fh)
        with_temp.unlink()
        tick()
        checklist.files.append(bound)
        if applicant.form is None:
            checklist.add(
                f"推荐表：{applicant.name}", False, "尚未填写推荐表，装订本中只有申请报告"
            )
        else:
            checklist.add(f"推荐表：{applicant.name}", not applicant.form_problems,
                          "；".join(applicant.form_problems))  # fmt: skip
        checklist.add(f"申请材料：{applicant.name}", True, bound.name)
    copies = _fact(scheme, "sealed_copies")
    if summary.authority_type is AuthorityType.PREFECTURE:
        copies = _fact(scheme, "guangdong_sealed_copies") or copies
    checklist.add(f"纸质材料一式 {copies or '若干'} 份（加盖公章）", False,
                  "打印本文件夹中的 PDF，盖章后装订")  # fmt: skip
    checklist.add("全部材料的电子文档光盘", False, f"将文件夹「{folder.name}」刻录到光盘")
    if summary.authority_type is AuthorityType.ASSOCIATION:
        extra = _fact(scheme, "association_extras")
        checklist.add(f"行业协会另须报送：{extra or '认定管理办法、公示文件和认定文件'}", False)
    deadline = _fact(scheme, "deadline")
    if deadline:
        checklist.add(f"报送截止日期 {deadline}", True, "以本轮通知为准")
    listing = folder / "报送材料清单.txt"
    listing.write_text(checklist.text(), encoding="utf-8")
    checklist.files.append(listing)
    return checklist
