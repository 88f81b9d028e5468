"""A signed package changed in any way is refused: a flipped byte in any member, or a member
changed with the manifest recomputed to match (then the signature fails)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from smedesk.export.package import PackageError, PackageTampered, open_package
from smedesk.export.signing import load_or_create_identity, verify_manifest_signature
from smedesk.export.signing.trust import TrustStore

from support.packages import members, rezip, small_package


@pytest.fixture
def signed(tmp_path: Path) -> Path:
    identity = load_or_create_identity("李秀英", tmp_path / "keys")
    return small_package(tmp_path / "signed.smedesk", identity)


def _verify(path: Path, trust: TrustStore) -> None:
    """What `smedesk verify` does: structure and hashes, then the signature."""
    package = open_package(path)
    check = verify_manifest_signature(
        package.manifest_bytes, package.signature_bytes, package.manifest.creator.name, trust=trust
    )
    if not check.valid:
        raise PackageTampered(check.reason)


def test_the_untouched_package_verifies(signed: Path, tmp_path: Path) -> None:
    _verify(signed, TrustStore(tmp_path / "trust.json"))


def test_flipping_any_byte_of_any_member_is_detected(signed: Path, tmp_path: Path) -> None:
    original = members(signed)
    assert set(original) >= {"manifest.json", "signature.json", "pdf/doc-1.pdf"}
    tried = 0
    for name, data in original.items():
        # first, middle and last byte of every member
        for index in sorted({0, len(data) // 2, len(data) - 1}):
            changed = dict(original)
            flipped = bytearray(data)
            flipped[index] ^= 0x01
            changed[name] = bytes(flipped)
            path = rezip(tmp_path / f"flip-{tried}.smedesk", changed)
            with pytest.raises(PackageError) as caught:
                _verify(path, TrustStore(tmp_path / "trust.json"))
            assert caught.value.message  # a Chinese sentence, not a traceback
            tried += 1
    assert tried >= 3 * len(original) - 2


def test_changed_document_with_recomputed_manifest_fails_the_signature(
    signed: Path, tmp_path: Path
) -> None:
    contents = members(signed)
    doc = json.loads(contents["documents/doc-1.json"])
    doc["note"] = "不同意推荐"
    new_doc = json.dumps(doc, ensure_ascii=False).encode()
    contents["documents/doc-1.json"] = new_doc
    manifest = json.loads(contents["manifest.json"])
    for entry in manifest["members"]:
        if entry["path"] == "documents/doc-1.json":
            entry["size"] = len(new_doc)
            entry["sha256"] = hashlib.sha256(new_doc).hexdigest()
    contents["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    path = rezip(tmp_path / "forged.smedesk", contents)
    package = open_package(path)  # hashes match the recomputed manifest...
    assert package.read("documents/doc-1.json") == new_doc
    with pytest.raises(PackageTampered, match="签名无效"):  # ...but the signature does not
        _verify(path, TrustStore(tmp_path / "trust.json"))


def test_a_key_other_than_the_pinned_one_is_refused(signed: Path, tmp_path: Path) -> None:
    trust = TrustStore(tmp_path / "trust.json")
    _verify(signed, trust)
    impostor = load_or_create_identity("李秀英", tmp_path / "other-keys")
    forged = small_package(tmp_path / "impostor.smedesk", impostor)
    package = open_package(forged)
    check = verify_manifest_signature(
        package.manifest_bytes, package.signature_bytes, "李秀英", trust=trust
    )
    assert check.valid and not check.trusted
    assert "不同" in check.reason
