"""Property tests (hypothesis) over arbitrary Unicode: readers and speech never crash.

A reader either returns a well-formed Article or raises InputError (the CLI's one-line
error); `speakable` always returns text a voice can say: no digits, no "&", no emoji,
no runaway growth. Each property runs EXAMPLES examples (see the report in the closing
note of issue 7); a failure prints the smallest input that breaks it.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.models import Article
from briefing.writing.speech import speakable

EXAMPLES = 400
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

# Arbitrary Unicode, weighted towards what articles are made of: words, digits, punctuation,
# newlines and the symbols speech.py rewrites.
_pieces = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\n", "\n\n", "# ", "## ", "- ", "> ", "* ", "```", "<p>", "</p>", "<h2>", "</h2>", "<br>",
                     "&amp;", "&", "%", "$", "€", "£", "°C", "@", "+", " - ", "—", "\"", "“", "”", "'", ".", "?",
                     "!", ",", ";", ":", "(", ")", "[", "]", "http://x.org/a", "a@b.com", "U.S.", "Dr.", "NATO",
                     "HTS", "2024", "1,500", "3.14", "-7", "10:30", "5pm", "1st", "3bn", "2-3", "12/05/2024",
                     "\u200d", "\ufe0f", "😀", "٣", "\u00a0", "\t", "\r\n", "\x00", "\u202e"]),
    st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{1,8}){0,12}[.!?]", fullmatch=True),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.from_regex(r"[$€-]?\d{1,80}(st|th|bn|km|%|\.\d{1,40})?", fullmatch=True),
    st.sampled_from(["9" * 5000, "9" * 4400 + "th", "$" + "1" * 4301]),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
)
article_text = st.lists(_pieces, max_size=40).map("".join)


def _well_formed(article: Article) -> None:
    assert isinstance(article.title, str) and article.title.strip()
    assert article.sections, "an Article has at least one section"
    for section in article.sections:
        assert section.heading is None or (isinstance(section.heading, str) and section.heading.strip())
        assert section.paragraphs, "a section has at least one paragraph"
        for paragraph in section.paragraphs:
            assert isinstance(paragraph, str) and paragraph.strip()


def _parses_or_refuses(parse, raw: str) -> None:
    try:
        article = parse(raw, source="fuzz")
    except BriefingError as exc:
        assert str(exc).startswith("fuzz:") and "\n" not in str(exc)
        return
    _well_formed(article)


@FUZZ
@given(article_text)
def test_plain_text_reader(raw):
    from briefing.ingest import text

    _parses_or_refuses(text.parse, raw)


@FUZZ
@given(article_text)
def test_markdown_reader(raw):
    from briefing.ingest import markdown

    _parses_or_refuses(markdown.parse, raw)


@FUZZ
@given(article_text)
def test_html_reader(raw):
    from briefing.ingest import html

    _parses_or_refuses(html.parse, raw)


@FUZZ
@given(st.binary(max_size=400) | article_text.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_read_as_a_file(tmp_path_factory, data):
    """Whatever the bytes, reading them gives Articles or an InputError: never another exception."""
    from briefing.ingest import read_articles

    path = tmp_path_factory.getbasetemp() / "fuzz.txt"
    path.write_bytes(data)
    try:
        articles = read_articles(str(path))
    except BriefingError as exc:
        assert "\n" not in str(exc)
        return
    for article in articles:
        _well_formed(article)


SYMBOLS_SAID_AS_WORDS = "&"


@FUZZ
@given(article_text)
def test_speakable_says_everything_in_words(raw):
    spoken = speakable(raw)
    assert isinstance(spoken, str)
    assert not any(unicodedata.category(ch) == "Nd" for ch in spoken), spoken
    assert not any(ch in spoken for ch in SYMBOLS_SAID_AS_WORDS), spoken
    assert not re.search("[\U0001F300-\U0001FAFF]", spoken), spoken
    # Numbers grow when said ("1,500" is "one thousand five hundred"), but boundedly.
    assert len(spoken) <= 40 * len(raw) + 20
    assert spoken == spoken.strip() and "  " not in spoken


@FUZZ
@given(st.text(max_size=200))
def test_speakable_on_any_unicode(raw):
    spoken = speakable(raw)
    assert isinstance(spoken, str)
    assert not any(unicodedata.category(ch) == "Nd" for ch in spoken), spoken
    assert "&" not in spoken
