"""`briefing run` into a bucket site (moto's S3 server): the episode, the memory of what was
told and the sources' fetch state all live in the bucket, so a second run says nothing twice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from bucket_site import check_listener_view  # noqa: E402

STORY = """Pier in Alder Reopens After a Year of Repairs

The old pier in Alder reopened on Saturday after a year of repairs, the town council said. Anglers and
families walked its full length for the first time since the storm that broke its middle section.

The council said the work cost less than planned because volunteers painted the railings.
"""


@pytest.mark.slow
def test_run_publishes_into_a_bucket_and_remembers_there(s3_server, tmp_path):
    bucket = s3_server.bucket()
    public = s3_server.public_url(bucket, "show")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "pier.txt").write_text(STORY, encoding="utf-8")
    show = tmp_path / "briefing.toml"
    show.write_text(f'[show]\ntitle = "Alder Daily"\nminutes = 1\nsite = "s3://{bucket}/show"\n'
                    f'public_url = "{public}"\n\n[[source]]\nurl = "news"\nname = "Alder News"\n', encoding="utf-8")
    first = run_cli("run", "--show", str(show), "--date", "2026-11-25", env=s3_server.env)
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout.decode().strip().splitlines()[-1] == public + "feed.xml"
    root = check_listener_view(public)
    assert "Pier in Alder" in [i.findtext("title") for i in root.iter("item")][0]
    assert not (tmp_path / "s3:").exists() and not list(tmp_path.glob("s3*"))
    again = run_cli("run", "--show", str(show), "--date", "2026-11-25", env=s3_server.env)
    assert again.returncode == 0, again.stderr.decode()
    assert again.stdout.decode().strip().splitlines()[-1] == "nothing new"
    listed = run_cli("sources", "--show", str(show), env=s3_server.env)
    assert listed.returncode == 0 and "Alder News" in listed.stdout.decode(), listed.stderr.decode()
