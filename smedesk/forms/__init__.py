"""Document models: every field declared once with its label, unit, limits and help.

Pure Python (pydantic v2): no Qt, no SQLAlchemy, no ReportLab.

The names below are loaded on first use (PEP 562), so a module that needs only a small
plain-data part of forms (``forms.summary``, ``forms.upgrades``) does not pay for building
every model — the store imports such parts on its start-up thread.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "ApplicationForm": "application",
    "ApplicationReport": "application",
    "Document": "common",
    "Region": "common",
    "SchemeRef": "common",
    "CreationApplication": "creation",
    "strip_derived": "keys",
    "unknown_fields": "keys",
    "ExpertOpinion": "opinion",
    "PanelOpinion": "opinion",
    "CreationPlan": "plan",
    "RecommendationForm": "recommendation",
    "RecommendationSummary": "recommendation",
    "SatisfactionSurvey": "recommendation",
    "DOCUMENT_KINDS": "registry",
    "DocumentError": "registry",
    "UnknownFieldsError": "registry",
    "editable_data": "registry",
    "json_schema": "registry",
    "parse_document": "registry",
    "parse_document_json": "registry",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'smedesk.forms' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"smedesk.forms.{module}"), name)
    globals()[name] = value
    return value
