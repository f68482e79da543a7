"""The shared feed checker (../shared/tools/feedcheck: the W3C validator's code, nine client
parsers, Apple's and Podcasting 2.0's rules, strict caption parsers, HTTP checks) on a published
site of three episodes: 0 FAIL, and only the warnings the README lists, for the reasons it gives."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import SHARED
from serving import free_port, request, running_server
from site_fixtures import copy_site, episodes, show_file, site  # noqa: F401 (fixtures)

CHECKER = SHARED / "tools" / "feedcheck" / "check_feed.sh"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHECKER.is_file(), reason="../shared/tools/feedcheck is not present")]

# Hand-check warnings that may stay, by rule (README, "What the feed checkers say").
LAN_WARNINGS = {
    "p20:https",  # served on a LAN over plain http: the spec wants https for podcast:* links
    "p20:guid",  # podcast:guid was made from the first feed URL and is kept when the address changes
}
# W3C validator warnings that may stay.
W3C_WARNINGS = (
    "Use of unknown namespace: http://podlove.org/simple-chapters",  # gPodder reads chapters only from it
    "title should not contain HTML",  # the fixture's title is deliberately '... <script>alert("boo")</script> Win'
    "description should not contain script tag",  # the same title, in the show notes
)


def check(feed, folder, out) -> str:
    result = subprocess.run([str(CHECKER), str(feed), str(folder), str(out)], capture_output=True, text=True,
                            timeout=1200)
    if result.returncode == 2:
        pytest.skip(f"the feed checkers could not be built: {result.stderr.strip()[-300:]}")
    report = result.stdout
    assert result.returncode == 0, "\n".join(line for line in report.splitlines() if "FAIL" in line)
    assert re.search(r"^W3C validator: +valid", report, re.M)
    assert re.search(r"^client parsers: +all parsed", report, re.M)
    assert "HAND-CHECK SUMMARY: 0 FAIL" in report
    assert re.search(r"^transcript parsers: +no errors", report, re.M)
    parsers = re.findall(r"^[\w@/.-]+: parsed OK; (\d+) warning", report, re.M)
    assert len(parsers) == 9 and set(parsers) == {"0"}, parsers
    unexpected = [w for w in re.findall(r"^  WARNING: line \d+, column \d+: (.*)$", report, re.M)
                  if not w.startswith(W3C_WARNINGS)]
    assert not unexpected
    return report


def hand_warnings(report: str) -> set[str]:
    return set(re.findall(r"^WARN +\[([^\]]+)\]", report, re.M))


@pytest.fixture(scope="module")
def https_site(site, episodes, tmp_path_factory):
    """The shared site at a public https address, as a show with a `public_url` would be."""
    from conftest import run_cli

    folder = copy_site(site["dir"], tmp_path_factory.mktemp("https") / "site")
    result = run_cli("publish", str(episodes["scope"]), "--site", str(folder),
                     "--base-url", "https://podcast.alder.example/daily/", env=site["env"])
    assert result.returncode == 0, result.stderr.decode()
    assert b"warning" not in result.stderr  # https: nothing to warn about
    return folder


def test_published_feed_passes_every_checker_without_warnings(https_site, tmp_path):
    report = check(https_site / "feed.xml", https_site, tmp_path / "dumps")
    assert hand_warnings(report) == set()


def test_served_feed_passes_including_http_checks(site, tmp_path):
    folder = copy_site(site["dir"], tmp_path / "site")
    port = free_port()
    with running_server(folder, port):
        response, body = request(port, "GET", "/feed.xml")
        assert response.status == 200
        feed = tmp_path / "served.xml"
        feed.write_bytes(body)
        report = check(feed, folder, tmp_path / "dumps")
    assert re.search(r"^HTTP checks: +ok", report, re.M)
    assert not re.findall(r"^WARN (feed|item|channel)", report, re.M)  # CORS, preflight, ranges, types
    assert hand_warnings(report) <= LAN_WARNINGS

