"""Rule sets as data: loading scheme files and evaluating a document into findings.

Pure Python: no Qt, no SQLAlchemy, no ReportLab.
"""

from smedesk.schemes.engine import evaluate, findings_to_json, summarise
from smedesk.schemes.findings import Citation, Finding, Outcome
from smedesk.schemes.loader import (
    SchemeError,
    available_schemes,
    load_scheme,
    load_scheme_file,
    user_schemes_dir,
)
from smedesk.schemes.model import Scheme, SchemeInfo

__all__ = [
    "Citation",
    "Finding",
    "Outcome",
    "Scheme",
    "SchemeError",
    "SchemeInfo",
    "available_schemes",
    "evaluate",
    "findings_to_json",
    "load_scheme",
    "load_scheme_file",
    "summarise",
    "user_schemes_dir",
]
