"""A batch of 申报包 with bad ones among them: each bad one refused with its reason, nothing of
it written; the good ones still join the round, as read back from the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from smedesk.exchange.exporting import export_application_package
from smedesk.export.package import Creator, PackageBuilder
from smedesk.export.package.manifest import SchemeStamp
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.importing import import_into_round
from smedesk.rounds.service import RoundStore, served_usccs
from smedesk.store import DocumentStore, open_database
from smedesk.store.imports import import_origin

from support.packages import members, rezip
from support.round_fixtures import application, store_application

NAMES = [("沈阳甲信息服务有限公司", "91210100A000000001"),
         ("大连乙科技服务有限公司", "91210200A000000002"),
         ("鞍山丙服务中心", "91210300A000000003")]  # fmt: skip


def _packages(folder: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    database = open_database(f"sqlite:///{folder / 'applicants.db'}")
    try:
        applicants = DocumentStore(database)
        paths, datas = [], []
        for n, (name, uscc) in enumerate(NAMES):
            data = application(name, uscc, range(n * 10, n * 10 + 30))
            doc_id = store_application(applicants, data)
            paths.append(folder / f"{n}.smedesk")
            export_application_package(applicants, doc_id, paths[-1], creator_name=name,
                                       with_pdf=False)  # fmt: skip
            datas.append(applicants.get(doc_id).data)
    finally:
        database.close()
    return paths, datas


def _unknown_field_package(folder: Path) -> tuple[Path, str]:
    """A well-formed, correctly hashed package whose document holds a field no model has."""
    data = application("本溪丁服务有限公司", "91210500A000000004", range(200, 230))
    data["form"]["basic"]["来自新版本的字段"] = "x"
    builder = PackageBuilder("application", Creator(role="applicant", name="本溪丁服务有限公司"),
                             SchemeStamp(id="miit-2019-call", version="2019.1"))  # fmt: skip
    text = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    builder.add_document(data, text, purpose="application", title="本溪丁服务有限公司")
    path = folder / "unknown.smedesk"
    builder.write(path)
    return path, data["doc_id"]


def test_bad_packages_are_refused_with_reasons_and_the_others_join(
    rounds: RoundStore, tmp_path: Path
) -> None:
    (good_a, good_b, good_c), datas = _packages(tmp_path)
    contents = members(good_b)
    document = next(n for n in contents if n.startswith("documents/"))
    contents[document] = contents[document].replace("大连乙".encode(), "大连戊".encode())
    tampered = rezip(tmp_path / "tampered.smedesk", contents)
    not_a_package = tmp_path / "notes.smedesk"
    not_a_package.write_bytes(b"not a zip at all")
    unknown, unknown_id = _unknown_field_package(tmp_path)
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip

    result = import_into_round(rounds.documents, round_.id,
                               [good_a, tampered, not_a_package, unknown, good_c],
                               author="王科员")  # fmt: skip

    assert [line.split("」")[0] for line in result.refused] == [
        "「tampered.smedesk", "「notes.smedesk", "「unknown.smedesk"]  # fmt: skip
    assert "校验" in result.refused[0] and document in result.refused[0]
    assert "不是有效的 smedesk 包" in result.refused[1]
    assert "来自新版本的字段" in result.refused[2] and "未知字段" in result.refused[2]
    # Nothing of the refused packages was written; the good ones are whole.
    stored = {info.id for info in rounds.documents.list(include_deleted=True)}
    assert stored == {datas[0]["doc_id"], datas[2]["doc_id"]}
    assert unknown_id not in stored
    entries = rounds.entries(round_.id)
    assert [e.organisation for e in entries] == [NAMES[0][0], NAMES[2][0]]
    for entry, data in zip(entries, (datas[0], datas[2]), strict=True):
        # The entry was made from the data the import held: it is what the store holds.
        kept = rounds.documents.get(entry.doc_id)
        assert list(entry.served) == served_usccs(kept.data) == served_usccs(data)
        assert kept.version == 1
        assert [r.number for r in rounds.documents.revisions(entry.doc_id)] == [1]
        origin = import_origin(rounds.documents.database, entry.doc_id)
        assert origin is not None and origin.endswith("，只读")
    assert [e.doc_id for e in result.added] == [e.doc_id for e in entries]
