"""Exchange packages (``.smedesk``): one zip that carries documents, attachments, PDFs and a
signed manifest between the applicant, the recommending authority and the experts.

The format is described for other programs in ``docs/package-format.md``. Writing is
:func:`write_package`; reading is defensive (:func:`open_package` checks every name, size
and hash before anything is used; :func:`extract_package` writes only inside the folder it
is given).
"""

from smedesk.export.package.errors import PackageError, PackageTampered, PackageUnreadable
from smedesk.export.package.limits import DEFAULT_LIMITS, Limits
from smedesk.export.package.manifest import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    Creator,
    DocumentEntry,
    Manifest,
    MemberEntry,
)
from smedesk.export.package.reader import Package, extract_package, open_package
from smedesk.export.package.writer import PackageBuilder, write_package

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MANIFEST",
    "SIGNATURE",
    "Creator",
    "DocumentEntry",
    "Limits",
    "Manifest",
    "MemberEntry",
    "Package",
    "PackageBuilder",
    "PackageError",
    "PackageTampered",
    "PackageUnreadable",
    "extract_package",
    "open_package",
    "write_package",
]
