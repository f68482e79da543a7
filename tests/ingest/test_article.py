from briefing.ingest.article import derive_title, is_sign_off, looks_like_heading, sections_from_blocks, split_blocks
from briefing.ingest import read_articles


def test_seed_article_sections_are_found_as_a_reader_would(seed_article):
    article = read_articles(str(seed_article))[0]
    headings = [s.heading for s in article.sections]
    assert headings == [None, "The Strategic Blow", "A Region in Flames", "What’s Next?"]
    assert len(article.sections[0].paragraphs) == 3  # the lead, with its two quotes
    # The sign-off ("Stay tuned...") is not part of the story.
    assert not any("Stay tuned" in p for s in article.sections for p in s.paragraphs)
    # No title line in the text: a short one is derived from the lead.
    assert article.title == "Rebel forces have captured the strategic city of Hama"


def test_title_override(seed_article):
    assert read_articles(str(seed_article), title="Hama Falls")[0].title == "Hama Falls"


def test_heading_rules():
    assert looks_like_heading("What's Next?")
    assert looks_like_heading("A Region in Flames")
    assert not looks_like_heading("The city has fallen.")
    assert not looks_like_heading("and then it rained")
    assert not looks_like_heading("- a bullet point")
    assert not looks_like_heading("This line is far too long to be a heading because it keeps going on and on past twelve words")


def test_sign_off_lines():
    assert is_sign_off("Stay tuned—this is a story that refuses to be contained.")
    assert is_sign_off("Reporting by Jane Doe; editing by John Roe")
    assert not is_sign_off("Staying in the city was not an option for most residents.")


def test_title_line_then_sections_and_blank_line_paragraphs():
    text = "Big News Today\n\nThe first paragraph is wrapped\nacross two lines here.\n\nSecond Part\n\nMore text follows here."
    title, sections = sections_from_blocks(split_blocks(text))
    assert title == "Big News Today"
    assert sections[0].heading is None
    assert sections[0].paragraphs == ("The first paragraph is wrapped across two lines here.",)
    assert sections[1].heading == "Second Part"


def test_text_without_headings_is_one_lead_section(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Prices rose again in May. Economists expected it.\nThe bank will meet next week.\n")
    article = read_articles(str(path))[0]
    assert [s.heading for s in article.sections] == [None]
    assert article.title.startswith("Prices rose again in May")


def test_derived_title_skips_a_framing_phrase():
    from briefing.models import Section

    lead = Section(None, ("After a long night of talks, ministers agreed a new budget for schools. More follows.",))
    assert derive_title([lead]) == "Ministers agreed a new budget for schools"


def test_a_long_derived_title_is_cut_where_a_clause_starts_not_inside_a_phrase():
    from briefing.models import Section

    lead = Section(None, ("The central bank governor has warned that allowing large budget deficits to run on "
                          "could have severe consequences. More follows.",))
    assert derive_title([lead]) == "The central bank governor has warned"  # not "... allowing large budget"
    short = Section(None, ("Ministers said that schools will reopen on Monday. More follows.",))
    assert derive_title([short]) == "Ministers said that schools will reopen on Monday"  # short: whole
    number = Section(None, ("The city's cup final with the visitors this summer has been declared a 33,000 sell-out.",))
    assert derive_title([number]).endswith("a 33,000 sell-out")  # a little past the limit, and no cut at "33,"


def test_markdown_headings_and_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# The Title\n\nLead with a [link](http://x.example) and *emphasis*.\n\n## Part Two\n\nBody text.\n")
    article = read_articles(str(path))[0]
    assert article.title == "The Title"
    assert [s.heading for s in article.sections] == [None, "Part Two"]
    assert article.sections[0].paragraphs == ("Lead with a link and emphasis.",)


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners in Zürich said prices rose by a fifth this year.\n".encode("latin-1"))
    article = read_articles(str(path))[0]
    assert "Café" in article.sections[0].paragraphs[0]
