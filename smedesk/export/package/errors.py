"""Why a package is refused: unreadable (exit 2) or altered / invalid (exit 1)."""

from __future__ import annotations

from smedesk.errors import UserError


class PackageError(UserError):
    """A package that cannot be used; ``member`` names the member at fault, if one is."""

    def __init__(self, message: str, member: str | None = None) -> None:
        super().__init__(message)
        self.member = member


class PackageUnreadable(PackageError):
    """Not a package this program can read: not a zip, a refused name, over a limit, unknown
    format version, a malformed manifest."""


class PackageTampered(PackageError):
    """A readable package whose content does not match its manifest or its signature."""
