"""Fuzzing the import: documents with any JSON in any field, manifest recomputed to match, must
give a clean refusal (a Chinese message) and leave the store as it was — or import whole."""

from __future__ import annotations

import hashlib
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smedesk.demo import reports
from smedesk.errors import UserError
from smedesk.exchange import export_application_package, import_package
from smedesk.exchange.common import document_bytes
from smedesk.store import DocumentStore, open_database

from support.exchange import desk
from support.packages import members, rezip


@cache
def package_members() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        applicant = desk(Path(tmp), "applicant")
        report = reports.shenyang_information_platform()
        data, _ = document_bytes(report)
        doc_id = applicant.store.create(
            report.kind,
            "申请报告",
            data,
            scheme_id="miit-2017",
            scheme_version="2017.1",
            author="甲",
        )
        applicant.store.add_attachment(
            doc_id, "licence", "执照.pdf", b"%PDF-1.4", "application/pdf"
        )
        out = Path(tmp) / "p.smedesk"
        export_application_package(applicant.store, doc_id, out, creator_name="甲", with_pdf=False)
        contents = members(out)
        applicant.database.close()
        return contents


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, bytes]:
    contents = dict(package_members())
    name = next(n for n in contents if n.startswith("documents/"))
    doc: dict[str, Any] = json.loads(contents[name])
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["top", "form", "basic", "deep", "version", "kind"]))
        value = draw(json_values)
        if where == "top":
            doc[draw(st.sampled_from([*doc.keys(), "extra"]))] = value
        elif where == "form" and isinstance(doc.get("form"), dict) and doc["form"]:
            doc["form"][draw(st.sampled_from(list(doc["form"].keys())))] = value
        elif where == "basic" and isinstance(doc.get("form"), dict):
            basic = doc["form"].get("basic")
            if isinstance(basic, dict) and basic:
                basic[draw(st.sampled_from(list(basic.keys())))] = value
        elif where == "deep":
            nested: Any = 0
            for _ in range(draw(st.sampled_from([10, 5000]))):
                nested = [nested]
            doc["served_enterprises"] = nested
        elif where == "version":
            doc["format_version"] = draw(st.sampled_from([0, 1, 2, 3, 99, -1, "2", None]))
        else:
            doc["kind"] = draw(st.sampled_from(["expert-opinion", "nope", "panel-opinion"]))
    try:
        text = json.dumps(doc, ensure_ascii=False).encode()
    except RecursionError:
        text = b"[" * 5000 + b"]" * 5000
    contents[name] = text
    manifest = json.loads(contents["manifest.json"])
    for entry in manifest["members"]:
        if entry["path"] == name:
            entry["size"], entry["sha256"] = len(text), hashlib.sha256(text).hexdigest()
    contents["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    contents.pop("signature.json", None)
    return contents


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(contents=mutated())
def test_any_document_content_is_refused_cleanly_or_imported_whole(
    contents: dict[str, bytes],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        package = rezip(root / "p.smedesk", contents)
        database = open_database(f"sqlite:///{root / 'db.sqlite'}")
        store = DocumentStore(database)
        try:
            result = import_package(store, database, package, author="乙")
        except UserError as exc:
            assert exc.message and "Traceback" not in exc.message
            assert store.list(include_deleted=True) == []
        else:
            (doc,) = result.documents
            assert doc.status == "new" and len(store.attachments(doc.doc_id)) == 1
        finally:
            database.close()
