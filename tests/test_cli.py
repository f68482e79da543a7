import subprocess
import sys


def _imports_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_help_does_not_import_heavy_modules():
    loaded = _imports_after(
        "from briefing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not {"numpy", "onnxruntime", "piper", "pydub"} & loaded


def test_script_does_not_load_a_tts_engine(short_article):
    loaded = _imports_after(
        "from briefing.cli import main\n"
        f"try:\n    main(['script', {str(short_article)!r}])\nexcept SystemExit:\n    pass"
    )
    assert "briefing.writing.script" in loaded
    assert not {"onnxruntime", "piper", "gtts", "pydantic"} & loaded  # pydantic: typer 0.29 parsing, 0.12 s


def test_missing_file_is_one_line_and_nonzero(cli, tmp_path):
    result = cli("make", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.mp3"))
    assert result.returncode != 0
    err = result.stderr.decode().strip().splitlines()
    assert err[-1].startswith("briefing: error:") and "nope.txt" in err[-1]
    assert b"Traceback" not in result.stderr
    assert not list(tmp_path.glob("x.*"))


def test_unknown_engine_is_rejected(cli, short_article, tmp_path):
    result = cli("make", str(short_article), "-o", str(tmp_path / "x.mp3"), "--engine", "nope", "-q")
    assert result.returncode != 0
    assert "unknown engine" in result.stderr.decode()
    assert not list(tmp_path.glob("x.*"))


def test_summarize_prints_at_most_n_words(cli, seed_article):
    result = cli("summarize", str(seed_article), "--words", "60")
    assert result.returncode == 0, result.stderr
    words = result.stdout.decode().split()
    assert 10 <= len(words) <= 60


def test_voices_lists_offline_default(cli):
    result = cli("voices")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "piper" in out and "offline" in out and "gtts" in out and "- joe" in out
    assert "en_US-joe-medium" not in out  # the README and --voice say "joe"
    hibari_line = next(line for line in out.splitlines() if line.startswith("hibari"))
    assert "offline" in hibari_line and "default" in hibari_line and "- heart" in out


def test_version_prints_the_installed_version(cli):
    from importlib.metadata import version

    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"briefing {version('briefing')}"


def test_every_command_help_has_an_example(cli):
    from briefing.cli import app

    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None) or {}
        for sub_name, sub in [(name, command)] + [(f"{name} {k}", v) for k, v in subcommands.items()]:
            result = cli(*sub_name.split(), "--help")
            assert result.returncode == 0, sub_name
            assert "Example:" in result.stdout.decode(), f"`briefing {sub_name} --help` has no example"


def test_help_documents_exit_codes(cli):
    out = cli("--help").stdout.decode()
    assert "Exit codes" in out and "NO_COLOR" in out


def test_debug_works_after_the_command_too(cli, tmp_path):
    missing = str(tmp_path / "missing.txt")
    plain = cli("script", missing)
    assert plain.returncode == 2
    assert plain.stderr.decode().strip().count("\n") == 0 and "Traceback" not in plain.stderr.decode()
    for args in (("--debug", "script", missing), ("script", missing, "--debug")):
        result = cli(*args)
        assert result.returncode != 0
        assert "Traceback" in result.stderr.decode(), args


def test_run_help_prints_each_example_on_its_own_line(cli):
    out = cli("run", "--help").stdout.decode()
    lines = [line.strip() for line in out.splitlines() if "Example:" in line]
    assert lines == ["Example: briefing run --show briefing.toml",
                     "Example: briefing run shows/*.toml --broker redis://localhost:6379/0"]
