"""Documents as a show's sources: a folder of PDFs and Word files, a Maildir, an mbox; and a
document made into an episode."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from conftest import run_cli
from makers import make_docx, make_epub, make_pdf, newsletter, sample_doc, write_maildir, write_mbox

from briefing.models import Source
from briefing.show.run import plan_run
from briefing.show.sources import fetch_source

pytest.importorskip("reportlab", reason="reportlab (the test extra) is not installed")
pytest.importorskip("docx", reason="python-docx (the test extra) is not installed")


def test_a_folder_of_documents_is_a_source_like_a_folder_of_articles(tmp_path):
    doc = sample_doc()
    folder = tmp_path / "papers"
    folder.mkdir()
    make_pdf(doc, folder / "ferry.pdf")
    make_docx(type(doc)("Council Agrees Ferry Fares", doc.sections[2:]), folder / "fares.docx")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not a document: not read
    os.utime(folder / "ferry.pdf", (1, 1))  # the oldest
    fetch = fetch_source(Source(url=str(folder), name="Council Papers"))
    assert fetch.status == "ok"
    assert [i.article.title for i in fetch.items] == ["Council Agrees Ferry Fares", doc.title]  # newest first
    assert [i.guid for i in fetch.items] == [str(folder / "fares.docx"), str(folder / "ferry.pdf")]
    assert len(fetch_source(Source(url=str(folder), latest=1)).items) == 1


@pytest.mark.parametrize("kind", ["maildir", "mbox", "folder-with-mbox"])
def test_a_mailbox_source_knows_each_message_by_its_message_id(tmp_path, kind):
    doc = sample_doc()
    messages = [newsletter(doc, 1), newsletter(type(doc)("Ferry Timetable Doubles", doc.sections[2:]), 2)]
    if kind == "maildir":
        path = write_maildir(messages, tmp_path / "Maildir")
    elif kind == "mbox":
        path = write_mbox(messages, tmp_path / "news.mbox")
    else:
        (tmp_path / "inbox").mkdir()
        write_mbox(messages, tmp_path / "inbox" / "news.mbox")
        path = tmp_path / "inbox"
    fetch = fetch_source(Source(url=str(path)))
    # Credited to the sender; a folder, as every folder source, by the folder's name.
    assert fetch.status == "ok" and fetch.name == ("inbox" if kind == "folder-with-mbox" else "Morning Harbor")
    assert [i.guid for i in fetch.items] == [str(m["Message-ID"]) for m in reversed(messages)]
    assert [i.link for i in fetch.items] == ["https://news.example.org/issues/2", "https://news.example.org/issues/1"]


def test_a_show_plans_its_stories_from_a_maildir_and_an_epub(tmp_path):
    doc = sample_doc()
    write_maildir([newsletter(type(doc)("Ferry Timetable Doubles", doc.sections[2:]), 2)], tmp_path / "Maildir")
    (tmp_path / "books").mkdir()
    make_epub([doc], tmp_path / "books" / "harbor.epub")
    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "Harbor Weekly"\nminutes = 3\n\n[[source]]\nurl = "Maildir"\n\n'
                    '[[source]]\nurl = "books"\nname = "Harbor Press"\n', encoding="utf-8")
    plan = plan_run(show, date(2026, 12, 2), dry_run=True)
    assert [(r.status, r.items) for r in plan.sources] == [("ok", 1), ("ok", 1)]
    (episode,) = plan.episodes
    credited = {m.source for _, mentions in episode.stories for m in mentions}
    assert credited == {"Morning Harbor", "Harbor Press"}


def test_a_damaged_document_in_a_show_fails_that_source_in_one_line(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n")
    fetch = fetch_source(Source(url=str(folder)))
    assert fetch.failed and "truncated or damaged" in fetch.status and "\n" not in fetch.status


@pytest.mark.slow
def test_make_turns_a_word_file_into_an_episode(tmp_path):
    path = make_docx(sample_doc(), tmp_path / "ferry.docx")
    result = run_cli("make", str(path), "-o", str(tmp_path / "ferry.mp3"), "--minutes", "1", "-q", timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    chapters = json.loads((tmp_path / "ferry.chapters.json").read_text())
    assert any(c.get("title") == "A Quiet Crossing" for c in chapters["chapters"]) or \
        sample_doc().title in json.dumps(chapters)
