"""An IMAP mailbox as a show source, against a real dovecot on 127.0.0.1 (plain and TLS):
newsletters of one sender read without changing anything on the server, a show that runs twice
covers each once, and `mark_read = true` marks exactly the covered messages read."""

from __future__ import annotations

import pytest

from conftest import run_cli
from dovecot import PASSWORD, USER, deliver, dovecot_binary, dovecot_server, flags
from makers import BBC, bbc_docs, newsletter, sample_doc

from briefing.errors import BriefingError
from briefing.models import Source
from briefing.show.config import load_sources
from briefing.show.sources import fetch_source

pytestmark = pytest.mark.skipif(dovecot_binary() is None, reason="dovecot (dovecot-imapd) is not installed")

SEEN = "\\Seen"


def stories():
    if BBC.is_file():
        return [sample_doc()] + bbc_docs(1)
    doc = sample_doc()
    return [doc, type(doc)("Ferry Timetable Doubles in Spring", doc.sections[2:])]


@pytest.fixture(scope="module")
def server():
    """dovecot with two newsletters from the morning sender and one message from someone else."""
    with dovecot_server() as (plain, secure, cert):
        other = newsletter(stories()[1], 9, sender=("A Friend", "friend@example.org"))
        del other["Subject"]
        other["Subject"] = "Lunch on Friday?"
        deliver(plain, [newsletter(doc, number) for number, doc in enumerate(stories(), 1)] + [other])
        yield {"plain": plain, "secure": secure, "cert": cert}


def source(server, scheme="imap", **extra) -> Source:
    port = server["plain"] if scheme == "imap" else server["secure"]
    return Source(url=f"{scheme}://{USER}@127.0.0.1:{port}/INBOX?from=morning@news.example.org",
                  password_env="TEST_IMAP_PASSWORD", **extra)


def test_the_senders_newsletters_are_read_and_nothing_changes_on_the_server(server, monkeypatch):
    monkeypatch.setenv("TEST_IMAP_PASSWORD", PASSWORD)
    before = flags(server["plain"])
    fetch = fetch_source(source(server))
    assert fetch.status == "ok", fetch.status
    assert [i.article.title for i in fetch.items] == [d.title for d in reversed(stories())]  # newest first
    assert fetch.name == "Morning Harbor"
    assert all(i.guid.endswith("@news.example.org>") for i in fetch.items)  # the Message-ID
    assert [i.link for i in fetch.items] == ["https://news.example.org/issues/2", "https://news.example.org/issues/1"]
    assert "Harbor Bank" not in "\n".join(p for i in fetch.items for s in i.article.sections for p in s.paragraphs)
    assert flags(server["plain"]) == before and not any(SEEN in f for f in before.values())
    assert len(fetch_source(source(server, latest=1)).items) == 1


def test_imaps_checks_the_certificate(server, monkeypatch):
    if server["secure"] is None:
        pytest.skip("openssl could not make a certificate for the TLS listener")
    monkeypatch.setenv("TEST_IMAP_PASSWORD", PASSWORD)
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent")  # trust nothing: the self-signed cert is refused
    refused = fetch_source(source(server, "imaps"))
    assert "certificate is not trusted" in refused.status and not refused.items
    monkeypatch.setenv("SSL_CERT_FILE", str(server["cert"]))  # trust it: read as over plain IMAP
    fetch = fetch_source(source(server, "imaps"))
    assert fetch.status == "ok" and len(fetch.items) == 2


@pytest.mark.parametrize("problem", ["wrong password", "no password", "no mailbox", "no server"])
def test_a_failing_mailbox_is_one_line_of_reason(server, monkeypatch, problem):
    monkeypatch.setenv("TEST_IMAP_PASSWORD", "wrong" if problem == "wrong password" else PASSWORD)
    chosen = source(server)
    if problem == "no password":
        monkeypatch.delenv("TEST_IMAP_PASSWORD")
    elif problem == "no mailbox":
        chosen = Source(url=chosen.url.replace("/INBOX", "/Archive"), password_env="TEST_IMAP_PASSWORD")
    elif problem == "no server":
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        chosen = Source(url=f"imap://{USER}@127.0.0.1:{port}/INBOX", password_env="TEST_IMAP_PASSWORD")
    fetch = fetch_source(chosen)
    expected = {"wrong password": "refused the login", "no password": "TEST_IMAP_PASSWORD (password_env) is not set",
                "no mailbox": "no mailbox 'Archive'", "no server": "cannot reach the IMAP server"}[problem]
    assert expected in fetch.status and "\n" not in fetch.status and not fetch.items


