from briefing.ingest import read_articles
from briefing.models import Article, Section
from briefing.summarize import split_sentences, summarize


def test_budget_is_respected_and_order_kept(seed_article):
    article = read_articles(str(seed_article))[0]
    for budget in (40, 80, 150, 250):
        digest = summarize(article, budget)
        assert 0 < digest.word_count <= budget
        for chosen, section in zip(digest.sections, article.sections):
            text = " ".join(section.paragraphs)
            positions = [text.index(s) for s in chosen.sentences]
            assert positions == sorted(positions)


def test_every_section_says_something_when_the_budget_allows(seed_article):
    digest = summarize(read_articles(str(seed_article))[0], 200)
    assert all(section.sentences for section in digest.sections)


def test_a_quotation_stays_whole():
    sentences = split_sentences('"The city has fallen. This is a turning point," said a leader. Then it rained.')
    assert sentences[0] == '"The city has fallen. This is a turning point," said a leader.'


def test_dangling_reference_comes_with_its_antecedent():
    article = Article(
        title="t", source="s",
        sections=(Section(None, (
            "The council approved a new tram line for the city centre on Tuesday. "
            "It will cost four hundred million pounds and open in five years. "
            "Weather was mild.",
        )),),
    )
    digest = summarize(article, 40)
    chosen = digest.sections[0].sentences
    if any(s.startswith("It will cost") for s in chosen):
        assert chosen[0].startswith("The council approved")
