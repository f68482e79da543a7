"""Feeds as they come: JSON Feed, text before an item's first tag, undeclared and wrong encodings,
UTF-16, double-encoded UTF-8, XML that is not a feed, ill-formed feeds, code samples never spoken."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest import read_articles

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT.parent / "shared" / "eval" / "feeds"

LEAD = ("The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, "
        "the harbor authority said.")
SECOND = "The first crossing to Gull Island carried two hundred passengers."


def _text(article) -> str:
    return " ".join(p for s in article.sections for p in s.paragraphs)


def _write(tmp_path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def rss(items: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return (f'{declaration}<rss version="2.0"><channel><title>Harbor Times</title><link>https://example.org/</link>'
            f"<description>News</description>{items}</channel></rss>")


def item(title: str, description: str, n: int = 1) -> str:
    return (f"<item><title>{title}</title><link>https://example.org/{n}</link><guid>{n}</guid>"
            f"<pubDate>Mon, 0{n} Jun 2026 07:00:00 GMT</pubDate><description>{description}</description></item>")


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_a_json_feed_is_read_item_by_item(tmp_path, version):
    author = {"author": {"name": "Mara Quill"}} if version == "1" else {"authors": [{"name": "Mara Quill"}]}
    feed = {"version": f"https://jsonfeed.org/version/{version}", "title": "Harbor Times",
            "items": [
                {"id": "2", "url": "https://example.org/2", "title": "Lighthouse reopens",
                 "content_text": f"{SECOND}\n\nVisitors queued from dawn.", "date_published": "2026-06-02T07:00:00Z"},
                {"id": "1", "url": "https://example.org/1", "title": "Marigold returns", **author,
                 "content_html": f"<p>{LEAD}</p><p>{SECOND}</p>", "date_published": "2026-06-01T07:00:00+02:00"},
            ]}
    articles = read_articles(_write(tmp_path, "feed.json", json.dumps(feed)), latest=5)
    assert [a.title for a in articles] == ["Lighthouse reopens", "Marigold returns"]
    assert articles[0].sections[0].paragraphs == (SECOND, "Visitors queued from dawn.")
    assert _text(articles[1]) == f"{LEAD} {SECOND}"
    assert articles[1].byline == "Mara Quill" and articles[1].published.isoformat() == "2026-06-01"
    assert articles[0].source == "https://example.org/2"


def test_json_that_is_not_a_feed_is_not_read_as_one(tmp_path):
    path = _write(tmp_path, "data.json", json.dumps({"version": "2.0", "items": [{"title": "x"}]}))
    article = read_articles(path)[0]  # plain text, as before: only a JSON Feed is a feed
    assert article.title != "x"


def test_text_before_an_items_first_tag_is_kept(tmp_path):
    path = _write(tmp_path, "feed.xml", rss(item("Marigold returns", f"{LEAD} &lt;p&gt;{SECOND}&lt;/p&gt;"
                                                 "And the fares stay the same.&lt;br&gt;&lt;br&gt;Until May.")))
    paragraphs = read_articles(path)[0].sections[0].paragraphs
    assert paragraphs == (LEAD, SECOND, "And the fares stay the same.", "Until May.")


def test_code_samples_and_markup_are_never_spoken(tmp_path):
    content = (f"&lt;p&gt;{LEAD}&lt;/p&gt;&lt;pre&gt;&lt;code&gt;nnoremap &amp;lt;Leader&amp;gt;M :make&amp;lt;CR&amp;gt;"
               f"&lt;/code&gt;&lt;/pre&gt;&lt;p&gt;{SECOND}&lt;/p&gt;&lt;p&gt;if (x) {{ y(); }}&lt;/p&gt;")
    text = _text(read_articles(_write(tmp_path, "feed.xml", rss(item("Vim", content))))[0])
    assert text == f"{LEAD} {SECOND}"  # the story stays, whole
    assert "nnoremap" not in text and "<" not in text and "{" not in text


RUSSIAN = "Паром вернулся в порт после зимнего ремонта, сообщили власти гавани."
KOREAN = "여객선이 겨울 수리를 마치고 항구로 돌아왔다고 항만 당국이 밝혔습니다."
CHINESE = "渡輪在冬季維修後返回港口，港務局表示首航載客兩百人。"
JAPANESE = "フェリーは冬の修理を終えて港に戻ったと港湾当局が発表しました。"
HEBREW = "המעבורת חזרה לנמל אחרי תיקוני החורף, כך מסרה רשות הנמל."
GREEK = "Το πλοίο επέστρεψε στο λιμάνι μετά τις επισκευές του χειμώνα, ανακοίνωσε η λιμενική αρχή."


@pytest.mark.parametrize("text, codec", [
    (RUSSIAN, "koi8-r"), (RUSSIAN, "windows-1251"), (KOREAN, "euc-kr"), (CHINESE, "big5"),
    (JAPANESE, "shift_jis"), (HEBREW, "windows-1255"), (GREEK, "windows-1253"),
    ("Le café du port a rouvert ses portes après l’hiver, à la joie des habitués.", "windows-1252"),
])
@pytest.mark.parametrize("declared", ["none", "wrong"])
def test_undeclared_and_wrongly_declared_encodings_are_detected(tmp_path, text, codec, declared):
    declaration = '<?xml version="1.0"?>' if declared == "none" else '<?xml version="1.0" encoding="iso-8859-1"?>'
    if codec == "windows-1252" and declared == "wrong":
        declaration = '<?xml version="1.0" encoding="koi8-r"?>'
    body = " ".join([text] * 4)
    data = rss(item("x", body), declaration).encode(codec)
    article = read_articles(_write(tmp_path, "feed.xml", data))[0]
    assert _text(article) == body


def test_a_declared_encoding_that_is_right_is_used(tmp_path):
    data = rss(item("x", RUSSIAN), '<?xml version="1.0" encoding="koi8-r"?>').encode("koi8-r")
    assert _text(read_articles(_write(tmp_path, "feed.xml", data))[0]) == RUSSIAN


def test_utf8_bytes_under_a_wrong_declaration_stay_utf8(tmp_path):
    data = rss(item("Euro", "Prices in € rose at the café."), '<?xml version="1.0" encoding="windows-1252"?>')
    assert _text(read_articles(_write(tmp_path, "feed.xml", data.encode("utf-8")))[0]) == "Prices in € rose at the café."


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_a_bom_is_read(tmp_path, codec, bom):
    data = bom + rss(item("Café", f"{LEAD} Le café.", 1), '<?xml version="1.0" encoding="UTF-16"?>').encode(codec)
    article = read_articles(_write(tmp_path, "feed.xml", data))[0]
    assert article.title == "Café" and _text(article) == f"{LEAD} Le café."


def test_double_encoded_utf8_is_repaired_and_good_text_is_untouched(tmp_path):
    good = "The café’s owner said we’re back on Monday, à bientôt."
    broken = good.encode("utf-8").decode("cp1252")  # "cafÃ©â€™s": UTF-8 read as Windows-1252 once
    data = rss(item("x", broken, 1) + item("y", good, 2))
    texts = [_text(a) for a in read_articles(_write(tmp_path, "feed.xml", data))]
    assert texts == [good, good]
    # Text that only looks odd stays as it is.
    odd = "Ã is a letter in Portuguese names; Â too."
    assert _text(read_articles(_write(tmp_path, "odd.xml", rss(item("z", odd))))[0]) == odd


def test_an_xml_document_that_is_not_a_feed_is_refused_in_one_line(cli, tmp_path):
    path = _write(tmp_path, "note.xml", '<?xml version="1.0" encoding="utf-8"?><note><to>Anaïs</to></note>')
    with pytest.raises(InputError, match=r"an XML document <note>, not an RSS, Atom or JSON feed"):
        read_articles(path)
    result = cli("article", path)
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_an_ill_formed_feed_gives_what_it_holds(tmp_path):
    data = rss(item("Marigold returns", LEAD, 1) + item("Broken & cut", SECOND, 2)).replace("</channel></rss>", "")
    articles = read_articles(_write(tmp_path, "feed.xml", data), latest=5)
    assert {_text(a) for a in articles} == {LEAD, SECOND}
    with pytest.raises(InputError, match="not a readable|no items|not an RSS"):
        read_articles(_write(tmp_path, "junk.xml", '<?xml version="1.0"?><rss><channel><title>x</ti'))


@pytest.mark.skipif(not FEEDS.is_dir(), reason="../shared/eval/feeds is not present")
def test_real_feeds_are_read_clean_or_refused_in_one_line():
    read = 0
    for path in sorted(FEEDS.glob("*.xml")):
        try:
            items = read_articles(str(path), latest=3)
        except InputError as exc:
            assert "\n" not in str(exc), path.name
            continue
        read += 1
        text = " ".join(i.title + " " + _text(i) for i in items)
        assert text.strip(), path.name
        # No markup, no JSON, no mojibake.
        assert not re.search(r'<[a-zA-Z/!?]|","|":"|Ã[\x80-\xbf]|â€', text), (path.name, text[:200])
        letters = [c for c in text if c.isalpha()]
        assert sum("\u00c0" <= c <= "\u00ff" for c in letters) < 0.2 * len(letters), path.name
    assert read >= 9
    # The KOI8-R and Windows-1251 feeds read as Russian.
    for name in ("encoding_koi8r.xml", "parser_encoding_WINDOWS-1251.xml"):
        assert any(re.search(r"[а-яА-Я]{4}", i.title) for i in read_articles(str(FEEDS / name))), name
