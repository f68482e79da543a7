import pytest

from briefing.ingest import read_articles
from briefing.writing.language import detect_language

FRENCH = ("Le conseil municipal a approuvé mardi soir la construction d'une nouvelle ligne de tramway "
          "qui reliera la gare au centre-ville d'ici cinq ans, a annoncé la maire lors d'une conférence de presse.")


def test_languages_are_detected_offline():
    assert detect_language(FRENCH) == "fr"
    assert detect_language("The council approved a new tram line for the city centre on Tuesday evening.") == "en"
    assert detect_language("Oui.") == "en"  # too short to tell: the default


def test_an_article_carries_its_language(tmp_path):
    path = tmp_path / "tram.txt"
    path.write_text(FRENCH + "\n", encoding="utf-8")
    assert read_articles(str(path))[0].language == "fr"


@pytest.mark.parametrize("engine, named", [("hibari", "hibari voice heart"), ("piper", "Piper voice en_US-joe-medium")])
def test_offline_voices_refuse_an_article_they_cannot_read(cli, tmp_path, engine, named):
    path = tmp_path / "tram.txt"
    path.write_text(FRENCH + "\n", encoding="utf-8")
    result = cli("make", str(path), "-o", str(tmp_path / "tram.mp3"), "-q", "--engine", engine)
    assert result.returncode != 0
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "French" in err[0] and "--voice" in err[0] and named in err[0], err
    assert not list(tmp_path.glob("tram.mp3*"))


def test_english_fast_path_agrees_with_the_model():
    from briefing.writing.language import looks_english

    assert looks_english("The council said on Tuesday that it would review the plans for the new bridge.")
    for text in (
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée au parlement.",
        "Die Regierung hat am Dienstag eine neue Rentenreform angekündigt, die dem Parlament vorgelegt wird.",
        "De regering heeft dinsdag een nieuwe pensioenhervorming aangekondigd voor het parlement.",
    ):
        assert not looks_english(text)
