"""Which key each signer had when first seen (trust on first use, like SSH's known_hosts).

The first opinion package from «王五» pins his key's fingerprint; a later package from «王五»
signed by another key is shown as changed — someone else's key, or a reinstalled laptop —
and never passes silently.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import tempfile
from pathlib import Path

import platformdirs

from smedesk.export.signing.errors import SigningError

TRUST_FILE = "trusted-signers.json"


class TrustState(enum.StrEnum):
    NEW = "new"  # first contact: pinned now
    KNOWN = "known"  # the key pinned before
    CHANGED = "changed"  # another key than the one pinned

    @property
    def label(self) -> str:
        return {
            TrustState.NEW: "首次见到此签名者，导入后记录其密钥指纹",
            TrustState.KNOWN: "与此前记录的密钥一致",
            TrustState.CHANGED: "与此前记录的密钥不一致",
        }[self]


class TrustStore:
    """``trusted-signers.json`` in the user's data folder: signer name → pinned fingerprint."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = (
            path or Path(platformdirs.user_data_dir("smedesk", appauthor=False)) / TRUST_FILE
        )

    def _load(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SigningError(f"无法读取已记录的签名者列表（{self.path}）：{exc}") from None
        return data if isinstance(data, dict) else {}

    def pinned(self, name: str) -> str | None:
        entry = self._load().get(name)
        return entry.get("fingerprint") if isinstance(entry, dict) else None

    def check(self, name: str, fingerprint: str, *, pin: bool = True) -> TrustState:
        """Compare with the pinned key; on first contact pin it (unless ``pin`` is False)."""
        known = self.pinned(name)
        if known is None:
            if pin:
                self.pin(name, fingerprint)
            return TrustState.NEW
        return TrustState.KNOWN if known == fingerprint else TrustState.CHANGED

    def pin(self, name: str, fingerprint: str) -> None:
        """Record (or, after the user confirmed a changed key, replace) the signer's key."""
        data = self._load()
        data[name] = {
            "fingerprint": fingerprint,
            "pinned_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
