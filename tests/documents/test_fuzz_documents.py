"""Damaged documents (hypothesis): real PDFs, Word files, EPUBs and messages with bytes changed,
cut or spliced are read or refused with one line (an InputError), never another exception."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from makers import make_docx, make_epub, make_pdf, newsletter, sample_doc

from briefing.errors import BriefingError
from briefing.ingest.documents import document_kind, read_document

pytest.importorskip("reportlab", reason="reportlab (the test extra) is not installed")
pytest.importorskip("docx", reason="python-docx (the test extra) is not installed")

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture],
                derandomize=True)
_ORIGINALS: dict[str, bytes] = {}


def originals(folder) -> dict[str, bytes]:
    if not _ORIGINALS:
        doc = sample_doc()
        _ORIGINALS.update({
            "pdf": make_pdf(doc, folder / "a.pdf").read_bytes(),
            "docx": make_docx(doc, folder / "a.docx").read_bytes(),
            "epub": make_epub([doc], folder / "a.epub").read_bytes(),
            "mail": bytes(newsletter(doc)),
        })
    return _ORIGINALS


def _unzipped_edit(data: bytes, position: int, byte: int) -> bytes:
    """The same package with one byte changed inside one of its parts (damage a zip check misses)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for index, info in enumerate(source.infolist()):
            content = bytearray(source.read(info))
            if content and index == position % len(source.infolist()):
                content[(position * 7919) % len(content)] = byte
            target.writestr(info, bytes(content))
    return out.getvalue()


@FUZZ
@given(kind=st.sampled_from(["pdf", "docx", "epub", "mail"]),
       edits=st.lists(st.tuples(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=255)),
                      max_size=8),
       cut=st.one_of(st.none(), st.floats(min_value=0.0, max_value=1.0)),
       inside=st.booleans())
def test_damaged_documents_are_read_or_refused_in_one_line(tmp_path_factory, kind, edits, cut, inside):
    data = originals(tmp_path_factory.getbasetemp())[kind]
    if inside and kind in ("docx", "epub"):
        for position, byte in edits:
            data = _unzipped_edit(data, position, byte)
    else:
        changed = bytearray(data)
        for position, byte in edits:
            changed[position % len(changed)] = byte
        data = bytes(changed)
    if cut is not None:
        data = data[: int(len(data) * cut)]
    found = document_kind(data, suffix=f".{'eml' if kind == 'mail' else kind}")
    if found is None:
        return  # cut to nothing a document reader would take: the text readers' business
    try:
        articles = read_document(found, data, source="fuzzed", title=None, latest=None)
    except BriefingError as exc:
        assert "\n" not in str(exc)
        return
    for article in articles:
        assert article.sections and all(s.paragraphs for s in article.sections)
