import json

from briefing.ingest import read_articles
from briefing.writing.script import write_script
from briefing.writing.summarize import summarize


def test_script_announces_sections_and_says_only_speakable_text(seed_article):
    article = read_articles(str(seed_article))[0]
    script = write_script([summarize(article, 220)], show="Morning Desk")
    kinds = [s.kind for s in script.segments]
    assert kinds[0] == "intro" and kinds[-1] == "outro"
    assert "Morning Desk" in script.segments[0].text
    for heading in ("The Strategic Blow", "A Region in Flames", "What's Next?"):
        assert any(s.kind == "section" and heading in s.text for s in script.segments)
    assert not any(ch.isdigit() for ch in script.text)
    # The intro lists the headings as one sentence: "..., and What's Next." (not "Next?.").
    assert "?." not in script.segments[0].text and "and What's Next." in script.segments[0].text


def test_cli_script_json_shape(cli, seed_article):
    result = cli("script", str(seed_article), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"title", "segments", "show", "date", "sources", "language"}
    assert data["segments"][0]["kind"] == "intro"
    assert all(set(s) == {"kind", "title", "text", "sentences"} for s in data["segments"])
    # Enough to rebuild the script in another process (a worker renders it there).
    from briefing.models import Script

    assert Script.from_dict(data).to_dict() == data


def test_user_templates_override_the_builtin_ones(cli, short_article, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "outro.j2").write_text("Goodbye from {{ show }}, see you tomorrow.")
    result = cli("script", str(short_article), "--templates", str(templates), "--show", "Alder Daily")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip().endswith("Goodbye from Alder Daily, see you tomorrow.")


def test_broken_template_is_one_line_error(cli, short_article, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "intro.j2").write_text("Hello {{ show ")
    result = cli("script", str(short_article), "--templates", str(templates))
    assert result.returncode != 0
    assert result.stderr.decode().strip().count("\n") == 0
    assert "intro.j2" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_sandbox_blocks_python_internals(cli, short_article, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "intro.j2").write_text("{{ show.__class__.__mro__[1].__subclasses__() }}")
    result = cli("script", str(short_article), "--templates", str(templates))
    assert result.returncode != 0
    assert b"Traceback" not in result.stderr
