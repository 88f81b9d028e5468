"""Every document kind: its labels in the paper's order, fonts embedded, page counts.

Labels are read from the field specs here too, so the test checks that the PDF prints
what the models declare, in the order forms.md gives for the paper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smedesk.export.pdf import captions, export_pdf
from smedesk.forms.application import (
    ApplicationForm,
    ApplicationReport,
    BasicInfo,
    Capability,
    GovernmentSupport,
    Narratives,
)
from smedesk.forms.creation import CreationApplicant, CreationApplication
from smedesk.forms.enums import Evaluation, SurveyMethod
from smedesk.forms.fields import field_specs
from smedesk.forms.lists import (
    EquipmentItem,
    Investor,
    OperationYear,
    PanelMember,
    SampledEnterprise,
    ServedEnterprise,
    ServiceContent,
    StaffMember,
)
from smedesk.forms.opinion import ConflictDeclaration, ExpertOpinion, PanelOpinion
from smedesk.forms.plan import CreationPlan
from smedesk.forms.recommendation import (
    RecommendationForm,
    RecommendationSummary,
    SatisfactionSurvey,
    SummaryRow,
)

from support import pdf_samples as samples
from support.pdf_helpers import assert_in_order, fonts, needs_poppler, page_count, pdf_text


def L(model: type, *names: str) -> list[str]:
    specs = {s.name: s for s in field_specs(model)}
    return [specs[n].label for n in names]


def application_labels() -> list[str]:
    R = ApplicationReport
    return [
        *L(BasicInfo, "applicant_name"),
        *L(R, "fill_date"),
        captions.CONTENTS,
        *L(R, "equipment", "staff", "served_enterprises", "narratives"),
        *L(ApplicationForm, "basic"),
        *L(BasicInfo, "registration_date", "nature", "legal_representative", "address",
           "postcode", "contact", "phone", "fax", "mobile", "website", "email",
           "registered_capital"),
        *L(Investor, "name", "nature", "ratio"),
        *L(BasicInfo, "total_assets", "equipment_count", "equipment_price",
           "equipment_asset_percent", "service_area", "own_area", "rented_area", "employees",
           "qualified_staff", "qualified_staff_percent"),
        *L(ApplicationForm, "operations"),
        *L(OperationYear, "year", "operating_income", "service_income", "total_assets",
           "total_profit", "taxes_paid", "smes_served"),
        *L(ApplicationForm, "capability"),
        *L(Capability, "qualifications"),
        *L(ServiceContent, "content", "scale", "income_share"),
        captions.COOPERATION,
        *L(Capability, "signed_partners", "other_partners"),
        *L(ApplicationForm, "support"),
        *L(GovernmentSupport, "support", "recognitions"),
        *L(R, "equipment"),
        *L(EquipmentItem, "name", "model_spec", "quantity", "price", "purchase_date", "purpose"),
        *L(R, "staff"),
        *L(StaffMember, "name", "position", "education", "title", "speciality", "employment"),
        *L(R, "served_enterprises"),
        *L(ServedEnterprise, "name", "uscc", "contact", "phone", "service_content",
           "service_date", "evaluation"),
        *L(R, "narratives"),
        *L(Narratives, *Narratives.model_fields),
        *L(R, "materials"),
        captions.DECLARATION_TITLE,
    ]  # fmt: skip


def recommendation_labels() -> list[str]:
    R = RecommendationForm
    return [
        *L(R, "operator_name", "province", "fill_date", "panel_opinion"),
        *L(PanelMember, "name", "title", "employer", "signed"),
        *L(R, "survey"),
        *L(SatisfactionSurvey, "methods"),
        *[m.label for m in SurveyMethod],
        *L(SampledEnterprise, "name", "interviewee", "position", "phone", "service_content",
           "evaluation"),
        *[e.label for e in Evaluation],
        *L(R, "regional_impact", "recommendation"),
        captions.SEAL,
    ]  # fmt: skip


def summary_labels(doc: RecommendationSummary) -> list[str]:
    specs = {s.name: s for s in field_specs(SummaryRow)}
    return [
        doc.title_text,
        *L(RecommendationSummary, "authority_name"),
        captions.SEAL,
        captions.ROW_NO,
        specs["platform_name"].label,
        f"{specs['institution_name'].label}（{specs['institution_name'].help}）",
        f"{specs['functions'].label}（{specs['functions'].help}）",
        f"{specs['statement'].label}（{specs['statement'].help}）",
        specs["quota"].label,
        *[n[:20] for n in captions.SUMMARY_NOTES],
    ]


def creation_labels() -> list[str]:
    C = CreationApplication
    applicant = [s.label for s in field_specs(CreationApplicant)]
    plan = [s.label for s in field_specs(CreationPlan, include_derived=False)]
    return [
        *L(CreationApplicant, "applicant_name", "platform_name"),
        *L(C, "fill_date", "applicant"),
        *applicant,
        *L(C, "platform", "plan"),
        *plan,
        *L(C, "materials"),
        captions.DECLARATION_TITLE,
    ]


def expert_labels() -> list[str]:
    E = ExpertOpinion
    return [
        *L(E, "applicant_name", "application_id", "stage", "expert_name", "expert_title",
           "employer", "conflict"),
        *[s.label for s in field_specs(ConflictDeclaration, include_derived=False)],
        *L(E, "criteria", "overall_opinion", "conclusion"),
        captions.EXPERT_SIGN,
    ]  # fmt: skip


def panel_labels() -> list[str]:
    P = PanelOpinion
    return [
        *L(P, "applicant_name", "application_id", "opinion", "conclusion", "date", "members"),
        *L(PanelMember, "name", "title", "employer", "signed"),
    ]


# kind → (sample builder, expected labels, expected pages). Page counts are exact: the
# font is bundled, so the layout is the same on every machine.
CASES: dict[str, tuple[Any, Any, int]] = {
    "application-report": (samples.application_report, lambda d: application_labels(), 24),
    "creation-application": (samples.creation_application, lambda d: creation_labels(), 10),
    "recommendation-form": (samples.recommendation_form, lambda d: recommendation_labels(), 3),
    "recommendation-summary": (samples.recommendation_summary, summary_labels, 1),
    "expert-opinion": (samples.expert_opinion, lambda d: expert_labels(), 1),
    "panel-opinion": (samples.panel_opinion, lambda d: panel_labels(), 1),
}


@needs_poppler
@pytest.mark.parametrize("kind", sorted(CASES))
def test_labels_in_paper_order_fonts_embedded_pages(kind: str, tmp_path: Path) -> None:
    build, labels, pages = CASES[kind]
    doc = build()
    out = tmp_path / f"{kind}.pdf"
    result = export_pdf(doc, out)
    text = pdf_text(out)
    assert_in_order(text, labels(doc))
    assert "None" not in text
    found = fonts(out)
    assert found, "no font at all"
    assert all(f["emb"] == "yes" for f in found), found
    assert all("WenQuanYi" in f["name"] for f in found), found
    assert page_count(out) == pages == result.pages
    # «第 N 页 共 M 页» on every page
    for n in range(1, pages + 1):
        assert f"第{n}页" in text.replace(" ", "")
    assert f"共{pages}页" in text.replace(" ", "")


@needs_poppler
def test_summary_is_landscape(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "summary.pdf"
    export_pdf(samples.recommendation_summary(), out)
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)


@needs_poppler
def test_empty_document_prints_blanks_not_none_or_zero(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    export_pdf(samples.empty_application_report(), out)
    text = pdf_text(out)
    assert "None" not in text and "False" not in text
    flat = text.replace(" ", "")
    # An empty figure is a gap in the sentence, not a 0.
    assert "注册资本0" not in flat and "从业人数0" not in flat
    assert "年月日" in flat.replace("\u3000", "")


@needs_poppler
def test_long_lists_repeat_their_header(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    export_pdf(samples.application_report(served=150), out)
    text = pdf_text(out)
    header = "".join(L(ServedEnterprise, "uscc"))
    assert text.replace(" ", "").count(header) >= 4
