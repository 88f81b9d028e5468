"""The expert's signing identity, made on first use and kept in the user's data folder.

Two keys, one person: Ed25519 signs package manifests (small, fast, no parameters to get
wrong); ECDSA P-256 with a self-made X.509 certificate signs PDFs, because Debian's PDF
readers (poppler) cannot verify Ed25519 inside a PDF. Both private keys are kept as PKCS#8
PEM files readable by the user alone. The fingerprint people compare is the Ed25519 one,
printed on the opinion sheet and shown to the recommender on import.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from smedesk.export.signing.errors import SigningError

ED25519_FILE = "expert-ed25519.pem"
P256_FILE = "expert-p256.pem"
CERT_FILE = "expert-p256.crt"
IDENTITY_FILE = "identity.json"
CERT_YEARS = 10


def keys_dir() -> Path:
    """``<user data folder>/keys``: where this user's signing keys live."""
    return Path(platformdirs.user_data_dir("smedesk", appauthor=False)) / "keys"


def fingerprint_of(public_key: Ed25519PublicKey | bytes) -> str:
    """«SHA256:» + base64 of the SHA-256 of the raw 32-byte key (as ``ssh-keygen -l`` shows)."""
    raw = public_key if isinstance(public_key, bytes) else _raw(public_key)
    digest = base64.b64encode(hashlib.sha256(raw).digest()).decode("ascii").rstrip("=")
    return f"SHA256:{digest}"


@dataclass(frozen=True)
class Identity:
    """The keys of one signer."""

    name: str
    ed25519: Ed25519PrivateKey
    p256: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def public_key(self) -> bytes:
        return _raw(self.ed25519.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)


def load_or_create_identity(name: str, folder: Path | None = None) -> Identity:
    """The signer's identity in ``folder`` (default :func:`keys_dir`), made if there is none.

    The name is fixed when the keys are made: a key signs for one person. Asking for another
    name with existing keys is refused rather than silently signing as the old name.
    """
    name = name.strip()
    if not name:
        raise SigningError("签名需要填写专家姓名")
    root = folder or keys_dir()
    meta = root / IDENTITY_FILE
    try:
        if not meta.exists():
            return _create(name, root)
        stored = json.loads(meta.read_text(encoding="utf-8"))
        if stored.get("name") != name:
            raise SigningError(
                f"本机的签名密钥属于「{stored.get('name')}」，不能用于「{name}」签名；"
                "如需为他人签名，请在其本人的电脑上操作"
            )
        ed = serialization.load_pem_private_key((root / ED25519_FILE).read_bytes(), None)
        p256 = serialization.load_pem_private_key((root / P256_FILE).read_bytes(), None)
        cert = x509.load_pem_x509_certificate((root / CERT_FILE).read_bytes())
    except SigningError:
        raise
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        raise SigningError(f"无法读取签名密钥（{root}）：{exc}") from None
    if not isinstance(ed, Ed25519PrivateKey) or not isinstance(p256, ec.EllipticCurvePrivateKey):
        raise SigningError(f"签名密钥文件（{root}）的类型不对，无法使用")
    return Identity(name, ed, p256, cert)


def _create(name: str, root: Path) -> Identity:
    root.mkdir(parents=True, exist_ok=True)
    ed = Ed25519PrivateKey.generate()
    p256 = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(name, p256, fingerprint_of(ed.public_key()))
    _write_private(root / ED25519_FILE, _pem(ed))
    _write_private(root / P256_FILE, _pem(p256))
    _write_private(root / CERT_FILE, cert.public_bytes(serialization.Encoding.PEM))
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    info = {"name": name, "fingerprint": fingerprint_of(ed.public_key()), "created_at": created}
    # Written last: an identity file means a complete set of keys.
    _write_private(root / IDENTITY_FILE, json.dumps(info, ensure_ascii=False).encode("utf-8"))
    return Identity(name, ed, p256, cert)


def _certificate(name: str, key: ec.EllipticCurvePrivateKey, fingerprint: str) -> x509.Certificate:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "smedesk 评审专家"),
            # Binds the PDF key to the package key people compare.
            x509.NameAttribute(NameOID.SERIAL_NUMBER, fingerprint),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CERT_YEARS))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


def _pem(key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _write_private(path: Path, data: bytes) -> None:
    # Made with 0600 from the start: a private key is never readable by others, not even briefly.
    tmp = path.with_name(f".{path.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)
