"""E-mail newsletters made with the stdlib email package: one .eml, an .mbox, a Maildir. Each
message one article (subject, date, sender), the HTML part preferred, the clutter gone and the
story whole."""

from __future__ import annotations

import json
import re
from email.message import EmailMessage

import pytest

from conftest import run_cli
from makers import BBC, SENDER, bbc_docs, newsletter, sample_doc, write_eml, write_maildir, write_mbox

from briefing.ingest import read_articles
from briefing.ingest.mail import read_messages
from briefing.ingest.newsletter import clutter

CLUTTER = ("View this email", "Harbor Bank", "forwarded", "Sign up", "preferences", "nsubscribe", "Quay Street",
           "Today:", "More")


def body(article) -> str:
    return "\n".join(p for s in article.sections for p in s.paragraphs)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def docs():
    return [sample_doc()] + (bbc_docs(2) if BBC.is_file() else [])


@pytest.mark.parametrize("html", [True, False], ids=["html", "plain-only"])
def test_a_newsletter_is_its_story_titled_dated_and_credited(tmp_path, html):
    doc = sample_doc()
    path = write_eml(newsletter(doc, 3, html=html), tmp_path / "issue.eml")
    (article,) = read_articles(str(path))
    assert article.title == doc.title
    assert article.published.isoformat() == "2026-12-03" and article.byline == SENDER[0]
    assert [s.heading for s in article.sections] == [h for h, _ in doc.sections]
    assert words(body(article)) == words(doc.body)  # the story whole, nothing else
    for left_out in CLUTTER:
        assert left_out not in body(article)


def test_the_web_version_is_the_messages_link_for_the_show_notes(tmp_path):
    (message,) = read_messages(bytes(newsletter(sample_doc(), 4)), source="issue.eml")
    assert message.link == "https://news.example.org/issues/4"
    assert message.message_id.endswith("@news.example.org>")


def test_the_html_part_is_preferred_over_the_plain_one(tmp_path):
    message = EmailMessage()
    message["From"], message["Subject"], message["Date"] = "a@example.org", "Two parts", "Mon, 30 Nov 2026 06:00:00 +0000"
    message.set_content("The plain part says the ferry sails at nine.\n")
    message.add_alternative("<html><body><p>The HTML part says the ferry sails at ten, the harbor office "
                            "announced on Monday.</p></body></html>", subtype="html")
    (article,) = read_articles(str(write_eml(message, tmp_path / "two.eml")))
    assert "at ten" in body(article) and "at nine" not in body(article)


def test_story_text_that_merely_mentions_clutter_words_stays():
    kept = ["The council will sponsor a second ferry if ridership holds above 900 a day.",
            "Riders can buy tickets in a browser or with the app, the operator said.",
            "The mayor said she had forwarded the complaints to the harbor authority."]
    assert [clutter(p) for p in kept] == [None, None, None]
    dropped = ["View this email in your browser", "View in browser", "Unsubscribe | Update your preferences",
               "Was this email forwarded to you? Sign up here.", "Sponsored by Harbor Bank",
               "Our mailing address is: Morning Harbor, 12 Quay Street, Millbrook, ME 04101"]
    assert all(clutter(p) for p in dropped)


