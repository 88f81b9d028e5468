"""Signatures: the expert's key pair, the signed package manifest, signer pinning, and the
PDF digital signature of the opinion sheet.

- :mod:`.keys`: the identity (Ed25519 for packages, ECDSA P-256 with a self-made certificate for
  PDFs, which Debian's PDF readers can verify) made on first use in the user's data folder;
- :mod:`.manifest`: ``signature.json`` over the exact bytes of ``manifest.json``;
- :mod:`.trust`: which key a signer had when first seen, like SSH's known_hosts;
- :mod:`.pdf`: the visible PDF signature with the handwritten strokes and «专家签名：姓名».
"""

from smedesk.export.signing.errors import SigningError
from smedesk.export.signing.keys import Identity, fingerprint_of, keys_dir, load_or_create_identity
from smedesk.export.signing.manifest import SignatureCheck, make_signer, verify_manifest_signature
from smedesk.export.signing.trust import TrustState, TrustStore

__all__ = [
    "Identity",
    "SignatureCheck",
    "SigningError",
    "TrustState",
    "TrustStore",
    "fingerprint_of",
    "keys_dir",
    "load_or_create_identity",
    "make_signer",
    "verify_manifest_signature",
]
