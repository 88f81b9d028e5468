"""The paper trail as files, without a screen: every export and import of the exchange.

applicant ──申报包──▶ recommender ──评审包 (one per expert)──▶ expert ──意见包 (signed)──▶ recommender

Each step is one function over a :class:`~smedesk.store.DocumentStore` (and the
:class:`~smedesk.store.Database` under it, for the import marks); the screens run them as
operations with progress and cancel. Nothing is written to the store unless the whole
package verified; a document that exists locally is never overwritten silently.
"""

from smedesk.exchange.errors import ExchangeError
from smedesk.exchange.exporting import (
    export_application_package,
    export_opinion_package,
    export_review_package,
)
from smedesk.exchange.importing import (
    ImportedDocument,
    ImportResult,
    SheetCheck,
    accept_incoming,
    import_package,
    opinions_for,
)
from smedesk.exchange.inbox import STATE_LABELS, InboxItem, expert_inbox, mark_sent
from smedesk.exchange.signing import SIGNED_PDF_MATERIAL, declare_conflict, sign_opinion
from smedesk.exchange.template import opinion_template

__all__ = [
    "SIGNED_PDF_MATERIAL",
    "STATE_LABELS",
    "ExchangeError",
    "ImportResult",
    "ImportedDocument",
    "InboxItem",
    "SheetCheck",
    "accept_incoming",
    "declare_conflict",
    "expert_inbox",
    "export_application_package",
    "export_opinion_package",
    "export_review_package",
    "import_package",
    "mark_sent",
    "opinion_template",
    "opinions_for",
    "sign_opinion",
]
