"""Document models: every field declared once with its label, unit, limits and help.

Pure Python (pydantic v2): no Qt, no SQLAlchemy, no ReportLab.
"""

from smedesk.forms.application import ApplicationForm, ApplicationReport
from smedesk.forms.common import Document, Region, SchemeRef
from smedesk.forms.creation import CreationApplication
from smedesk.forms.keys import strip_derived, unknown_fields
from smedesk.forms.opinion import ExpertOpinion, PanelOpinion
from smedesk.forms.plan import CreationPlan
from smedesk.forms.recommendation import (
    RecommendationForm,
    RecommendationSummary,
    SatisfactionSurvey,
)
from smedesk.forms.registry import (
    DOCUMENT_KINDS,
    DocumentError,
    UnknownFieldsError,
    editable_data,
    json_schema,
    parse_document,
    parse_document_json,
)

__all__ = [
    "DOCUMENT_KINDS",
    "ApplicationForm",
    "ApplicationReport",
    "CreationApplication",
    "CreationPlan",
    "Document",
    "DocumentError",
    "ExpertOpinion",
    "PanelOpinion",
    "RecommendationForm",
    "RecommendationSummary",
    "Region",
    "SatisfactionSurvey",
    "SchemeRef",
    "UnknownFieldsError",
    "editable_data",
    "json_schema",
    "parse_document",
    "parse_document_json",
    "strip_derived",
    "unknown_fields",
]
