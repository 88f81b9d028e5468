"""Why an export or import of the exchange cannot go ahead."""

from __future__ import annotations

from smedesk.errors import UserError


class ExchangeError(UserError):
    """An exchange step refused, with a Chinese sentence saying why and what to do."""