@pytest.mark.parametrize("kind", ["mbox", "maildir"])
def test_a_mailbox_is_read_newest_first_like_a_feed(tmp_path, kind):
    chosen = docs()
    messages = [newsletter(doc, number) for number, doc in enumerate(chosen, 1)]
    if kind == "mbox":
        path = write_mbox(messages, tmp_path / "news.mbox")
    else:
        path = write_maildir(messages, tmp_path / "Maildir")
    articles = read_articles(str(path), latest=10)
    assert [a.title for a in articles] == [d.title for d in reversed(chosen)]
    assert read_articles(str(path), latest=1) == articles[:1]
    result = run_cli("article", str(path), "--json", "--latest", "1", timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    printed = json.loads(result.stdout)
    printed = printed if isinstance(printed, list) else [printed]
    assert [a["title"] for a in printed] == [chosen[-1].title]


def test_script_takes_a_newsletter(tmp_path):
    path = write_eml(newsletter(sample_doc()), tmp_path / "issue.eml")
    result = run_cli("script", str(path), timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "ferry" in text.lower() and "Harbor Bank" not in text and "nsubscribe" not in text


@pytest.mark.parametrize("damage", ["empty", "headers-only", "empty-mbox", "empty-maildir", "image-only", "encrypted"])
def test_messages_without_text_are_refused_in_one_line(tmp_path, damage):
    if damage == "empty":
        path = tmp_path / "empty.eml"
        path.write_bytes(b"")
        expected = "is empty"
    elif damage == "headers-only":  # a message cut off after its headers
        whole = bytes(newsletter(sample_doc()))
        path = tmp_path / "cut.eml"
        path.write_bytes(whole[: whole.index(b"\n\n") + 2])
        expected = "has no text"
    elif damage == "empty-mbox":
        path = tmp_path / "empty.mbox"
        path.write_bytes(b"\n\n")
        expected = "is empty"
    elif damage == "empty-maildir":
        path = write_maildir([], tmp_path / "Maildir")
        expected = "is empty"
    elif damage == "encrypted":  # PGP/MIME (RFC 3156): the body is ciphertext
        message = EmailMessage()
        message["From"], message["Subject"] = "a@example.org", "Board minutes"
        message["Date"] = "Mon, 30 Nov 2026 06:00:00 +0000"
        message.make_mixed()
        message.set_type("multipart/encrypted")
        message.set_param("protocol", "application/pgp-encrypted")
        control, payload = EmailMessage(), EmailMessage()
        control.set_content(b"Version: 1\n", maintype="application", subtype="pgp-encrypted")
        payload.set_content(b"-----BEGIN PGP MESSAGE-----\nhQEMA...\n-----END PGP MESSAGE-----\n",
                            maintype="application", subtype="octet-stream")
        message.attach(control)
        message.attach(payload)
        path = write_eml(message, tmp_path / "secret.eml")
        expected = "is encrypted (PGP or S/MIME)"
    else:
        message = EmailMessage()
        message["From"], message["Subject"] = "a@example.org", "Pictures"
        message["Date"] = "Mon, 30 Nov 2026 06:00:00 +0000"
        message.set_content('<html><body><img src="https://example.org/a.png" width="1" height="1"></body></html>',
                            subtype="html")
        path = write_eml(message, tmp_path / "pictures.eml")
        expected = "has no text"
    result = run_cli("article", str(path), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_table_layout_with_bare_text_in_its_cells_is_read(tmp_path):
    # As Mailchimp-style templates send it: the story's text straight in table cells, no <p>.
    doc = sample_doc()
    cells = "".join(f'<tr><td class="mcnTextContent" style="font-size:16px">{p}</td></tr>'
                    for _, paragraphs in doc.sections[:2] for p in paragraphs)
    message = EmailMessage()
    message["From"], message["Subject"] = "Morning Harbor <morning@news.example.org>", doc.title
    message["Date"] = "Mon, 30 Nov 2026 06:00:00 +0000"
    message.set_content("(plain part)")
    message.add_alternative(f'<html><body><table><tr><td><a href="https://news.example.org/w/1">View in browser</a>'
                            f'</td></tr>{cells}<tr><td>You are receiving this because you signed up.<br>'
                            f'<a href="https://news.example.org/u">Unsubscribe</a></td></tr></table></body></html>',
                            subtype="html")
    (article,) = read_articles(str(write_eml(message, tmp_path / "cells.eml")))
    expected = [p for _, paragraphs in doc.sections[:2] for p in paragraphs]
    assert [p for s in article.sections for p in s.paragraphs] == expected


def test_the_newest_of_a_long_mailbox_by_date_even_when_delivered_late(tmp_path):
    from datetime import datetime, timedelta, timezone

    doc = sample_doc()
    start = datetime(2026, 11, 1, 6, 0, tzinfo=timezone.utc)
    messages = [newsletter(type(doc)(f"Issue {n}", doc.sections[:1]), n, sent=start + timedelta(days=n))
                for n in range(30)]
    messages.append(newsletter(type(doc)("Issue 27 again", doc.sections[:1]), 99, sent=start + timedelta(days=27, hours=1)))
    articles = read_articles(str(write_mbox(messages, tmp_path / "long.mbox")), latest=3)
    assert [a.title for a in articles] == ["Issue 29", "Issue 28", "Issue 27 again"]


def test_an_mbox_larger_than_the_input_cap_is_read_from_its_newest_messages(tmp_path):
    from briefing.ingest import MAX_INPUT_BYTES

    doc = sample_doc()
    old = EmailMessage()
    old["From"], old["Subject"], old["Date"] = "archive@example.org", "Old archive", "Mon, 2 Nov 2026 06:00:00 +0000"
    old.add_attachment(bytes(range(256)) * 4000, maintype="application", subtype="octet-stream",
                       filename="archive.bin")  # a megabyte and more, and nothing to read
    path = tmp_path / "years.mbox"
    with path.open("wb") as fh:
        for _ in range(MAX_INPUT_BYTES // len(bytes(old)) + 2):
            fh.write(b"From archive@example.org Mon Nov  2 06:00:00 2026\n" + bytes(old) + b"\n")
        fh.write(b"From morning@news.example.org Mon Nov 30 06:00:00 2026\n" + bytes(newsletter(doc, 7)) + b"\n")
    assert path.stat().st_size > MAX_INPUT_BYTES
    (article,) = read_articles(str(path), latest=1)
    assert article.title == doc.title
    # A single message file that large is still refused: it is no article.
    big = tmp_path / "big.eml"
    big.write_bytes(bytes(old) * (MAX_INPUT_BYTES // len(bytes(old)) + 2))
    result = run_cli("article", str(big), timeout=60)
    assert result.returncode == 2 and "larger than" in result.stderr.decode()


def test_a_mailbox_gives_five_messages_unless_asked_for_more_as_a_feed_does(tmp_path):
    doc = sample_doc()
    path = write_mbox([newsletter(type(doc)(f"Issue {n}", doc.sections[:1]), n) for n in range(8)],
                      tmp_path / "eight.mbox")
    assert [a.title for a in read_articles(str(path))] == [f"Issue {n}" for n in range(7, 2, -1)]
    assert len(read_articles(str(path), latest=8)) == 8
