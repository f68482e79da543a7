"""A person the summary names by surname alone is named in full at the first reference; companies,
days, a second reference and a surname two people share stay as written."""

from __future__ import annotations

from briefing.models import Article, Digest, DigestSection, Section
from briefing.writing.references import introduce_people

ARTICLE = (
    "Amazon bought Whole Foods in August 2017 for $13.7bn, its largest acquisition.",
    "The combination of the two has been steady, said Tom Forte, who follows Amazon as a managing director.",
    "Within months of the acquisition, Forte said, Whole Foods was selling cheaper eggs.",
    "Whole Foods said it has lowered prices on hundreds of items.",
    "Prices will keep falling, Forte said on Sunday.",
    "Budget expert Marc Goldwein of the committee agreed.",
    "\"Rates went down to record lows,\" Mr Goldwein said.",
)


def _introduced(*sentences: str, article: tuple[str, ...] = ARTICLE, language: str = "en") -> list[str]:
    source = Article(title="t", source="s", sections=(Section(None, article),), language=language)
    digest = introduce_people(Digest(source, (DigestSection(None, sentences),)))
    return list(digest.sections[0].sentences)


def test_the_first_bare_surname_is_the_articles_full_name():
    assert _introduced(ARTICLE[0], ARTICLE[2], ARTICLE[4]) == [
        ARTICLE[0],
        "Within months of the acquisition, Tom Forte said, Whole Foods was selling cheaper eggs.",
        "Prices will keep falling, Forte said on Sunday.",  # the second reference stays a surname
    ]


def test_an_honorific_goes_with_the_first_reference():
    assert _introduced(ARTICLE[6]) == ["\"Rates went down to record lows,\" Marc Goldwein said."]


def test_a_person_already_named_in_full_stays_a_surname():
    assert _introduced(ARTICLE[1], ARTICLE[2]) == [ARTICLE[1], ARTICLE[2]]


def test_a_surname_two_people_share_stays_as_it_is():
    article = ("Hori Parata has overseen more than 500 strandings.",
               "His son, Kauri Parata, carves whale bone.",
               "Parata said the whales were ready to die.")
    assert _introduced(article[2], article=article) == [article[2]]


def test_companies_days_and_other_languages_are_not_people():
    article = ARTICLE + ("Prime Minister Mariano Rajoy said Sunday in Madrid Sunday papers were wrong.",
                         "Analysts at Reuters said so.")
    assert _introduced(ARTICLE[3], article=article) == [ARTICLE[3]]  # "Whole Foods said": not "Foods"
    assert _introduced("Growth will slow, Prime Minister Mariano Rajoy said Sunday.", article=article) == [
        "Growth will slow, Prime Minister Mariano Rajoy said Sunday."]
    assert _introduced("Reuters said the deal was off.", article=article) == ["Reuters said the deal was off."]
    assert _introduced(ARTICLE[2], language="fr") == [ARTICLE[2]]


def test_a_script_names_the_speaker_in_full(cli, tmp_path):
    article = tmp_path / "grocer.txt"
    article.write_text("Grocer cuts prices\n\n" + " ".join(ARTICLE[:1] + ARTICLE[2:5]) + "\n\n"
                       + " ".join(ARTICLE[1:2]), encoding="utf-8")
    result = cli("script", str(article), "--minutes", "1")
    assert result.returncode == 0, result.stderr.decode()
    assert "Tom Forte said" in result.stdout.decode()


def test_a_subject_is_a_person_only_when_the_article_shows_one():
    article = ("\"It is a groundbreaking study,\" says Katie Allen, MD, of the children's hospital.",
               "Allen was not involved in the research.",
               "Yesterday Argentina sold bonds to foreign banks.",
               "Argentina has refused to pay its creditors.",
               "Canadian Eugenie Bouchard beat the champion.",
               "Bouchard said she was tired.")
    assert _introduced(article[1], article=article) == ["Katie Allen was not involved in the research."]
    assert _introduced(article[3], article=article) == [article[3]]  # a country, not "Yesterday Argentina"
    assert _introduced(article[5], article=article) == ["Eugenie Bouchard said she was tired."]  # no "Canadian"


def test_a_bare_surname_the_article_shows_as_a_person_is_named_in_full():
    article = ("A tour bus caught fire on a Texas freeway on Thursday morning.",
               "As he drew closer to the bus, Barnett decided to stop filming.",
               "Michael Barnett said he did not know the bus belonged to the band.",
               "Group Menatep said it would sue, and the Church said it would pray.",
               "Menatep said the ruling was unfair.")
    assert _introduced(article[1], article=article) == [
        "As he drew closer to the bus, Michael Barnett decided to stop filming."]
    assert _introduced(article[4], article=article) == [article[4]]  # a company, not "Group Menatep"
    assert _introduced("He said the Church was wrong.", article=article) == ["He said the Church was wrong."]