@pytest.mark.parametrize("entry, expected", [
    ('url = "imaps://reader@mail.example.org/INBOX"', "needs password_env"),
    ('url = "imap://reader@mail.example.org/INBOX"\npassword_env = "P"', "unencrypted"),
    ('url = "imaps://reader:secret@mail.example.org/INBOX"\npassword_env = "P"', "not in the URL"),
    ('url = "imaps://mail.example.org/INBOX"\npassword_env = "P"', "needs a user"),
    ('url = "imaps://reader@mail.example.org/INBOX?folder=x"\npassword_env = "P"', "unknown parameter"),
    ('url = "imaps://reader@mail.example.org/INBOX"\npassword_env = "P"\nmark_read = "yes"', "true or false"),
    ('url = "https://example.org/feed.xml"\nmark_read = true', "only for an IMAP source"),
    ('url = "imaps://reader@mail.example.org/INBOX"\npassword_env = "MY PASSWORD"', "name an environment variable"),
    ('url = "imaps://reader@mail.example.org/INBOX?from=zoë@example.org"\npassword_env = "P"', "from= should be"),
])
def test_the_show_file_checks_an_imap_source(tmp_path, entry, expected):
    path = tmp_path / "briefing.toml"
    path.write_text(f'[show]\ntitle = "Harbor"\n\n[[source]]\n{entry}\n', encoding="utf-8")
    with pytest.raises(BriefingError, match=expected):
        load_sources(path)


def test_a_good_imap_source_is_accepted(tmp_path):
    path = tmp_path / "briefing.toml"
    path.write_text('[show]\ntitle = "Harbor"\n\n[[source]]\nurl = "imap://reader@127.0.0.1:1143/INBOX?from=a@b.org"\n'
                    'password_env = "NEWS_IMAP_PASSWORD"\nmark_read = true\n', encoding="utf-8")
    (loaded,) = load_sources(path)
    assert loaded.password_env == "NEWS_IMAP_PASSWORD" and loaded.mark_read and not loaded.allow_plaintext


def show_file(folder, server, mark_read: bool):
    folder.mkdir()
    path = folder / "briefing.toml"
    path.write_text(f"""[show]
title = "Inbox Briefing"
minutes = 3
site = "site"

[[source]]
url = "imap://{USER}@127.0.0.1:{server['plain']}/INBOX?from=morning@news.example.org"
password_env = "TEST_IMAP_PASSWORD"
{"mark_read = true" if mark_read else ""}
""", encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_show_runs_twice_covers_each_newsletter_once_and_marks_nothing_read(server, tmp_path):
    show = show_file(tmp_path / "plain", server, mark_read=False)
    env = {"TEST_IMAP_PASSWORD": PASSWORD}
    first = run_cli("run", "--show", str(show), "--date", "2026-12-03", env=env, timeout=300)
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout.decode().strip().splitlines()[-1].endswith("/feed.xml")
    from briefing.publish import list_episodes

    (episode,) = list_episodes(show.parent / "site")
    import json

    notes = json.loads((show.parent / "site" / "episodes" / episode.files["notes"]).read_text())
    assert len(notes["stories"]) == 2
    links = {s["url"] for story in notes["stories"] for s in story["sources"]}
    assert links == {"https://news.example.org/issues/1", "https://news.example.org/issues/2"}
    second = run_cli("run", "--show", str(show), "--date", "2026-12-03", env=env, timeout=300)
    assert second.returncode == 0, second.stderr.decode()
    assert second.stdout.decode().strip().splitlines()[-1] == "nothing new"
    assert not any(SEEN in f for f in flags(server["plain"]).values())


@pytest.mark.slow
def test_mark_read_marks_exactly_the_covered_messages_read(server, tmp_path):
    show = show_file(tmp_path / "marking", server, mark_read=True)
    result = run_cli("run", "--show", str(show), "--date", "2026-12-03", env={"TEST_IMAP_PASSWORD": PASSWORD},
                     timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    seen = {message_id: SEEN in f for message_id, f in flags(server["plain"]).items()}
    assert sorted(seen.values()) == [False, True, True]  # the two newsletters; not the friend's message
    assert not next(v for k, v in seen.items() if "issue9" in k)


def test_a_mailbox_with_a_name_beyond_ascii_is_found(server, monkeypatch):
    import imaplib

    from briefing.show.imap import mailbox_name

    client = imaplib.IMAP4("127.0.0.1", server["plain"], timeout=10)
    client.login(USER, PASSWORD)
    client.create(mailbox_name("Übersicht"))
    client.logout()
    deliver(server["plain"], [newsletter(sample_doc(), 5)], mailbox=mailbox_name("Übersicht"))
    monkeypatch.setenv("TEST_IMAP_PASSWORD", PASSWORD)
    fetch = fetch_source(Source(url=f"imap://{USER}@127.0.0.1:{server['plain']}/%C3%9Cbersicht",
                                password_env="TEST_IMAP_PASSWORD"))
    assert fetch.status == "ok" and [i.article.title for i in fetch.items] == [sample_doc().title]
