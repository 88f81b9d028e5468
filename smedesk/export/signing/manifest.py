"""``signature.json``: an Ed25519 signature over the exact bytes of ``manifest.json``.

The manifest holds the SHA-256 of every other member, so this one signature covers the
whole package. The signer named is the manifest's creator (inside what is signed); the
signature file carries only the algorithm, the public key, its fingerprint and the signature.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from smedesk.export.signing.keys import Identity, fingerprint_of
from smedesk.export.signing.trust import TrustState, TrustStore

ALGORITHM = "Ed25519"


def make_signer(identity: Identity) -> Callable[[bytes], bytes]:
    """A callable the package writer gives the manifest bytes to; returns ``signature.json``."""

    def sign(manifest: bytes) -> bytes:
        body = {
            "algorithm": ALGORITHM,
            "public_key": base64.b64encode(identity.public_key).decode("ascii"),
            "fingerprint": identity.fingerprint,
            "signature": base64.b64encode(identity.ed25519.sign(manifest)).decode("ascii"),
        }
        return (json.dumps(body, indent=2) + "\n").encode("utf-8")

    return sign


@dataclass(frozen=True)
class SignatureCheck:
    """What the recommender sees for a signed package: by whom, valid or not, and why."""

    valid: bool
    signer: str
    fingerprint: str | None
    reason: str
    trust: TrustState | None = None

    @property
    def trusted(self) -> bool:
        return self.valid and self.trust is not TrustState.CHANGED


def verify_manifest_signature(
    manifest: bytes,
    signature: bytes | None,
    signer: str,
    *,
    trust: TrustStore | None = None,
    pin: bool = True,
) -> SignatureCheck:
    """Check ``signature.json`` against the manifest's bytes; pin or compare the signer's key."""
    if signature is None:
        return SignatureCheck(False, signer, None, "包未签名")
    try:
        body = json.loads(signature.decode("utf-8"))
        if not isinstance(body, dict) or body.get("algorithm") != ALGORITHM:
            return SignatureCheck(False, signer, None, f"签名算法不受支持（应为 {ALGORITHM}）")
        raw = base64.b64decode(str(body["public_key"]), validate=True)
        sig = base64.b64decode(str(body["signature"]), validate=True)
        key = Ed25519PublicKey.from_public_bytes(raw)
    except (UnicodeDecodeError, ValueError, KeyError, binascii.Error):
        return SignatureCheck(False, signer, None, "签名文件 signature.json 格式有误")
    fingerprint = fingerprint_of(raw)
    if body.get("fingerprint") != fingerprint:
        return SignatureCheck(False, signer, fingerprint, "签名文件中的指纹与其公钥不符")
    try:
        key.verify(sig, manifest)
    except InvalidSignature:
        return SignatureCheck(
            False, signer, fingerprint, "签名无效：清单在签名后被改动，或签名不属于此清单"
        )
    state = (trust or TrustStore()).check(signer, fingerprint, pin=pin)
    if state is TrustState.CHANGED:
        return SignatureCheck(
            True,
            signer,
            fingerprint,
            f"签名本身有效，但「{signer}」的密钥与此前记录的不同（{state.label}）；"
            "请与本人核实指纹后再接受",
            state,
        )
    return SignatureCheck(True, signer, fingerprint, f"签名有效（{state.label}）", state)
